"""Retention of team invitations: gone INVITATIONS_RETENTION_DAYS after they expired or were used."""

from django.conf import settings
from django.db.models import Q

from houvast.lib.retention import cutoff

from .models import Invitation


def purge_invitations(now):
    before = cutoff(settings.INVITATIONS_RETENTION_DAYS, now)
    return Invitation.objects.filter(Q(expires__lt=before) | Q(accepted__lt=before)).delete()[0]
