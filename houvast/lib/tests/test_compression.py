from django.test import TestCase
from django.urls import reverse

from houvast.lib.testing import BaseTestCase
from houvast.surveys.tests.factories import make_round

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, br"}


class CompressionTests(BaseTestCase):
    def test_participant_page_is_compressed(self):
        round_obj, _ = make_round()
        response = self.client.get(reverse("surveys:respond", args=[round_obj.public_token]), **GZIP)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Encoding"], "gzip")
        self.assertIn("Accept-Encoding", response["Vary"])

    def test_public_page_is_compressed(self):
        response = self.client.get(reverse("home"), **GZIP)
        self.assertEqual(response["Content-Encoding"], "gzip")

    def test_page_with_a_query_string_is_not_compressed(self):
        # BREACH: the layout echoes the full path, so a query string is text the attacker chose.
        round_obj, _ = make_round()
        url = reverse("surveys:respond", args=[round_obj.public_token]) + "?guess=opmerking"
        response = self.client.get(url, **GZIP)
        self.assertContains(response, "guess=opmerking")
        self.assertFalse(response.has_header("Content-Encoding"))

    def test_signed_in_page_is_not_compressed(self):
        self.login(self.owner)
        response = self.client.get(reverse("content:catalogue"), **GZIP)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.has_header("Content-Encoding"))

    def test_unlisted_page_is_not_compressed(self):
        response = self.client.get(reverse("accounts:login"), **GZIP)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.has_header("Content-Encoding"))


class HtmxTests(TestCase):
    def test_participant_page_loads_no_htmx(self):
        round_obj, _ = make_round()
        response = self.client.get(reverse("surveys:respond", args=[round_obj.public_token]))
        self.assertNotContains(response, "htmx")

    def test_coordinator_page_loads_htmx_for_the_live_count(self):
        round_obj, token = make_round()
        response = self.client.get(reverse("surveys:manage", args=[token]))
        self.assertContains(response, "htmx-2.min.js")
        self.assertContains(response, 'hx-trigger="every 5s"')
