import django_otp
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import OrganisationMembership


def has_device(user):
    return any(True for _ in devices_for_user(user, confirmed=True))


def organisation_requires(user):
    return OrganisationMembership.objects.filter(user=user, organisation__require_two_factor=True).exists()


def needs_two_factor(user):
    """Two-factor is needed when the user switched it on, or their organisation demands it."""
    return has_device(user) or organisation_requires(user)


def verify_code(user, code):
    """The device that accepts `code`, or None.

    Six digits can only come from the app, anything else only from the backup codes, so a code is
    tried on one kind of device: a backup code never counts as a failed attempt on the app.
    """
    app_code = len(code) == 6 and code.isdigit()
    for device in devices_for_user(user):
        if isinstance(device, TOTPDevice) == app_code:
            verified = django_otp.verify_token(user, device.persistent_id, code)
            if verified:
                return verified
    return None
