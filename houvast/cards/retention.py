"""Retention of card links: gone SHARE_LINKS_RETENTION_DAYS after they expired or were revoked."""

from django.conf import settings
from django.db.models import Q

from houvast.lib.retention import cutoff

from .models import ShareLink


def purge_share_links(now):
    before = cutoff(settings.SHARE_LINKS_RETENTION_DAYS, now)
    return ShareLink.objects.filter(Q(expires__lt=before) | Q(revoked__lt=before)).delete()[0]
