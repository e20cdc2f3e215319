from django.test import RequestFactory, TestCase
from django.utils import translation

from houvast.views import server_error


class ErrorPageTests(TestCase):
    def test_unknown_page_gets_the_house_404(self):
        response = self.client.get("/bestaat-niet/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Deze pagina bestaat niet (meer)", status_code=404)
        self.assertContains(response, 'class="skip-link"', status_code=404)

    def test_server_error_page_is_kind_and_standalone(self):
        with translation.override("nl"):
            response = server_error(RequestFactory().get("/"))
        self.assertEqual(response.status_code, 500)
        self.assertIn("Er ging iets mis", response.content.decode())

    def test_english_404(self):
        response = self.client.get("/bestaat-niet/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertContains(response, "This page does not exist", status_code=404)
