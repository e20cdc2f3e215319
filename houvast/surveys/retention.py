"""Retention of stellingen answers and the round's PDFs: gone SURVEY_ANSWERS_RETENTION_DAYS after it ended."""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver

from houvast.lib import pdf_cache
from houvast.lib.retention import cutoff

from .models import Release, Response, Round


def purge_answers_of_ended_rounds(now):
    """Every response (with its answers and comments) of a round that ended before the cutoff.

    A round ended when it was closed, or when its deadline passed while it stayed open. The round
    itself and its follow-up actions stay; the snapshots of its releases (snapshot.py) are emptied too.
    """
    before = cutoff(settings.SURVEY_ANSWERS_RETENTION_DAYS, now)
    ended = Q(status=Round.Status.CLOSED, closed_at__lt=before) | Q(
        status=Round.Status.OPEN, deadline__lt=before
    )
    rounds = Round.objects.filter(ended)
    removed = Response.objects.filter(round__in=rounds).delete()[0]
    Release.objects.filter(round__in=rounds).exclude(aggregates=None).update(aggregates=None)
    for round_id in rounds.values_list("pk", flat=True).iterator():
        pdf_cache.forget(pdf_scope(Round(pk=round_id)))
    return removed


def pdf_scope(round_obj):
    """The PDF cache keeps a round's PDFs together (houvast/lib/pdf_cache.py)."""
    return f"round:{round_obj.pk}"


@receiver(post_delete, sender=Round, dispatch_uid="surveys-forget-pdfs")
def forget_pdfs(sender, instance, **kwargs):
    pdf_cache.forget(pdf_scope(instance))
