"""Sessions read from the shared cache when REDIS_URL is set (houvast/accounts/sessions_cached.py).

The tests switch the store on themselves, so they run on the embedded set-up too (with its in-process
cache, which the real set-up never pairs with this store)."""

import time

from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from houvast.accounts.sessions import LOGGED_IN_AT
from houvast.lib.testing import PASSWORD, BaseTestCase

CACHED = "houvast.accounts.sessions_cached"


@override_settings(SESSION_ENGINE=CACHED)
class CachedSessionTests(BaseTestCase):
    def log_in(self):
        login = {"username": "lid@example.org", "password": PASSWORD}
        self.assertEqual(self.client.post("/account/inloggen/", login).status_code, 302)

    def session_queries(self):
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/dashboard/")
        return [q["sql"] for q in queries if "django_session" in q["sql"]]

    def test_a_signed_in_page_reads_its_session_from_the_cache(self):
        self.log_in()
        self.client.get("/dashboard/")  # may save the session (once a minute)
        self.assertEqual(self.session_queries(), [])
        self.assertEqual(self.client.get("/dashboard/").status_code, 200)

    def test_logging_out_ends_the_session_in_the_cache_too(self):
        self.log_in()
        cookie = self.client.cookies[settings.SESSION_COOKIE_NAME].value
        self.client.get("/dashboard/")
        self.client.post("/account/uitloggen/")
        self.client.cookies[settings.SESSION_COOKIE_NAME] = cookie  # the attack: the old cookie, replayed
        response = self.client.get("/dashboard/")
        self.assertEqual(response.status_code, 302)

    def test_the_absolute_end_applies_to_a_cached_session(self):
        self.log_in()
        session = self.client.session
        session[LOGGED_IN_AT] = int(time.time() - 12.1 * 3600)
        session.save()
        self.assertEqual(self.client.get("/dashboard/").status_code, 302)
        self.assertNotIn("_auth_user_id", self.client.session)
