"""Login lockout that cannot be turned against the account's owner (django-axes with our own rules).

Wrong passwords are counted three ways, each within AXES_COOLOFF_TIME (15 minutes):
- per address and account: AXES_FAILURE_LIMIT (5) locks that address out of that account only, so an
  attacker elsewhere cannot lock the owner out;
- per address, over all accounts: AXES_ADDRESS_FAILURE_LIMIT (20) stops one address trying one password
  on many accounts;
- per account, from all addresses: AXES_ACCOUNT_FAILURE_LIMIT (50) stops a spread-out attack on one account.
A browser in which the owner logged in before carries a signed device cookie; it is exempt from all three
(the owner keeps access while their account is under attack, even from the same hospital address) and has
its own limit of AXES_FAILURE_LIMIT wrong passwords.
"""

import secrets

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db.models import Sum
from django.utils.crypto import constant_time_compare

DEVICE_COOKIE = "houvast_device"
DEVICE_SALT = "houvast.accounts.device"
DEVICE_MAX_AGE = 60 * 60 * 24 * 180
DEVICES_PER_BROWSER = 5


def lockout_username(request, credentials):
    """The name django-axes counts failed logins under: the email address, lower-cased."""
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return value.strip().lower() if isinstance(value, str) else None


def client_description(username, ip_address, user_agent, path_info, request):
    """How django-axes names a client in its log lines: the page only, never the address or the account."""
    return f"{{path_info: {path_info!r}}}"


def _device_entries(request):
    try:
        value = request.COOKIES.get(DEVICE_COOKIE, "")
        entries = signing.loads(value, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except signing.BadSignature:
        return []
    return entries if isinstance(entries, list) else []


def _device_for(request, username):
    """The nonce of this browser's device entry for `username`, when it is valid; else None."""
    if not username:
        return None
    from .models import User

    for entry in _device_entries(request):
        if not (isinstance(entry, list) and len(entry) == 3):
            continue
        user_id, nonce, password_mark = entry
        user = User.objects.filter(pk=user_id, email__iexact=username).first()
        # A new password (after a reset, say) makes the old device entries worthless.
        if user is not None and constant_time_compare(user.get_session_auth_hash()[:16], password_mark):
            return nonce
    return None


def remember_device(request, response, user):
    """After a correct password: mark this browser as one the owner uses."""
    others = [e for e in _device_entries(request) if isinstance(e, list) and len(e) == 3 and e[0] != user.pk]
    entry = [user.pk, secrets.token_urlsafe(12), user.get_session_auth_hash()[:16]]
    value = signing.dumps([entry, *others][:DEVICES_PER_BROWSER], salt=DEVICE_SALT)
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=DEVICE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _device_key(nonce):
    return f"lockout:device:{nonce}"


class LockoutHandler(AxesDatabaseHandler):
    """AXES_HANDLER: the rules of this module on top of axes' database records."""

    def get_failures(self, request, credentials=None):
        reason = self.lockout_reason(request, credentials)
        request.houvast_lockout_reason = reason
        return settings.AXES_FAILURE_LIMIT if reason else 0

    def lockout_reason(self, request, credentials=None):
        """None, or why this login attempt is refused: device, pair, address or account."""
        username = get_client_username(request, credentials)
        nonce = _device_for(request, username)
        if nonce is not None:
            return "device" if (cache.get(_device_key(nonce)) or 0) >= settings.AXES_FAILURE_LIMIT else None
        pair, address, account = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if pair >= settings.AXES_FAILURE_LIMIT:
            return "pair"
        if address >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return "address"
        if account >= settings.AXES_ACCOUNT_FAILURE_LIMIT:
            return "account"
        return None

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        if request is not None and not getattr(request, "axes_locked_out", False):
            nonce = _device_for(request, get_client_username(request, credentials))
            if nonce is not None:
                key = _device_key(nonce)
                cache.add(key, 0, timeout=int(settings.AXES_COOLOFF_TIME.total_seconds()))
                cache.incr(key)
        return super().user_login_failed(sender, credentials, request, **kwargs)

    def reset_user_attempts(self, request, credentials=None):
        """A successful login clears only its own address-and-account count: logging in to your own
        account does not wipe the count of an attack on others from your address, or on you from elsewhere."""
        username = get_client_username(request, credentials)
        nonce = _device_for(request, username)
        if nonce is not None:
            cache.delete(_device_key(nonce))
        pair = AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address)
        return pair.delete()[0]


def failed_logins(username, since):
    """Wrong passwords for this account (from every address) counted by the lockout since `since`."""
    attempts = AccessAttempt.objects.filter(username=username.lower(), attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def unlock(user):
    """An operator lets the owner try again at once: forget the account's failed logins from every address.

    A browser the owner logged in with before keeps its own count (in the cache, by a nonce only that
    browser holds) until AXES_COOLOFF_TIME passes. Returns how many records were removed.
    """
    return AccessAttempt.objects.filter(username=user.email.lower()).delete()[0]
