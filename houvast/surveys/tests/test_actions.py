import io

from django.urls import reverse
from pypdf import PdfReader

from houvast.lib.testing import BaseTestCase
from houvast.surveys.models import FollowUpAction, Round

from .factories import add_responses, close_round, make_round


class ActionTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.round, self.token = make_round()

    def test_adding_an_action(self):
        data = {"what": "Signaleringsplan in elk dossier", "who": "Mo", "due": "2027-01-15"}
        self.client.post(reverse("surveys:add_action", args=[self.token]), data)
        action = FollowUpAction.objects.get()
        self.assertEqual(action.round, self.round)
        response = self.client.get(reverse("surveys:manage", args=[self.token]))
        self.assertContains(response, "Signaleringsplan in elk dossier")

    def test_a_missing_what_keeps_the_input(self):
        response = self.client.post(reverse("surveys:add_action", args=[self.token]), {"who": "Mo Lid"})
        self.assertContains(response, "Mo Lid", status_code=400)
        self.assertFalse(FollowUpAction.objects.exists())

    def test_deleting_an_action(self):
        action = FollowUpAction.objects.create(round=self.round, what="Iets", who="Mo")
        self.client.post(reverse("surveys:delete_action", args=[self.token, action.pk]))
        self.assertFalse(FollowUpAction.objects.exists())

    def test_actions_of_another_round_cannot_be_deleted(self):
        other, _ = make_round()
        action = FollowUpAction.objects.create(round=other, what="Iets", who="Mo")
        self.client.post(reverse("surveys:delete_action", args=[self.token, action.pk]))
        self.assertTrue(FollowUpAction.objects.exists())

    def test_actions_are_in_the_summary_pdf(self):
        add_responses(self.round, [[4] * 10] * 5)
        close_round(self.round)
        FollowUpAction.objects.create(round=self.round, what="Signaleringsplan in elk dossier", who="Mo")
        response = self.client.get(reverse("surveys:summary_pdf", args=[self.token]))
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        self.assertIn("Signaleringsplan in elk dossier", " ".join(text.split()))

    def test_actions_come_back_in_the_repeat_round(self):
        FollowUpAction.objects.create(round=self.round, what="Naasten uitnodigen bij ontslag", who="Mo")
        response = self.client.post(reverse("surveys:repeat", args=[self.token]), follow=True)
        repeat = Round.objects.get(previous=self.round)
        self.assertContains(response, "Afgesproken in de vorige ronde")
        self.assertContains(response, "Naasten uitnodigen bij ontslag")
        add_responses(repeat, [[4] * 10] * 5)
        close_round(repeat)
        summary_url = response.redirect_chain[-1][0] + "samenvatting/"
        page = self.client.get(summary_url)
        self.assertContains(page, "Afgesproken in de vorige ronde")
        self.assertContains(page, "Naasten uitnodigen bij ontslag")
