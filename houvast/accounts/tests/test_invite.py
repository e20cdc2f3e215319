import re

from django.conf import settings
from django.core import mail
from django.core.cache import cache

from houvast.accounts.models import Invitation
from houvast.lib.testing import BaseTestCase, mail_server_down


class InviteTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.url = f"/account/teams/{self.team.pk}/uitnodigen/"

    def link_in(self, message):
        match = re.search(re.escape(settings.SITE_URL) + r"(/account/uitnodiging/[^/\s]+/)", message.body)
        self.assertIsNotNone(match, message.body)
        return match.group(1)

    def test_it_sends_an_email_with_a_working_link(self):
        self.login(self.owner)
        response = self.client.post(self.url, {"email": " Nieuw@Example.org ", "role": "lid"})
        self.assertRedirects(response, f"/account/teams/{self.team.pk}/", fetch_redirect_response=False)
        invitation = Invitation.objects.get(team=self.team)
        self.assertEqual(
            (invitation.email, invitation.role, invitation.invited_by),
            ("nieuw@example.org", "lid", self.owner),
        )
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["nieuw@example.org"])
        self.assertIn("FACT-team Noord", message.subject)
        self.assertIn("Olga Eigenaar", message.body)
        self.client.logout()
        response = self.client.get(self.link_in(message))
        self.assertContains(response, "Je bent uitgenodigd voor het team FACT-team Noord")
        self.assertContains(response, "Account maken")

    def test_a_mail_server_that_is_down_keeps_the_address_and_no_dead_invitation(self):
        self.login(self.owner)
        with mail_server_down(), self.assertLogs("houvast.lib.emails"):
            response = self.client.post(self.url, {"email": "nieuw@example.org", "role": "lid"})
        self.assertContains(response, "kon nu niet worden verstuurd", status_code=503)
        self.assertContains(response, 'value="nieuw@example.org"', status_code=503)
        self.assertFalse(Invitation.objects.filter(team=self.team).exists())

    def test_the_token_is_not_stored_in_the_database(self):
        self.login(self.owner)
        self.client.post(self.url, {"email": "nieuw@example.org", "role": "lid"})
        token = self.link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
        invitation = Invitation.objects.get(team=self.team)
        self.assertNotEqual(invitation.token_hash, token)
        self.assertNotIn(token, invitation.token_hash)

    def test_the_team_page_shows_the_success_and_the_open_invitation(self):
        self.login(self.owner)
        response = self.client.post(
            self.url, {"email": "nieuw@example.org", "role": "beheerder"}, follow=True
        )
        self.assertContains(response, "We hebben een uitnodiging gestuurd naar nieuw@example.org.")
        self.assertContains(response, "Uitnodiging voor nieuw@example.org intrekken")

    def test_inviting_again_replaces_the_old_link(self):
        self.login(self.owner)
        self.client.post(self.url, {"email": "nieuw@example.org", "role": "lid"})
        self.client.post(self.url, {"email": "nieuw@example.org", "role": "beheerder"})
        self.assertEqual(Invitation.objects.filter(team=self.team).count(), 1)
        self.assertEqual(Invitation.objects.get(team=self.team).role, "beheerder")
        old, new = self.link_in(mail.outbox[0]), self.link_in(mail.outbox[1])
        self.client.logout()
        self.assertEqual(self.client.get(old).status_code, 404)
        self.assertEqual(self.client.get(new).status_code, 200)

    def test_existing_user_gets_the_email_in_their_language(self):
        self.outsider.language = "en"
        self.outsider.save()
        self.login(self.owner)
        self.client.post(self.url, {"email": "buiten@example.org", "role": "lid"})
        self.assertIn("Invitation", mail.outbox[0].subject)

    def test_duplicate_member_is_refused_with_a_clear_message(self):
        self.login(self.owner)
        response = self.client.post(self.url, {"email": "LID@example.org", "role": "lid"})
        self.assertContains(response, "Deze persoon zit al in het team.", status_code=400)
        self.assertContains(response, 'value="LID@example.org"', status_code=400)
        self.assertFalse(Invitation.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_invalid_email_gets_a_message(self):
        self.login(self.owner)
        response = self.client.post(self.url, {"email": "geen-adres", "role": "lid"})
        self.assertContains(response, "errorlist", status_code=400)
        self.assertContains(response, 'value="geen-adres"', status_code=400)
        self.assertEqual(mail.outbox, [])

    def test_an_address_too_long_for_the_database_gets_a_kind_message(self):
        self.login(self.owner)
        address = "a" * 250 + "@example.org"
        response = self.client.post(self.url, {"email": address, "role": "lid"})
        self.assertContains(response, "Dit e-mailadres is te lang", status_code=400)
        self.assertFalse(Invitation.objects.filter(team=self.team).exists())

    def test_someone_whose_own_address_is_unconfirmed_cannot_invite_yet(self):
        self.owner.email_confirmed = False
        self.owner.save()
        self.login(self.owner)
        response = self.client.post(self.url, {"email": "nieuw@example.org", "role": "lid"})
        self.assertContains(response, "Bevestig eerst je eigen e-mailadres", status_code=403)
        self.assertContains(response, 'value="nieuw@example.org"', status_code=403)
        self.assertEqual(len(mail.outbox), 0)

    def test_unknown_role_is_refused(self):
        self.login(self.owner)
        response = self.client.post(self.url, {"email": "nieuw@example.org", "role": "baas"})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Invitation.objects.exists())

    def test_non_admin_gets_404(self):
        self.login(self.member)
        response = self.client.post(self.url, {"email": "nieuw@example.org", "role": "beheerder"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Invitation.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_get_is_not_allowed(self):
        self.login(self.owner)
        self.assertEqual(self.client.get(self.url).status_code, 405)

    def test_too_many_invitations_are_slowed_down(self):
        self.login(self.owner)
        for i in range(50):
            self.client.post(self.url, {"email": f"collega{i}@example.org", "role": "lid"})
        response = self.client.post(self.url, {"email": "nog-een@example.org", "role": "lid"})
        self.assertContains(response, "Je hebt het afgelopen uur veel mensen uitgenodigd.", status_code=429)
        self.assertEqual(len(mail.outbox), 50)
