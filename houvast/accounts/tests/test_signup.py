import re

from django.core import mail

from houvast.accounts.models import User
from houvast.lib.testing import PASSWORD, BaseTestCase, mail_server_down

URL = "/account/aanmelden/"
DONE = "/account/aanmelden/verstuurd/"


def signup_data(**overrides):
    data = {
        "name": "Nina Nieuw",
        "email": "Nina@Example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    return {**data, **overrides}


def link_in(message):
    return re.search(r"https?://[^/\s]+(/account/bevestigen/\S+)", message.body).group(1)


class SignupTests(BaseTestCase):
    def test_it_shows_the_form(self):
        response = self.client.get(URL)
        self.assertContains(response, "Account maken")
        self.assertContains(response, 'name="password2"')

    def test_a_new_address_gets_a_link_and_cannot_log_in_before_using_it(self):
        response = self.client.post(URL, signup_data())
        self.assertRedirects(response, DONE, fetch_redirect_response=False)
        user = User.objects.get(email="nina@example.org")
        self.assertEqual(user.name, "Nina Nieuw")
        self.assertFalse(user.is_active)
        self.assertTrue(user.check_password(PASSWORD))
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertEqual(mail.outbox[0].to, ["nina@example.org"])
        response = self.client.post(
            "/account/inloggen/", {"username": "nina@example.org", "password": PASSWORD}
        )
        self.assertContains(response, "Dit e-mailadres en wachtwoord horen niet bij elkaar.")

    def test_the_link_opens_the_account_and_logs_in_once(self):
        self.client.post(URL, signup_data())
        link = link_in(mail.outbox[0])
        response = self.client.get(link)
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)
        user = User.objects.get(email="nina@example.org")
        self.assertTrue(user.is_active and user.email_confirmed)
        self.assertEqual(int(self.client.session["_auth_user_id"]), user.pk)
        self.client.logout()
        response = self.client.get(link)
        self.assertContains(response, "Je e-mailadres is bevestigd")
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_a_known_address_gets_the_same_answer_and_its_owner_a_note(self):
        """The attack: learn whether someone has an account by trying to sign up with their address."""
        new = self.client.post(URL, signup_data(email="nieuw@example.org"))
        known = self.client.post(URL, signup_data(email="LID@example.org", name="Mo Twee"))
        self.assertEqual((known.status_code, known["Location"]), (new.status_code, new["Location"]))
        self.assertEqual(User.objects.filter(email__iexact="lid@example.org").count(), 1)
        self.member.refresh_from_db()
        self.assertEqual(self.member.name, "Mo Lid")
        self.assertTrue(self.member.check_password(PASSWORD))
        note = mail.outbox[-1]
        self.assertEqual(note.to, ["lid@example.org"])
        self.assertEqual(note.subject, "Iemand wilde een account maken met je e-mailadres")
        self.assertIn("/account/inloggen/", note.body)
        self.assertIn("/account/wachtwoord/vergeten/", note.body)
        self.assertNotIn("/account/bevestigen/", note.body)

    def test_an_unfinished_signup_by_someone_else_does_not_take_the_address(self):
        self.client.post(
            URL, signup_data(password1="aanvaller-wachtwoord-9", password2="aanvaller-wachtwoord-9")
        )
        self.client.post(URL, signup_data(name="Nina Echt"))
        self.client.get(link_in(mail.outbox[-1]))
        user = User.objects.get(email="nina@example.org")
        self.assertEqual(user.name, "Nina Echt")
        self.assertTrue(user.check_password(PASSWORD))
        self.assertFalse(user.check_password("aanvaller-wachtwoord-9"))

    def test_the_done_page_says_to_look_in_the_mail(self):
        response = self.client.get(DONE)
        self.assertContains(response, "Kijk in je mail")

    def test_a_mail_server_that_is_down_gets_a_kind_message_and_keeps_input(self):
        for email in ("nina@example.org", "lid@example.org"):
            with mail_server_down(), self.assertLogs("houvast.lib.emails"):
                response = self.client.post(URL, signup_data(email=email))
            self.assertContains(response, "kon nu niet worden verstuurd")
            self.assertContains(response, 'value="Nina Nieuw"')

    def test_mails_to_one_address_are_limited(self):
        for _ in range(5):
            self.client.post(URL, signup_data(email="lid@example.org"))
        self.assertEqual(len(mail.outbox), 3)

    def test_signups_from_one_client_are_limited(self):
        for i in range(10):
            self.client.post(URL, signup_data(email=f"n{i}@example.org"))
        response = self.client.post(URL, signup_data(email="n10@example.org"))
        self.assertEqual(response.status_code, 429)

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
        self.client.get(link_in(mail.outbox[0]))
        response = self.client.get("/account/instellingen/")
        self.assertContains(response, "&lt;b&gt;Nina&lt;/b&gt;")
        self.assertNotContains(response, "<b>Nina</b>")

    def test_the_link_follows_a_safe_next_only(self):
        self.client.post(URL + "?next=/account/teams/nieuw/", signup_data())
        response = self.client.get(link_in(mail.outbox[0]))
        self.assertRedirects(response, "/account/teams/nieuw/", fetch_redirect_response=False)
        self.client.logout()
        self.client.post(URL + "?next=https://evil.example/", signup_data(email="ander@example.org"))
        self.assertNotIn("evil", mail.outbox[-1].body)
        response = self.client.get(link_in(mail.outbox[-1]))
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)

    def test_english_signup_sends_english_email(self):
        self.client.post(URL, signup_data(), headers={"accept-language": "en"})
        user = User.objects.get(email="nina@example.org")
        self.assertEqual(user.language, "en")
        self.assertTrue(re.search(r"confirm", mail.outbox[0].subject, re.I))
