"""Recurring background work, declared in one registry: a name, how often, and a function without arguments.

Every sweep runs as the task `run_sweep(name)` on the database queue. A run records how it went
(`SweepState`), and whether it succeeded or raised, it makes sure every sweep has its next run waiting
(`schedule_all`), so one failing run stops neither its own next run nor the other sweeps, and a run lost
with a killed worker is queued again by the next run of any sweep (the heartbeat runs every minute).
`manage.py schedule_periodic` (called by `serve`) queues them at start; it is idempotent.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import default_task_backend, task

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sweep:
    name: str
    every: timedelta
    path: str  # a function without arguments; what it returns is kept with the task row


SWEEPS = [
    Sweep("heartbeat", timedelta(minutes=1), "houvast.lib.heartbeat.beat"),
    Sweep("round_deadlines", timedelta(minutes=5), "houvast.surveys.tasks.send_due_summaries"),
    Sweep("plan_reviews", timedelta(hours=1), "houvast.plans.reminders.send_due_reminders"),
    Sweep("workshop_retries", timedelta(minutes=10), "houvast.workshops.tasks.retry_unsent"),
    Sweep("retention", timedelta(days=1), "houvast.lib.retention.purge_all"),
]


def get_sweep(name):
    for sweep in SWEEPS:
        if sweep.name == name:
            return sweep
    raise LookupError(f"No recurring sweep is called {name!r}")


@task()
def run_sweep(name):
    """Run one sweep and record how it went; a failure is logged, kept as a failed task and raised."""
    from .models import SweepState

    sweep = get_sweep(name)
    SweepState.objects.update_or_create(name=name, defaults={"last_started_at": timezone.now()})
    rows = SweepState.objects.filter(name=name)
    try:
        result = import_string(sweep.path)()
    except Exception as e:
        log.exception("Recurring sweep %s failed; it runs again in %s", name, sweep.every)
        rows.update(
            last_failed_at=timezone.now(),
            last_error=type(e).__name__[:200],
            failures_in_a_row=F("failures_in_a_row") + 1,
        )
        raise
    finally:
        schedule_all()
    rows.update(last_succeeded_at=timezone.now(), failures_in_a_row=0, last_error="")
    return result


def schedule_all():
    """Make sure each sweep has one run waiting: at once when it is due, else when its interval is up.

    Safe to call from any process at any time; returns how many runs it queued. On a backend that cannot
    defer (the immediate one of the tests) it does nothing.
    """
    if not default_task_backend.supports_defer:
        return 0
    from django_tasks_db.models import DBTaskResult

    from .models import SweepState

    waiting = DBTaskResult.objects.filter(task_path=run_sweep.module_path, status="READY")
    waiting = {(row.get("args") or [None])[0] for row in waiting.values_list("args_kwargs", flat=True)}
    started = dict(SweepState.objects.values_list("name", "last_started_at"))
    now = timezone.now()
    queued = 0
    for sweep in SWEEPS:
        if sweep.name in waiting:
            continue
        last = started.get(sweep.name)
        run_after = max(now, last + sweep.every) if last else now
        run_sweep.using(run_after=run_after).enqueue(sweep.name)
        queued += 1
    return queued
