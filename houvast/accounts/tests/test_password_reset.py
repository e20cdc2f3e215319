import re
from urllib.parse import urlparse

from axes.models import AccessAttempt
from django.core import mail

from houvast.lib.testing import PASSWORD, BaseTestCase, mail_server_down

NEW_PASSWORD = "een-ander-lang-wachtwoord-7"


class PasswordResetTests(BaseTestCase):
    def request_link(self, email="lid@example.org"):
        response = self.client.post("/account/wachtwoord/vergeten/", {"email": email})
        self.assertRedirects(
            response, "/account/wachtwoord/vergeten/verstuurd/", fetch_redirect_response=False
        )

    def test_it_emails_a_link_that_sets_a_new_password(self):
        self.request_link()
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.subject, "Nieuw wachtwoord voor Houvast")
        self.assertIn("Hallo Mo Lid", message.body)
        self.assertEqual(len(message.alternatives), 1)
        url = re.search(r"http://\S+/account/wachtwoord/nieuw/\S+/", message.body).group(0)
        response = self.client.get(urlparse(url).path, follow=True)
        self.assertContains(response, "Nieuw wachtwoord kiezen")
        form_url = response.redirect_chain[-1][0]
        response = self.client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        self.assertRedirects(response, "/account/wachtwoord/nieuw/klaar/", fetch_redirect_response=False)
        self.member.refresh_from_db()
        self.assertTrue(self.member.check_password(NEW_PASSWORD))

    def test_the_mail_is_in_the_language_of_the_account(self):
        self.member.language = "en"
        self.member.save()
        self.request_link()
        self.assertEqual(mail.outbox[0].subject, "New password for Houvast")
        self.assertEqual(mail.outbox[0].extra_headers["Auto-Submitted"], "auto-generated")

    def test_a_mail_server_that_is_down_gives_the_same_answer(self):
        with mail_server_down(), self.assertLogs("houvast.lib.emails"):
            self.request_link()

    def test_unknown_address_gets_the_same_answer_and_no_mail(self):
        self.request_link("niemand@example.org")
        self.assertEqual(len(mail.outbox), 0)

    def test_used_link_explains_what_to_do(self):
        self.request_link()
        url = re.search(r"http://\S+/account/wachtwoord/nieuw/\S+/", mail.outbox[0].body).group(0)
        response = self.client.get(urlparse(url).path, follow=True)
        form_url = response.redirect_chain[-1][0]
        self.client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        response = self.client.get(urlparse(url).path, follow=True)
        self.assertContains(response, "Deze link werkt niet meer")

    def test_new_password_lifts_a_lockout(self):
        for _ in range(5):
            self.client.post("/account/inloggen/", {"username": "lid@example.org", "password": "fout"})
        self.assertTrue(AccessAttempt.objects.exists())
        self.request_link()
        url = re.search(r"http://\S+/account/wachtwoord/nieuw/\S+/", mail.outbox[0].body).group(0)
        response = self.client.get(urlparse(url).path, follow=True)
        self.client.post(
            response.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        )
        response = self.client.post(
            "/account/inloggen/", {"username": "lid@example.org", "password": NEW_PASSWORD}
        )
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)

    def test_requests_are_rate_limited(self):
        for _ in range(10):
            self.client.post("/account/wachtwoord/vergeten/", {"email": "lid@example.org"})
        response = self.client.post("/account/wachtwoord/vergeten/", {"email": "lid@example.org"})
        self.assertContains(response, "Even wachten", status_code=429)


class PasswordChangeTests(BaseTestCase):
    def test_it_changes_the_password(self):
        self.login(self.member)
        response = self.client.post(
            "/account/wachtwoord/wijzigen/",
            {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        self.assertRedirects(response, "/account/instellingen/", fetch_redirect_response=False)
        self.member.refresh_from_db()
        self.assertTrue(self.member.check_password(NEW_PASSWORD))

    def test_wrong_old_password_is_refused(self):
        self.login(self.member)
        response = self.client.post(
            "/account/wachtwoord/wijzigen/",
            {"old_password": "fout", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        self.assertContains(response, "errorlist")
        self.member.refresh_from_db()
        self.assertTrue(self.member.check_password(PASSWORD))
