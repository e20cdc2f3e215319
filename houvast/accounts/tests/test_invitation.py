from datetime import timedelta

from django.utils import timezone

from houvast.accounts.models import Invitation, Membership, OrganisationMembership
from houvast.accounts.tokens import new_invitation_token
from houvast.lib.testing import BaseTestCase, make_user


class InvitationTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.invitee = make_user("nieuw@example.org", "Nina Nieuw")
        self.invitation, self.url = self.invite("nieuw@example.org")

    def invite(self, email, **extra):
        token, token_hash = new_invitation_token()
        invitation = Invitation.objects.create(
            team=self.team, email=email, token_hash=token_hash, invited_by=self.owner, **extra
        )
        return invitation, f"/account/uitnodiging/{token}/"

    def test_invitee_sees_the_team_and_the_role(self):
        self.login(self.invitee)
        response = self.client.get(self.url)
        self.assertContains(response, "Je bent uitgenodigd voor het team FACT-team Noord")
        self.assertContains(response, "Je wordt lid van het team.")
        self.assertFalse(Membership.objects.filter(user=self.invitee).exists())

    def test_invitee_accepts_and_joins_team_and_organisation(self):
        self.login(self.invitee)
        response = self.client.post(self.url)
        self.assertRedirects(response, f"/account/teams/{self.team.pk}/", fetch_redirect_response=False)
        membership = Membership.objects.get(user=self.invitee, team=self.team)
        self.assertEqual(membership.role, Membership.Role.MEMBER)
        self.assertTrue(
            OrganisationMembership.objects.filter(user=self.invitee, organisation=self.organisation).exists()
        )
        self.invitation.refresh_from_db()
        self.assertIsNotNone(self.invitation.accepted)
        response = self.client.get(f"/account/teams/{self.team.pk}/")
        self.assertContains(response, "Welkom in het team FACT-team Noord!")

    def test_role_of_the_invitation_is_given(self):
        invitation, url = self.invite("nieuw2@example.org", role=Membership.Role.ADMIN)
        user = make_user("Nieuw2@example.org")
        self.login(user)
        self.client.post(url)
        self.assertEqual(Membership.objects.get(user=user, team=self.team).role, Membership.Role.ADMIN)

    def test_accepting_confirms_the_email_address(self):
        self.invitee.email_confirmed = False
        self.invitee.save()
        self.login(self.invitee)
        self.client.post(self.url)
        self.invitee.refresh_from_db()
        self.assertTrue(self.invitee.email_confirmed)

    def test_unknown_token_gets_a_404_page(self):
        self.login(self.invitee)
        response = self.client.get("/account/uitnodiging/bestaat-niet/")
        self.assertContains(response, "Deze uitnodiging kennen we niet", status_code=404)

    def test_expired_invitation_gets_a_kind_410_page(self):
        self.invitation.expires = timezone.now() - timedelta(days=1)
        self.invitation.save()
        self.login(self.invitee)
        for method in ("get", "post"):
            response = getattr(self.client, method)(self.url)
            self.assertContains(response, "Deze uitnodiging is verlopen", status_code=410)
            self.assertContains(
                response, "Vraag Olga Eigenaar om je opnieuw uit te nodigen.", status_code=410
            )
        self.assertFalse(Membership.objects.filter(user=self.invitee).exists())

    def test_reused_invitation_gets_410(self):
        self.login(self.invitee)
        self.client.post(self.url)
        other = make_user("ander@example.org")
        self.login(other)
        response = self.client.post(self.url)
        self.assertContains(response, "Deze uitnodiging is al gebruikt", status_code=410)
        self.assertFalse(Membership.objects.filter(user=other).exists())

    def test_other_email_gets_a_403_page_with_logout(self):
        self.login(self.member)
        response = self.client.post(self.url)
        self.assertContains(response, "Deze uitnodiging is voor iemand anders", status_code=403)
        self.assertContains(response, "je bent ingelogd als lid@example.org", status_code=403)
        self.assertContains(response, 'action="/account/uitloggen/"', status_code=403)
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.accepted)

    def test_anonymous_with_an_account_is_asked_to_log_in(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Olga Eigenaar nodigt je uit")
        self.assertContains(response, f"/account/inloggen/?next={self.url}")
        self.assertNotContains(response, "Account maken")

    def test_anonymous_without_an_account_can_choose_signup_or_login(self):
        _, url = self.invite("onbekend@example.org")
        response = self.client.get(url)
        self.assertContains(response, f"/account/aanmelden/?next={url}&amp;email=onbekend%40example.org")
        self.assertContains(response, f"/account/inloggen/?next={url}")
        self.assertContains(response, "Ik heb al een account")

    def test_anonymous_post_does_not_accept(self):
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 200)
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.accepted)
