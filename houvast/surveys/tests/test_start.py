from datetime import timedelta

from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from houvast.lib.testing import BaseTestCase, mail_server_down
from houvast.surveys.models import Round

URL = reverse("surveys:start")


def form_data(**extra):
    return {
        "coordinator_name": "Carla",
        "coordinator_email": "carla@example.org",
        "network_name": "Netwerk Oost",
        "setting": "basis-ggz",
        "deadline": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "min_responses": "5",
        **extra,
    }


class StartTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()

    def test_it_shows_the_form_with_a_deadline_two_weeks_ahead(self):
        response = self.client.get(URL)
        self.assertContains(response, "Vraag een ronde aan")
        self.assertContains(response, (timezone.localdate() + timedelta(days=14)).isoformat())

    def test_the_mail_subject_shows_the_network_name_as_typed(self):
        self.client.post(URL, form_data(network_name="Noord & Zuid"))
        self.assertEqual(mail.outbox[0].subject, "Bevestig je stellingenronde voor Noord & Zuid")

    def test_it_creates_a_pending_round_and_mails_a_confirmation_link(self):
        response = self.client.post(URL, form_data())
        self.assertRedirects(response, reverse("surveys:requested"))
        round_obj = Round.objects.get()
        self.assertEqual(round_obj.status, Round.Status.PENDING)
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("/stellingen/beheer/", mail.outbox[0].body)
        self.assertNotIn(round_obj.coordinator_token_hash, mail.outbox[0].body)

    def test_a_deadline_in_the_past_gets_a_message_and_keeps_the_input(self):
        yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
        response = self.client.post(URL, form_data(deadline=yesterday), follow=True)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Kies een invuldatum na vandaag", status_code=400)
        self.assertContains(response, "Netwerk Oost", status_code=400)
        self.assertFalse(Round.objects.exists())

    def test_the_minimum_is_never_below_3(self):
        response = self.client.post(URL, form_data(min_responses="2"))
        self.assertContains(response, "Kies minstens 3", status_code=400)

    def test_fewer_invited_than_the_minimum_is_refused(self):
        response = self.client.post(URL, form_data(invited_count="2"))
        self.assertContains(response, "nooit resultaten", status_code=400)

    def test_50_posts_from_one_address_get_a_kind_message(self):
        for _ in range(50):
            response = self.client.post(URL, form_data())
        self.assertContains(response, "Probeer het over een uur opnieuw", status_code=429)
        self.assertContains(response, "Netwerk Oost", status_code=429)
        self.assertEqual(Round.objects.count(), 10)

    def test_a_professional_creates_an_open_round_for_their_team(self):
        self.login(self.member)
        data = form_data(coordinator_email=self.member.email, team=str(self.team.pk))
        response = self.client.post(URL, data)
        round_obj = Round.objects.get()
        self.assertRedirects(response, reverse("surveys:manage", args=[round_obj.pk]))
        self.assertEqual(round_obj.status, Round.Status.OPEN)
        self.assertEqual(round_obj.team, self.team)

    def test_an_unconfirmed_professional_still_confirms_by_email(self):
        self.member.email_confirmed = False
        self.member.save()
        self.login(self.member)
        self.client.post(URL, form_data(coordinator_email=self.member.email, team=str(self.team.pk)))
        self.assertEqual(Round.objects.get().status, Round.Status.PENDING)

    def test_a_mail_server_that_is_down_keeps_what_was_typed_and_leaves_no_round(self):
        with mail_server_down(), self.assertLogs("houvast.lib.emails"):
            response = self.client.post(URL, form_data())
        self.assertContains(response, "De bevestigingsmail kon nu niet worden verstuurd", status_code=503)
        self.assertContains(response, "Netwerk Oost", status_code=503)
        self.assertFalse(Round.objects.exists())

    def test_a_professional_whose_mail_fails_still_gets_their_open_round(self):
        self.login(self.member)
        data = form_data(coordinator_email=self.member.email, team=str(self.team.pk))
        with mail_server_down(), self.assertLogs("houvast.lib.emails"):
            response = self.client.post(URL, data, follow=True)
        self.assertContains(response, "kon nu niet worden verstuurd")
        self.assertEqual(Round.objects.get().status, Round.Status.OPEN)

    def test_a_professional_cannot_pick_another_team(self):
        self.login(self.member)
        response = self.client.post(URL, form_data(team=str(self.other_team.pk)))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Round.objects.exists())
