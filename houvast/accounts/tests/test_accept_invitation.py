from datetime import timedelta

from django.utils import timezone

from houvast.accounts.models import Invitation, Membership, OrganisationMembership
from houvast.lib.testing import BaseTestCase


class AcceptInvitationTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.invitation = Invitation.objects.create(
            team=self.other_team, email="LID@example.org", token_hash="d" * 64, role=Membership.Role.ADMIN
        )
        self.url = f"/account/uitnodigingen/{self.invitation.pk}/accepteren/"

    def test_dashboard_lists_the_invitation(self):
        self.login(self.member)
        response = self.client.get("/dashboard/")
        self.assertContains(response, "Aannemen: Ander team")
        self.assertContains(response, self.url)

    def test_confirmed_user_accepts_from_the_dashboard(self):
        self.login(self.member)
        response = self.client.post(self.url)
        self.assertRedirects(response, f"/account/teams/{self.other_team.pk}/", fetch_redirect_response=False)
        membership = Membership.objects.get(user=self.member, team=self.other_team)
        self.assertEqual(membership.role, Membership.Role.ADMIN)
        self.assertTrue(
            OrganisationMembership.objects.filter(user=self.member, organisation=self.other_team.organisation)
        )
        self.assertEqual(self.client.get(f"/account/teams/{self.other_team.pk}/").status_code, 200)
        self.assertEqual(self.client.post(self.url).status_code, 404)

    def test_unconfirmed_user_must_confirm_first(self):
        self.member.email_confirmed = False
        self.member.save()
        self.login(self.member)
        response = self.client.post(self.url, follow=True)
        self.assertContains(response, "Bevestig eerst je e-mailadres")
        self.assertFalse(Membership.objects.filter(user=self.member, team=self.other_team).exists())
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.accepted)

    def test_someone_else_gets_404(self):
        self.login(self.owner)
        self.assertEqual(self.client.post(self.url).status_code, 404)
        self.assertFalse(Membership.objects.filter(user=self.owner, team=self.other_team).exists())

    def test_expired_invitation_gets_404(self):
        self.invitation.expires = timezone.now() - timedelta(minutes=1)
        self.invitation.save()
        self.login(self.member)
        self.assertEqual(self.client.post(self.url).status_code, 404)
        self.assertFalse(Membership.objects.filter(user=self.member, team=self.other_team).exists())

    def test_get_is_not_allowed(self):
        self.login(self.member)
        self.assertEqual(self.client.get(self.url).status_code, 405)
