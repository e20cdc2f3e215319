from django_otp import devices_for_user

from .models import OrganisationMembership


def has_device(user):
    return any(True for _ in devices_for_user(user, confirmed=True))


def organisation_requires(user):
    return OrganisationMembership.objects.filter(user=user, organisation__require_two_factor=True).exists()


def needs_two_factor(user):
    """Two-factor is needed when the user switched it on, or their organisation demands it."""
    return has_device(user) or organisation_requires(user)
