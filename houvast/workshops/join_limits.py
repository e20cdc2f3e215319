"""Limits on guessing join codes that never keep a room out.

Wrong codes are counted per browser (a random id in a signed cookie; the counts live only in the cache), so
60 people behind one hospital address are 60 browsers. A browser that drops its cookie starts afresh, so wrong
codes are also counted per address, with a limit no room reaches (100 a minute). While a browser or an address
is over its limit, a code is answered only for an open session that someone on the same address already leads
or takes part in (the room itself); any other code gets the same kind refusal, right or wrong, because an
answer that differs for right codes would let a script keep guessing. See docs/workshops.md.
"""

import secrets
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from houvast.lib.ratelimit import client_key, hit

BROWSER_LIMIT = 10
BROWSER_WINDOW = 10 * 60
ADDRESS_LIMIT = 100
ADDRESS_WINDOW = 60
# How long an address counts as "in the room" after someone there led or joined the session.
ROOM_MEMORY = 12 * 60 * 60

COOKIE = "houvast_meedoen"
COOKIE_SALT = "houvast.workshops.join_limits"
COOKIE_PATH = "/werkvormen/"
COOKIE_MAX_AGE = 60 * 60


def _address(request):
    return client_key(request)


def _browser(request, create=False):
    """This browser's random id from its signed cookie; with create, a new one (set by `browser_cookie`)."""
    if getattr(request, "_join_browser", None):
        return request._join_browser
    value = request.get_signed_cookie(COOKIE, default="", salt=COOKIE_SALT)
    if not (20 <= len(value) <= 64 and value.replace("-", "").replace("_", "").isalnum()):
        if not create:
            return ""
        value = secrets.token_urlsafe(24)
        request._join_browser_is_new = True
    request._join_browser = value
    return value


def _in_room(request, session):
    return cache.get(f"workshop-join-room:{session.pk}:{_address(request)}") is not None


def remember_address(request, session):
    """Someone on this address leads or joined the session: its code keeps working here during a guard."""
    cache.set(f"workshop-join-room:{session.pk}:{_address(request)}", 1, timeout=ROOM_MEMORY)


def browser_message():
    return _("Je hebt te vaak een verkeerde code ingevuld. Wacht tien minuten en probeer het dan opnieuw.")


def address_message():
    return _(
        "Vanaf dit netwerk zijn in korte tijd heel veel verkeerde codes ingevuld. Wacht een minuut en "
        "probeer het dan opnieuw. Kijk goed naar de code die de begeleider laat zien."
    )


def refusal(request, session):
    """The kind message that refuses this code, or "" when it may be answered.

    `session` is the session the code names (None for a wrong code). The open session of the room is always
    answered; a browser that guessed too often, or an address that did, gets nothing else.
    """
    if session is not None and session.is_open and _in_room(request, session):
        return ""
    browser = _browser(request)
    if browser and cache.get(f"workshop-join-blocked:{browser}") is not None:
        return browser_message()
    if cache.get(f"workshop-join-guard:{_address(request)}") is not None:
        return address_message()
    return ""


def count_wrong_code(request):
    """Count a wrong code for this browser and its address; the refusal once either is over its limit."""
    browser = _browser(request, create=True)
    address = _address(request)
    browser_ok = hit("workshop-join-browser", browser, BROWSER_LIMIT, BROWSER_WINDOW)
    address_ok = hit("workshop-join-address", address, ADDRESS_LIMIT, ADDRESS_WINDOW)
    if not address_ok:
        cache.set(f"workshop-join-guard:{address}", 1, timeout=ADDRESS_WINDOW)
    if not browser_ok:
        cache.set(f"workshop-join-blocked:{browser}", 1, timeout=BROWSER_WINDOW)
        return browser_message()
    return "" if address_ok else address_message()


def browser_cookie(view):
    """Give a browser whose wrong code was just counted its cookie, so the next one counts for it too."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if getattr(request, "_join_browser_is_new", False):
            response.set_signed_cookie(
                COOKIE,
                request._join_browser,
                salt=COOKIE_SALT,
                max_age=COOKIE_MAX_AGE,
                path=COOKIE_PATH,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    return wrapper
