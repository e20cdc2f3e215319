"""The task worker's heartbeat: the "heartbeat" sweep (houvast/lib/periodic.py) succeeds every minute.

`/healthz` fails when the last one is older than WORKER_HEARTBEAT_MAX_AGE_MINUTES. An app process that
started less than that long ago does not fail for a missing or old heartbeat: the worker started with it
(`make run`, a deploy, a test's live server) may not have run its first one yet. With
WORKER_EXPECTED=False (no database queue, as in the tests) the heartbeat is only reported.

Each beat also prunes the task rows of sweep runs that succeeded (`prune_sweep_runs`): their outcome is
kept in `SweepState`, so without this the heartbeat alone would add 1,440 rows a day to the operators' task
list, where failed tasks must be seen.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

PROCESS_STARTED = timezone.now()  # imported by LibConfig.ready(), so: when this process started
SUCCEEDED_SWEEP_RUNS_KEPT = timedelta(hours=1)  # or two of the sweep's intervals, when that is longer


def beat():
    """The heartbeat sweep itself: that it ran is the news. It also keeps the task table small."""
    prune_sweep_runs()
    return "ok"


def prune_sweep_runs(now=None):
    """Delete the rows of sweep runs that succeeded more than an hour ago (a daily sweep's: two days), so
    about 80 such rows exist at any time. Failed runs stay (`purge_finished_tasks` removes them after
    FAILED_TASKS_RETENTION_DAYS), and so do waiting and running ones. Returns how many rows went."""
    from django_tasks_db.models import DBTaskResult

    from .periodic import SWEEPS, run_sweep

    now = now or timezone.now()
    succeeded = DBTaskResult.objects.filter(task_path=run_sweep.module_path, status="SUCCESSFUL")
    removed = 0
    for sweep in SWEEPS:
        kept = max(SUCCEEDED_SWEEP_RUNS_KEPT, 2 * sweep.every)
        rows = succeeded.filter(args_kwargs__args__0=sweep.name, finished_at__lt=now - kept)
        removed += rows.delete()[0]
    return removed


def last_heartbeat():
    from .models import SweepState

    return SweepState.objects.filter(name="heartbeat").values_list("last_succeeded_at", flat=True).first()


def worker_status(now=None):
    """("ok" | "starting" | "stale" | "not expected", the heartbeat's age in whole seconds or None)."""
    now = now or timezone.now()
    last = last_heartbeat()
    age = None if last is None else max(0, int((now - last).total_seconds()))
    if not settings.WORKER_EXPECTED:
        return "not expected", age
    max_age = timedelta(minutes=settings.WORKER_HEARTBEAT_MAX_AGE_MINUTES)
    if age is not None and age <= max_age.total_seconds():
        return "ok", age
    if now - PROCESS_STARTED <= max_age:
        return "starting", age
    return "stale", age
