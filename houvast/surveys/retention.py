"""Retention of stellingen answers: gone SURVEY_ANSWERS_RETENTION_DAYS after the round ended."""

from django.conf import settings
from django.db.models import Q

from houvast.lib.retention import cutoff

from .models import Response, Round


def purge_answers_of_ended_rounds(now):
    """Every response (with its answers and comments) of a round that ended before the cutoff.

    A round ended when it was closed, or when its deadline passed while it stayed open. The round
    itself and its follow-up actions stay.
    """
    before = cutoff(settings.SURVEY_ANSWERS_RETENTION_DAYS, now)
    ended = Q(status=Round.Status.CLOSED, closed_at__lt=before) | Q(
        status=Round.Status.OPEN, deadline__lt=before
    )
    return Response.objects.filter(round__in=Round.objects.filter(ended)).delete()[0]
