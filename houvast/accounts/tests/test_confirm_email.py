import re
from unittest import mock
from urllib.parse import urlparse

from django.core import mail
from django.core.signing import TimestampSigner

from houvast.accounts.emails import send_confirm_email
from houvast.accounts.tokens import make_confirm_token
from houvast.lib.testing import BaseTestCase, mail_server_down, make_user


class ConfirmEmailTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.newbie = make_user("nieuw@example.org", "Nico Nieuw")
        self.newbie.email_confirmed = False
        self.newbie.save()

    def link_from_email(self):
        send_confirm_email(self.newbie)
        return re.search(r"http://\S+/account/bevestigen/\S+/", mail.outbox[-1].body).group(0)

    def test_link_confirms_the_address(self):
        url = self.link_from_email()
        response = self.client.get(urlparse(url).path)
        self.assertContains(response, "Je e-mailadres is bevestigd")
        self.newbie.refresh_from_db()
        self.assertTrue(self.newbie.email_confirmed)

    def test_tampered_link_is_refused(self):
        token = make_confirm_token(self.newbie)
        response = self.client.get(f"/account/bevestigen/{token}x/")
        self.assertContains(response, "Deze link werkt niet", status_code=404)
        self.newbie.refresh_from_db()
        self.assertFalse(self.newbie.email_confirmed)

    def test_expired_link_explains_what_to_do(self):
        with mock.patch.object(TimestampSigner, "timestamp", return_value="1"):
            token = make_confirm_token(self.newbie)
        response = self.client.get(f"/account/bevestigen/{token}/")
        self.assertContains(response, "Deze link is verlopen", status_code=410)

    def test_link_stops_working_after_address_change(self):
        token = make_confirm_token(self.newbie)
        self.newbie.email = "ander@example.org"
        self.newbie.save()
        response = self.client.get(f"/account/bevestigen/{token}/")
        self.assertEqual(response.status_code, 404)

    def test_unconfirmed_user_sees_banner_and_can_resend(self):
        self.login(self.newbie)
        response = self.client.get("/dashboard/")
        self.assertContains(response, "Bevestig nog even je e-mailadres")
        response = self.client.post("/account/bevestigen-opnieuw/", {"next": "/dashboard/"})
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)
        self.assertEqual(len(mail.outbox), 1)

    def test_resend_with_the_mail_server_down_says_so(self):
        self.login(self.newbie)
        with mail_server_down(), self.assertLogs("houvast.lib.emails"):
            response = self.client.post("/account/bevestigen-opnieuw/", follow=True)
        self.assertContains(response, "kon nu niet worden verstuurd")

    def test_resend_is_rate_limited(self):
        self.login(self.newbie)
        for _ in range(5):
            self.client.post("/account/bevestigen-opnieuw/")
        self.assertEqual(len(mail.outbox), 3)
        response = self.client.post("/account/bevestigen-opnieuw/", follow=True)
        self.assertContains(response, "Wacht een uur")

    def test_confirmed_user_sees_no_banner(self):
        self.login(self.member)
        response = self.client.get("/dashboard/")
        self.assertNotContains(response, "Bevestig nog even je e-mailadres")
