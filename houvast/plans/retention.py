"""Retention in the plans app: naaste links, patient invitations, the log of deleted plans, their PDFs."""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from houvast.lib import pdf_cache
from houvast.lib.retention import cutoff

from .access_log import purge_deleted_plan_logs
from .models import Plan, PlanInvitation, PlanShare


def purge_share_links(now):
    """Links that expired or were revoked SHARE_LINKS_RETENTION_DAYS ago; the log keeps their use."""
    before = cutoff(settings.SHARE_LINKS_RETENTION_DAYS, now)
    expired = Q(expires__lt=timezone.localdate(before))
    return PlanShare.objects.filter(expired | Q(revoked__lt=before)).delete()[0]


def purge_invitations(now):
    before = cutoff(settings.INVITATIONS_RETENTION_DAYS, now)
    return PlanInvitation.objects.filter(Q(expires__lt=before) | Q(accepted__lt=before)).delete()[0]


def purge_access_log(now):
    """Entries of plans deleted more than ACCESS_LOG_RETENTION_DAYS ago (see access_log.py)."""
    return purge_deleted_plan_logs(now)


def pdf_scope(plan):
    """The PDF cache keeps a plan's PDFs together (houvast/lib/pdf_cache.py)."""
    return f"plan:{plan.pk}"


@receiver(post_delete, sender=Plan, dispatch_uid="plans-forget-pdfs")
def forget_pdfs(sender, instance, **kwargs):
    """A deleted plan's PDFs go with it, also when the deletion cascades from its team."""
    pdf_cache.forget(pdf_scope(instance))
