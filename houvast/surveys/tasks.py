"""Sending the group summary exactly once per trigger, and the sweep that finds due rounds.

Triggers: "deadline" (the invuldatum passed or the round was closed early), "complete" (every
invited person answered) and "manual" (the coordinator pressed "Stuur de samenvatting nu").
A worker claims a trigger with a conditional UPDATE; only the worker whose UPDATE changed the
row sends, so several workers (or a worker and cron) never send twice.
"""

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import Round

log = logging.getLogger(__name__)
SWEEP_EVERY = timedelta(minutes=5)
MARKERS = {
    "deadline": "deadline_summary_sent_at",
    "complete": "complete_summary_sent_at",
    "manual": "manual_summary_sent_at",
}


def claim(round_id, trigger):
    """True for exactly one caller per trigger until the marker is reset."""
    marker = MARKERS[trigger]
    rows = Round.objects.filter(pk=round_id, **{marker: None}).exclude(status=Round.Status.PENDING)
    if trigger == "manual":
        rows = rows.filter(manual_summary_requested_at__isnull=False)
    return rows.update(**{marker: timezone.now()}) == 1


def release(round_id, trigger):
    Round.objects.filter(pk=round_id).update(**{MARKERS[trigger]: None})


def due_rounds():
    now = timezone.now()
    due = Q(status=Round.Status.CLOSED) | Q(status=Round.Status.OPEN, deadline__lte=now)
    return Round.objects.filter(due, deadline_summary_sent_at=None, activated_at__isnull=False)


def deliver(round_id, trigger):
    """Claim, then send; give the claim back when sending fails so the next sweep retries."""
    from .emails import send_summary

    if not claim(round_id, trigger):
        return False
    try:
        send_summary(Round.objects.get(pk=round_id))
    except Exception:
        release(round_id, trigger)
        raise
    return True


def send_due_summaries():
    sent = 0
    for round_id in due_rounds().values_list("pk", flat=True):
        try:
            sent += deliver(round_id, "deadline")
        except Exception:
            log.exception("Sending the summary of round %s failed; the next sweep tries again", round_id)
    return sent


@task()
def send_summary_task(round_id, trigger):
    return deliver(round_id, trigger)


@task()
def sweep(reschedule=True):
    """Send every due summary; then plan the next sweep (only on a backend that can defer)."""
    sent = send_due_summaries()
    if reschedule:
        schedule_sweep()
    return sent


def schedule_sweep():
    """Make sure one sweep is waiting in the queue (at most a few minutes ahead)."""
    if not default_task_backend.supports_defer:
        return
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult.objects.filter(task_path=sweep.module_path, status="READY").exists():
        return
    sweep.using(run_after=timezone.now() + SWEEP_EVERY).enqueue()
