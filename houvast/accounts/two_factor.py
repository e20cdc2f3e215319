import functools
import hashlib
import hmac

import django_otp
from django.conf import settings
from django.db import connection
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from houvast.lib.sql import column, table

from .models import Organisation, OrganisationMembership


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
    """Two-factor is needed when the user switched it on, or their organisation demands it.

    Asked on every page of a signed-in user without a verified device, so it is one statement (an EXISTS
    per kind of device and one for the organisations), never a cached answer. The statement is written
    once per process from the models' tables: building it with the ORM cost ~0.8 ms per page, about as
    much as the whole rest of a signed-in request's middleware."""
    if user.is_anonymous:
        return False
    sql, parameter_count = _needs_two_factor_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk] * parameter_count)
        return bool(cursor.fetchone()[0])


@functools.cache
def _needs_two_factor_sql(vendor):
    """`SELECT EXISTS (…) OR EXISTS (…) …` with one user id parameter per EXISTS (cached per vendor)."""
    reasons = [
        f"EXISTS (SELECT 1 FROM {table(model)} "
        f"WHERE {column(model, 'user')} = %s AND {column(model, 'confirmed')})"
        for model in django_otp.device_classes()
    ]
    reasons.append(
        f"EXISTS (SELECT 1 FROM {table(OrganisationMembership)} m JOIN {table(Organisation)} o "
        f"ON o.{column(Organisation, 'id')} = m.{column(OrganisationMembership, 'organisation')} "
        f"WHERE m.{column(OrganisationMembership, 'user')} = %s "
        f"AND o.{column(Organisation, 'require_two_factor')})"
    )
    return "SELECT " + " OR ".join(reasons), len(reasons)


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
