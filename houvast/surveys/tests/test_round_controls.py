from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from houvast.lib.testing import BaseTestCase, mail_server_down
from houvast.surveys.models import Round

from .factories import add_responses, close_round, make_round


class RoundControlTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.round, self.token = make_round(min_responses=3)
        add_responses(self.round, [[4] * 10] * 3)

    def url(self, name):
        return reverse(name, args=[self.token])

    def test_extending_the_deadline(self):
        day = timezone.localdate() + timedelta(days=30)
        self.client.post(self.url("surveys:extend"), {"deadline": day.isoformat()})
        self.round.refresh_from_db()
        self.assertEqual(timezone.localdate(self.round.deadline), day)

    def test_a_deadline_in_the_past_is_refused_with_a_message(self):
        day = timezone.localdate() - timedelta(days=1)
        response = self.client.post(self.url("surveys:extend"), {"deadline": day.isoformat()}, follow=True)
        self.assertContains(response, "Kies een invuldatum na vandaag")

    def test_closing_early_sends_the_summary_once(self):
        self.client.post(self.url("surveys:close"))
        self.round.refresh_from_db()
        self.assertEqual(self.round.status, Round.Status.CLOSED)
        self.assertEqual(len(mail.outbox), 1)
        self.client.post(self.url("surveys:close"))
        self.assertEqual(len(mail.outbox), 1)

    def test_reopening_opens_the_round_again(self):
        self.client.post(self.url("surveys:close"))
        self.client.post(self.url("surveys:reopen"))
        self.round.refresh_from_db()
        self.assertTrue(self.round.is_open)
        self.assertIsNone(self.round.deadline_summary_sent_at)

    def test_send_now_mails_the_summary_with_the_pdf(self):
        close_round(self.round)
        self.client.post(self.url("surveys:send_now"))
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["carla@example.org"])
        self.assertEqual(message.attachments[0][2], "application/pdf")
        self.client.post(self.url("surveys:send_now"))
        self.assertEqual(len(mail.outbox), 2)

    def test_send_now_while_open_sends_the_counts_without_results(self):
        self.client.post(self.url("surveys:send_now"))
        message = mail.outbox[0]
        self.assertEqual(message.attachments, [])
        self.assertIn("Uitkomsten zie je als de ronde gesloten is", message.body)
        self.assertNotIn("Wat valt op", message.body)

    def test_a_repeat_round_points_to_the_previous_one(self):
        response = self.client.post(self.url("surveys:repeat"))
        new = Round.objects.get(previous=self.round)
        self.assertTrue(new.is_open)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(mail.outbox), 1)
        self.client.post(self.url("surveys:repeat"))
        self.assertEqual(Round.objects.filter(previous=self.round).count(), 1)

    def test_a_repeat_round_runs_to_the_end_of_the_day_two_weeks_ahead(self):
        self.client.post(self.url("surveys:repeat"))
        new = Round.objects.get(previous=self.round)
        deadline = timezone.localtime(new.deadline)
        self.assertEqual(deadline.date(), timezone.localdate() + timedelta(days=14))
        self.assertEqual((deadline.hour, deadline.minute), (23, 59))

    def test_a_repeat_round_whose_mail_fails_still_opens_and_says_so(self):
        with mail_server_down(), self.assertLogs("houvast.lib.emails"):
            response = self.client.post(self.url("surveys:repeat"), follow=True)
        self.assertContains(response, "Bewaar het adres van deze pagina")
        self.assertTrue(Round.objects.get(previous=self.round).is_open)

    def test_a_key_with_other_digits_is_404_not_500(self):
        self.client.force_login(self.member)
        self.assertEqual(self.client.post(reverse("surveys:close", args=["²"])).status_code, 404)

    def test_controls_need_the_token(self):
        for name in ("surveys:close", "surveys:reopen", "surveys:send_now", "surveys:repeat"):
            self.assertEqual(self.client.post(reverse(name, args=["z" * 32])).status_code, 404)

    def test_outsider_gets_404_on_a_team_round(self):
        round_obj, _ = make_round(team=self.team)
        self.login(self.outsider)
        self.assertEqual(self.client.post(reverse("surveys:close", args=[round_obj.pk])).status_code, 404)

    def test_every_invited_person_answering_closes_the_round_and_sends_the_summary(self):
        round_obj, _ = make_round(min_responses=3, invited_count=3)
        add_responses(round_obj, [[4] * 10] * 2)
        data = {f"s{n}": "4" for n in range(1, 11)}
        self.client.post(reverse("surveys:respond", args=[round_obj.public_token]), data)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(len(mail.outbox[0].attachments), 1)
        round_obj.refresh_from_db()
        self.assertEqual(round_obj.status, Round.Status.CLOSED)
        self.assertIsNotNone(round_obj.deadline_summary_sent_at)
