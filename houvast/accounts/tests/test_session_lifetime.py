import time

from django.test import override_settings

from houvast.accounts.sessions import LOGGED_IN_AT
from houvast.lib.testing import PASSWORD, BaseTestCase


class SessionLifetimeTests(BaseTestCase):
    def log_in_hours_ago(self, hours):
        self.client.post("/account/inloggen/", {"username": "lid@example.org", "password": PASSWORD})
        session = self.client.session
        session[LOGGED_IN_AT] = int(time.time() - hours * 3600)
        session.save()

    def test_a_fresh_login_records_the_time(self):
        self.client.post("/account/inloggen/", {"username": "lid@example.org", "password": PASSWORD})
        self.assertAlmostEqual(self.client.session[LOGGED_IN_AT], time.time(), delta=5)

    def test_a_session_in_use_lives_until_the_maximum(self):
        self.log_in_hours_ago(11.9)
        self.assertEqual(self.client.get("/dashboard/").status_code, 200)

    def test_a_session_used_all_day_ends_after_twelve_hours(self):
        """The attack: a stolen session kept alive by using it every few minutes."""
        self.log_in_hours_ago(12.1)
        response = self.client.get("/dashboard/")
        self.assertRedirects(response, "/account/inloggen/?next=/dashboard/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)
        response = self.client.get(response["Location"])
        self.assertContains(response, "Je was 12 uur ingelogd.")

    @override_settings(SESSION_MAX_HOURS=2)
    def test_the_maximum_comes_from_the_setting(self):
        self.log_in_hours_ago(2.5)
        response = self.client.get("/dashboard/")
        self.assertEqual(response.status_code, 302)

    def test_a_session_without_a_login_time_is_ended(self):
        self.log_in_hours_ago(0)
        session = self.client.session
        del session[LOGGED_IN_AT]
        session.save()
        self.assertEqual(self.client.get("/dashboard/").status_code, 302)

    def test_an_ended_session_cannot_be_used_again(self):
        self.log_in_hours_ago(13)
        old_key = self.client.cookies["sessionid"].value
        self.client.get("/dashboard/")
        self.client.cookies["sessionid"] = old_key
        self.assertEqual(self.client.get("/dashboard/").status_code, 302)

    def test_logging_in_again_starts_a_new_day(self):
        self.log_in_hours_ago(13)
        self.client.get("/dashboard/")
        self.client.post("/account/inloggen/", {"username": "lid@example.org", "password": PASSWORD})
        self.assertEqual(self.client.get("/dashboard/").status_code, 200)
