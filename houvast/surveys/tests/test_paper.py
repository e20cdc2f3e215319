import io

from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from houvast.lib.testing import BaseTestCase
from houvast.surveys.models import Response

from .factories import add_responses, full_post, make_round


class PaperTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.round, self.token = make_round()

    def test_the_paper_version_has_all_statements(self):
        response = self.client.get(reverse("surveys:paper_pdf", args=[self.token]))
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        self.assertIn("Ik betrek naasten bij terugvalpreventie.", " ".join(text.split()))
        self.assertIn("Helemaal eens", text)

    def test_a_typed_in_paper_form_counts(self):
        response = self.client.post(reverse("surveys:paper_entry", args=[self.token]), full_post("3"))
        self.assertRedirects(response, reverse("surveys:paper_entry", args=[self.token]))
        self.client.post(reverse("surveys:paper_entry", args=[self.token]), full_post("5"))
        self.assertEqual(self.round.response_count(), 2)
        self.assertEqual(Response.objects.filter(source="paper").count(), 2)

    def test_an_incomplete_paper_form_keeps_the_input(self):
        data = full_post("3", c1="van papier")
        del data["s4"]
        response = self.client.post(reverse("surveys:paper_entry", args=[self.token]), data)
        self.assertContains(response, "van papier", status_code=400)
        self.assertEqual(self.round.response_count(), 0)

    def test_the_last_paper_form_of_everyone_invited_sends_the_summary(self):
        round_obj, token = make_round(min_responses=3, invited_count=3)
        add_responses(round_obj, [[4] * 10] * 2)
        self.client.post(reverse("surveys:paper_entry", args=[token]), full_post("2"))
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("Netwerk Oost", mail.outbox[0].subject)
        self.client.post(reverse("surveys:paper_entry", args=[token]), full_post("2"))
        self.assertEqual(len(mail.outbox), 1)
