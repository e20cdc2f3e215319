import datetime
import io

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from houvast.lib.testing import BaseTestCase, FakePdfLayout
from houvast.surveys.models import Response, Round

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


class PaperPdfCacheTests(FakePdfLayout, BaseTestCase):
    """A repeat renders nothing; a change of anything the form shows makes a new PDF."""

    def setUp(self):
        super().setUp()
        self.round, token = make_round()
        self.url = reverse("surveys:paper_pdf", args=[token])

    def change(self, **fields):
        return lambda: Round.objects.filter(pk=self.round.pk).update(**fields)

    def test_each_thing_the_form_shows_makes_a_new_pdf(self):
        deadline = timezone.make_aware(datetime.datetime(2031, 3, 12, 12))
        self.assert_new_pdf_after(self.url, self.change(network_name="Netwerk West"), shows="Netwerk West")
        self.assert_new_pdf_after(self.url, self.change(deadline=deadline), shows="12 maart 2031")
        self.assert_new_pdf_after(self.url, self.change(coordinator_name="Bram"), shows="aan Bram")
        first = self.download(self.url)
        self.assertNotEqual(self.download(self.url, headers={"accept-language": "en"}), first)
