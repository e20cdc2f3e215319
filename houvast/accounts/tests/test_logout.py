from django_otp.plugins.otp_totp.models import TOTPDevice

from houvast.lib.testing import BaseTestCase

URL = "/account/uitloggen/"


class LogoutTests(BaseTestCase):
    def test_it_ends_the_session_and_goes_home(self):
        self.login(self.member)
        response = self.client.post(URL)
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)
        response = self.client.get(f"/account/teams/{self.team.pk}/")
        self.assertEqual(response.status_code, 302)

    def test_it_asks_the_browser_to_forget_cached_pages(self):
        self.login(self.member)
        response = self.client.post(URL)
        self.assertEqual(response["Clear-Site-Data"], '"cache", "storage"')

    def test_it_follows_a_local_next(self):
        self.login(self.member)
        response = self.client.post(URL, {"next": "/account/uitnodiging/abc/"})
        self.assertRedirects(response, "/account/uitnodiging/abc/", fetch_redirect_response=False)

    def test_it_ignores_a_foreign_next(self):
        self.login(self.member)
        response = self.client.post(URL, {"next": "https://evil.example/"})
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_get_does_not_log_out(self):
        self.login(self.member)
        self.assertEqual(self.client.get(URL).status_code, 405)
        self.assertIn("_auth_user_id", self.client.session)

    def test_a_user_who_has_not_entered_a_code_can_still_log_out(self):
        TOTPDevice.objects.create(user=self.member, name="app", confirmed=True)
        self.login(self.member)
        response = self.client.post(URL)
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)
