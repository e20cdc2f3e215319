import time
from unittest import mock

from django.urls import reverse

from houvast.accounts.models import User
from houvast.lib.testing import PASSWORD

from ..models import Plan
from ..patient_emails import make_invite_token
from .patient_setup import PatientPlanTestCase


class InviteAcceptTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.new_plan = Plan.objects.create(
            team=self.team, owner=self.owner, patient_name="Nina Nieuw", patient_email="nina@example.org"
        )
        self.url = reverse("plans:invite_accept", args=[make_invite_token(self.new_plan)])

    def test_a_new_patient_makes_an_account_and_lands_on_the_plan(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Maak je account")
        response = self.client.post(self.url, {"name": "Nina", "password1": PASSWORD, "password2": PASSWORD})
        self.assertRedirects(response, reverse("plans:read", args=[self.new_plan.pk]))
        user = User.objects.get(email="nina@example.org")
        self.assertTrue(user.is_patient)
        self.assertTrue(user.email_confirmed)
        self.new_plan.refresh_from_db()
        self.assertEqual(self.new_plan.patient, user)
        self.assertEqual(self.client.get(reverse("plans:read", args=[self.new_plan.pk])).status_code, 200)

    def test_passwords_that_differ_keep_the_name(self):
        response = self.client.post(self.url, {"name": "Nina <i>", "password1": PASSWORD, "password2": "x"})
        self.assertContains(response, "niet hetzelfde")
        self.assertContains(response, 'value="Nina &lt;i&gt;"')
        self.assertFalse(User.objects.filter(email="nina@example.org").exists())

    def test_a_used_invitation_says_so(self):
        self.client.post(self.url, {"name": "Nina", "password1": PASSWORD, "password2": PASSWORD})
        self.client.logout()
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 410)
        self.assertContains(response, "al gebruikt", status_code=410)

    def test_an_expired_invitation_says_so(self):
        with mock.patch("django.core.signing.time.time", return_value=time.time() - 15 * 86400):
            url = reverse("plans:invite_accept", args=[make_invite_token(self.new_plan)])
        response = self.client.get(url)
        self.assertContains(response, "verlopen", status_code=410)

    def test_a_changed_address_or_bad_token_is_404(self):
        self.new_plan.patient_email = "ander@example.org"
        self.new_plan.save()
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.get(reverse("plans:invite_accept", args=["rommel"])).status_code, 404)

    def test_an_existing_account_is_asked_to_log_in_then_linked(self):
        nina = User.objects.create_user("nina@example.org", PASSWORD, kind="patient")
        response = self.client.get(self.url)
        self.assertContains(response, "Je hebt al een account")
        self.client.force_login(nina)
        response = self.client.post(self.url)
        self.assertRedirects(response, reverse("plans:read", args=[self.new_plan.pk]))
        self.new_plan.refresh_from_db()
        self.assertEqual(self.new_plan.patient, nina)

    def test_someone_else_logged_in_cannot_take_the_plan(self):
        self.login(self.outsider)
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 403)
        self.new_plan.refresh_from_db()
        self.assertIsNone(self.new_plan.patient)

    def test_a_team_member_cannot_become_the_patient_of_a_plan_in_their_team(self):
        self.new_plan.patient_email = self.member.email
        self.new_plan.save()
        url = reverse("plans:invite_accept", args=[make_invite_token(self.new_plan)])
        self.assertContains(self.client.get(url), "hoort bij een behandelaar", status_code=403)
        self.login(self.member)
        response = self.client.post(url)
        self.assertContains(response, "hoort bij een behandelaar", status_code=403)
        self.new_plan.refresh_from_db()
        self.assertIsNone(self.new_plan.patient)
