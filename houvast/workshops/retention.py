"""Retention of live sessions: gone WORKSHOP_SESSIONS_RETENTION_DAYS after the session ended."""

from django.conf import settings
from django.db.models.signals import post_delete
from django.dispatch import receiver

from houvast.lib import pdf_cache
from houvast.lib.retention import cutoff

from .models import ActionPlan, Session


def purge_ended_sessions(now):
    """Ended sessions with their participants, post-its, votes, answers and action plans.

    A session whose action-plan reminder has not gone out yet waits for it.
    """
    before = cutoff(settings.WORKSHOP_SESSIONS_RETENTION_DAYS, now)
    waiting = ActionPlan.objects.filter(reminder_due__isnull=False, reminder_sent_at=None).values(
        "session_id"
    )
    ended = Session.objects.filter(status=Session.Status.ENDED, ended_at__lt=before).exclude(pk__in=waiting)
    return ended.delete()[0]


def pdf_scope(session):
    """The PDF cache keeps a session's PDFs together (houvast/lib/pdf_cache.py)."""
    return f"session:{session.pk}"


@receiver(post_delete, sender=Session, dispatch_uid="workshops-forget-pdfs")
def forget_pdfs(sender, instance, **kwargs):
    pdf_cache.forget(pdf_scope(instance))
