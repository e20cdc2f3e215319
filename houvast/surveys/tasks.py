"""Sending the group summary exactly once per trigger, and the sweep that finds due rounds.

Triggers: "deadline" (the invuldatum passed, or the round was closed: early by the coordinator, or by
itself when every invited person answered) and "manual" (the coordinator pressed "Stuur de samenvatting nu").
A worker claims a trigger with a conditional UPDATE; only the worker whose UPDATE changed the
row sends, so several workers (or a worker and cron) never send twice. After sending it marks the
trigger sent. A claim that is neither sent nor given back within CLAIM_LEASE belongs to a worker
that was killed mid-send: the sweep claims it again, so the summary still arrives.
"""

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from .models import Round

log = logging.getLogger(__name__)
CLAIM_LEASE = timedelta(minutes=10)
TRIGGERS = ("deadline", "manual")


def _fields(trigger):
    if trigger not in TRIGGERS:
        raise ValueError(trigger)
    return f"{trigger}_summary_claimed_at", f"{trigger}_summary_sent_at"


def _unclaimed(claimed, now):
    return Q(**{claimed: None}) | Q(**{f"{claimed}__lt": now - CLAIM_LEASE})


def claim(round_id, trigger):
    """The claim's time for exactly one caller per trigger until it is sent, given back or its lease
    runs out; None for everyone else."""
    claimed, sent = _fields(trigger)
    now = timezone.now()
    rows = Round.objects.filter(_unclaimed(claimed, now), pk=round_id, **{sent: None}).exclude(
        status=Round.Status.PENDING
    )
    if trigger == "manual":
        rows = rows.filter(manual_summary_requested_at__isnull=False)
    return now if rows.update(**{claimed: now}) == 1 else None


def mark_sent(round_id, trigger, claimed_at):
    """Mark the trigger sent, unless the claim was reset meanwhile (the round was reopened)."""
    claimed, sent = _fields(trigger)
    Round.objects.filter(pk=round_id, **{claimed: claimed_at}).update(**{claimed: None, sent: timezone.now()})


def release(round_id, trigger, claimed_at):
    claimed, _sent = _fields(trigger)
    Round.objects.filter(pk=round_id, **{claimed: claimed_at}).update(**{claimed: None})


def due_rounds():
    now = timezone.now()
    due = Q(status=Round.Status.CLOSED) | Q(status=Round.Status.OPEN, deadline__lte=now)
    return Round.objects.filter(
        due,
        _unclaimed("deadline_summary_claimed_at", now),
        deadline_summary_sent_at=None,
        activated_at__isnull=False,
    )


def abandoned_claims():
    """(round id, trigger) of "manual" sends whose worker stopped before finishing."""
    stale = timezone.now() - CLAIM_LEASE
    for trigger in ("manual",):
        claimed, sent = _fields(trigger)
        for round_id in Round.objects.filter(**{f"{claimed}__lt": stale, sent: None}).values_list(
            "pk", flat=True
        ):
            yield round_id, trigger


def deliver(round_id, trigger):
    """Claim, then send; give the claim back when sending fails so the next sweep retries."""
    from .emails import send_summary

    claimed_at = claim(round_id, trigger)
    if claimed_at is None:
        return False
    try:
        send_summary(Round.objects.get(pk=round_id))
    except Exception:
        release(round_id, trigger, claimed_at)
        raise
    mark_sent(round_id, trigger, claimed_at)
    return True


def send_due_summaries():
    work = [(round_id, "deadline") for round_id in due_rounds().values_list("pk", flat=True)]
    work += list(abandoned_claims())
    sent = 0
    for round_id, trigger in work:
        try:
            sent += deliver(round_id, trigger)
        except Exception:
            log.exception("Sending the summary of round %s failed; the next sweep tries again", round_id)
    return sent


@task()
def send_summary_task(round_id, trigger):
    return deliver(round_id, trigger)


def schedule_sweep():
    """Make sure the recurring sweeps, this one ("round_deadlines") among them, wait in the queue."""
    from houvast.lib.periodic import schedule_all

    schedule_all()
