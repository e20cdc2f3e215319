import hashlib
import hmac
import operator
from functools import reduce

import django_otp
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, Q
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import OrganisationMembership


def has_device(user):
    return any(True for _ in devices_for_user(user, confirmed=True))


def reset_second_factor(user):
    """Remove the app and the backup codes: after losing a phone, or by an operator. When the organisation
    demands two-factor, the next login asks to set it up again. Returns how many devices were removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return removed


def organisation_requires(user):
    return OrganisationMembership.objects.filter(user=user, organisation__require_two_factor=True).exists()


def needs_two_factor(user):
    """Two-factor is needed when the user switched it on, or their organisation demands it. Asked on
    every page of a signed-in user without a verified device, so it is one query (an EXISTS per kind of
    device and one for the organisations), never a stale answer."""
    if user.is_anonymous:
        return False
    reasons = [
        Exists(model.objects.filter(user=user, confirmed=True)) for model in django_otp.device_classes()
    ]
    reasons.append(
        Exists(OrganisationMembership.objects.filter(user=user, organisation__require_two_factor=True))
    )
    query = reduce(operator.or_, (Q(reason) for reason in reasons))
    return get_user_model().objects.filter(pk=user.pk).filter(query).exists()


def backup_code_digest(code):
    """What is stored of a backup code: a keyed hash (16 hex characters, the column's width), never the code.

    Keyed with SECRET_KEY, so a copy of the database alone does not give the codes; changing the
    SECRET_KEY makes existing backup codes stop working (people can make new ones after logging in).
    """
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()[:16]


def make_backup_codes(device, count):
    """Make `count` fresh codes for the static device; return them to show once."""
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=backup_code_digest(c)) for c in codes)
    return codes


def verify_code(user, code):
    """The device that accepts `code`, or None.

    Six digits can only come from the app, anything else only from the backup codes, so a code is
    tried on one kind of device: a backup code never counts as a failed attempt on the app.
    """
    app_code = len(code) == 6 and code.isdigit()
    for device in devices_for_user(user):
        if isinstance(device, TOTPDevice) == app_code:
            token = code if app_code else backup_code_digest(code)
            verified = django_otp.verify_token(user, device.persistent_id, token)
            if verified:
                return verified
    return None
