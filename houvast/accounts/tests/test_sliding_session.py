"""SlidingSessionMiddleware: a session in use is kept alive by a save at most once a minute, not on every
request; one left alone ends SESSION_COOKIE_AGE after its last save."""

import time

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from houvast.accounts.sessions import TOUCHED_AT
from houvast.lib.testing import BaseTestCase


def session_writes(queries):
    writes = [q["sql"] for q in queries if q["sql"].startswith(("UPDATE", "INSERT"))]
    return [sql for sql in writes if "django_session" in sql]


class SlidingSessionTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.login(self.member)
        self.client.get("/dashboard/")

    def test_requests_within_a_minute_do_not_write_the_session(self):
        with CaptureQueriesContext(connection) as queries:
            for _ in range(3):
                self.assertEqual(self.client.get("/dashboard/").status_code, 200)
        self.assertEqual(session_writes(queries), [])

    def test_a_request_a_minute_later_moves_the_end_on(self):
        session = self.client.session
        session[TOUCHED_AT] = int(time.time()) - 61
        session.save()
        before = Session.objects.get(session_key=session.session_key).expire_date
        Session.objects.filter(session_key=session.session_key).update(expire_date=before.replace(year=2030))
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/dashboard/")
        self.assertEqual(len(session_writes(queries)), 1)
        expire = Session.objects.get(session_key=session.session_key).expire_date
        self.assertAlmostEqual(expire.timestamp(), time.time() + settings.SESSION_COOKIE_AGE, delta=30)

    def test_a_visitor_without_a_session_gets_none(self):
        self.client.logout()
        self.client.cookies.clear()
        self.client.get("/")
        self.assertNotIn(settings.SESSION_COOKIE_NAME, self.client.cookies)
