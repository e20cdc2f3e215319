from houvast.lib.testing import PASSWORD, BaseTestCase

URL = "/account/inloggen/"


class LoginTests(BaseTestCase):
    def test_it_logs_in_with_email_and_password(self):
        response = self.client.post(URL, {"username": "LID@example.org", "password": PASSWORD})
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)
        self.assertEqual(int(self.client.session["_auth_user_id"]), self.member.pk)

    def test_wrong_password_gets_a_clear_message_and_keeps_email(self):
        response = self.client.post(URL, {"username": "lid@example.org", "password": "fout"})
        self.assertContains(response, "Dit e-mailadres en wachtwoord horen niet bij elkaar.")
        self.assertContains(response, 'value="lid@example.org"')
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_it_follows_next(self):
        response = self.client.post(
            URL + "?next=/account/instellingen/", {"username": "lid@example.org", "password": PASSWORD}
        )
        self.assertRedirects(response, "/account/instellingen/", fetch_redirect_response=False)

    def test_five_failures_lock_the_account_with_a_kind_page(self):
        for _ in range(4):
            response = self.client.post(URL, {"username": "lid@example.org", "password": "fout"})
            self.assertEqual(response.status_code, 200)
        response = self.client.post(URL, {"username": "lid@example.org", "password": "fout"})
        self.assertContains(response, "Even wachten met inloggen", status_code=429)
        self.assertContains(response, "over 15 minuten", status_code=429)
        self.assertContains(response, "/account/wachtwoord/vergeten/", status_code=429)
        response = self.client.post(URL, {"username": "lid@example.org", "password": PASSWORD})
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_lockout_of_one_account_leaves_others_alone(self):
        for _ in range(5):
            self.client.post(URL, {"username": "lid@example.org", "password": "fout"})
        response = self.client.post(URL, {"username": "eigenaar@example.org", "password": PASSWORD})
        self.assertRedirects(response, "/dashboard/", fetch_redirect_response=False)

    def test_unconfirmed_user_is_reminded(self):
        self.member.email_confirmed = False
        self.member.save()
        response = self.client.post(URL, {"username": "lid@example.org", "password": PASSWORD}, follow=True)
        self.assertContains(response, "Je e-mailadres is nog niet bevestigd.")

    def test_logout_ends_the_session(self):
        self.login(self.member)
        response = self.client.post("/account/uitloggen/")
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_page_has_a_reset_link(self):
        response = self.client.get(URL)
        self.assertContains(response, "Wachtwoord vergeten?")
