import re

from django.core import mail

from houvast.accounts.models import User
from houvast.lib.testing import PASSWORD, BaseTestCase, mail_server_down

URL = "/account/aanmelden/"


def signup_data(**overrides):
    data = {
        "name": "Nina Nieuw",
        "email": "Nina@Example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    return {**data, **overrides}


class SignupTests(BaseTestCase):
    def test_it_shows_the_form(self):
        response = self.client.get(URL)
        self.assertContains(response, "Account maken")
        self.assertContains(response, 'name="password2"')

    def test_it_creates_user_logs_in_and_sends_confirmation(self):
        response = self.client.post(URL, signup_data())
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)
        user = User.objects.get(email="nina@example.org")
        self.assertEqual(user.name, "Nina Nieuw")
        self.assertFalse(user.email_confirmed)
        self.assertTrue(user.check_password(PASSWORD))
        self.assertEqual(int(self.client.session["_auth_user_id"]), user.pk)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["nina@example.org"])
        self.assertIn("/account/bevestigen/", mail.outbox[0].body)

    def test_a_mail_server_that_is_down_still_gives_the_account_and_says_so(self):
        with mail_server_down(), self.assertLogs("houvast.lib.emails"):
            response = self.client.post(URL, signup_data(), follow=True)
        self.assertContains(response, "kon nu niet worden verstuurd")
        self.assertTrue(User.objects.filter(email="nina@example.org").exists())
        self.assertContains(response, "Bevestig nog even je e-mailadres")

    def test_duplicate_email_gets_a_clear_message_and_keeps_input(self):
        response = self.client.post(URL, signup_data(email="LID@example.org", name="Mo Twee"))
        self.assertContains(response, "Met dit e-mailadres is al een account.")
        self.assertContains(response, 'value="Mo Twee"')
        self.assertEqual(User.objects.filter(email__iexact="lid@example.org").count(), 1)
        self.assertEqual(len(mail.outbox), 0)

    def test_passwords_must_match(self):
        response = self.client.post(URL, signup_data(password2="iets-anders-123"))
        self.assertContains(response, "De twee wachtwoorden zijn niet hetzelfde.")
        self.assertFalse(User.objects.filter(email="nina@example.org").exists())

    def test_short_password_is_refused(self):
        response = self.client.post(URL, signup_data(password1="kort", password2="kort"))
        self.assertContains(response, "errorlist")
        self.assertFalse(User.objects.filter(email="nina@example.org").exists())

    def test_html_in_name_is_escaped(self):
        self.client.post(URL, signup_data(name="<b>Nina</b>"))
        response = self.client.get("/account/instellingen/")
        self.assertContains(response, "&lt;b&gt;Nina&lt;/b&gt;")
        self.assertNotContains(response, "<b>Nina</b>")

    def test_it_follows_a_safe_next_only(self):
        response = self.client.post(URL + "?next=/account/teams/nieuw/", signup_data())
        self.assertRedirects(response, "/account/teams/nieuw/", fetch_redirect_response=False)
        self.client.logout()
        response = self.client.post(
            URL + "?next=https://evil.example/", signup_data(email="ander@example.org")
        )
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)

    def test_english_signup_sends_english_email(self):
        self.client.post(URL, signup_data(), headers={"accept-language": "en"})
        user = User.objects.get(email="nina@example.org")
        self.assertEqual(user.language, "en")
        self.assertTrue(re.search(r"confirm", mail.outbox[0].subject, re.I))
