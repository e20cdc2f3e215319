from django.core import mail
from django.core.cache import cache

from houvast.accounts.models import Invitation
from houvast.lib.testing import BaseTestCase


class RevokeInvitationTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.url = f"/account/teams/{self.team.pk}/uitnodigen/"

    def link_in(self, message):
        return "/account/uitnodiging/" + message.body.split("/account/uitnodiging/")[1].split("/")[0] + "/"

    def test_admin_can_revoke_an_invitation(self):
        self.login(self.owner)
        self.client.post(self.url, {"email": "nieuw@example.org", "role": "lid"})
        invitation = Invitation.objects.get(team=self.team)
        response = self.client.post(
            f"/account/teams/{self.team.pk}/uitnodigingen/{invitation.pk}/intrekken/", follow=True
        )
        self.assertContains(response, "De uitnodiging voor nieuw@example.org is ingetrokken.")
        self.assertFalse(Invitation.objects.exists())
        self.client.logout()
        self.assertEqual(self.client.get(self.link_in(mail.outbox[0])).status_code, 404)

    def test_invitation_of_another_team_cannot_be_revoked_through_this_team(self):
        other = Invitation.objects.create(team=self.other_team, email="x@example.org", token_hash="b" * 64)
        self.login(self.owner)
        response = self.client.post(f"/account/teams/{self.team.pk}/uitnodigingen/{other.pk}/intrekken/")
        self.assertEqual(response.status_code, 404)
        self.assertTrue(Invitation.objects.filter(pk=other.pk).exists())

    def test_member_cannot_revoke(self):
        invitation = Invitation.objects.create(team=self.team, email="x@example.org", token_hash="c" * 64)
        self.login(self.member)
        response = self.client.post(f"/account/teams/{self.team.pk}/uitnodigingen/{invitation.pk}/intrekken/")
        self.assertEqual(response.status_code, 404)
        self.assertTrue(Invitation.objects.filter(pk=invitation.pk).exists())
