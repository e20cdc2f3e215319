from django.urls import reverse

from houvast.accounts.models import User
from houvast.lib.testing import BaseTestCase, make_user
from houvast.workshops.models import Session

URL = reverse("workshops:start", args=["interventies-in-de-praktijk"])


class StartTests(BaseTestCase):
    def test_professional_starts_a_session_for_their_team(self):
        self.login(self.member)
        response = self.client.post(URL, {"team": self.team.pk, "hide_notes": "on"})
        session = Session.objects.get()
        self.assertRedirects(response, reverse("workshops:session", args=[session.code]))
        self.assertEqual(session.facilitator, self.member)
        self.assertTrue(session.hide_notes)
        self.assertFalse(session.names_required)
        self.assertEqual(session.timer_duration, 5 * 60)

    def test_team_of_someone_else_is_refused(self):
        self.login(self.outsider)
        response = self.client.post(URL, {"team": self.team.pk})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Session.objects.exists())

    def test_anonymous_is_sent_to_login(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:login"), response["Location"])

    def test_patient_gets_404(self):
        patient = make_user("patient@example.org", kind=User.Kind.PATIENT)
        self.login(patient)
        self.assertEqual(self.client.get(URL).status_code, 404)

    def test_werkvorm_that_is_not_live_gets_404(self):
        self.login(self.member)
        url = reverse("workshops:start", args=["bestaat-niet"])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_codes_avoid_confusable_characters(self):
        self.login(self.member)
        for _i in range(5):
            self.client.post(URL, {"team": self.team.pk})
        for code in Session.objects.values_list("code", flat=True):
            self.assertEqual(len(code), 6)
            self.assertFalse(set(code) & set("0O1IL"))
