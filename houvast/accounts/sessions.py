"""Sessions with an absolute end: SESSION_MAX_HOURS after logging in, a session is over, even if it was
used a minute ago. The sliding SESSION_COOKIE_AGE still ends a session that is left alone earlier.

The check sits in the session store, so it holds for every reader of the session: views, and the
WebSocket consumers (Channels reads the same store)."""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

LOGGED_IN_AT = "_houvast_logged_in_at"
TOUCHED_AT = "_houvast_touched_at"
# The sliding end is moved on at most this often: a session is not written on every request (on SQLite a
# write serialises with every other writer), and four hours unused end it give or take a minute.
TOUCH_EVERY_SECONDS = 60


def remember_login_time(sender, request, user, **kwargs):
    """Connected to `user_logged_in`: every login (password, sign-up, test client) starts the clock."""
    if request is not None and hasattr(request, "session"):
        request.session[LOGGED_IN_AT] = int(time.time())


class SessionLifetime:
    """The absolute end of a session, for either store below."""

    ended_by_age = False

    def load(self):
        data = super().load()
        if SESSION_KEY in data and self._too_old(data.get(LOGGED_IN_AT)):
            # A session from before this rule has no login time: it is ended too, to be safe.
            self.delete()
            self._session_key = None
            self.ended_by_age = True
            return {}
        return data

    @staticmethod
    def _too_old(logged_in_at):
        if not isinstance(logged_in_at, int):
            return True
        return time.time() - logged_in_at > settings.SESSION_MAX_HOURS * 3600


class SessionStore(SessionLifetime, DatabaseSessionStore):
    """Sessions in the database (the embedded set-up: one app process, no shared cache)."""


class SlidingSessionMiddleware:
    """Keep a session that is in use alive (SESSION_COOKIE_AGE after its last use) by saving it at most once
    a minute, instead of Django's SESSION_SAVE_EVERY_REQUEST. Sits just inside SessionMiddleware, which
    saves a session that was changed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            touched = session.get(TOUCHED_AT)
            if not isinstance(touched, int) or now - touched >= TOUCH_EVERY_SECONDS:
                session[TOUCHED_AT] = now
        return response
