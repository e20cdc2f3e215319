"""The task worker's heartbeat: the "heartbeat" sweep (houvast/lib/periodic.py) succeeds every minute.

`/healthz` fails when the last one is older than WORKER_HEARTBEAT_MAX_AGE_MINUTES. An app process that
started less than that long ago does not fail for a missing or old heartbeat: the worker started with it
(`make run`, a deploy, a test's live server) may not have run its first one yet. With
WORKER_EXPECTED=False (no database queue, as in the tests) the heartbeat is only reported.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

PROCESS_STARTED = timezone.now()  # imported by LibConfig.ready(), so: when this process started


def beat():
    """The heartbeat sweep itself: that it ran is the news."""
    return "ok"


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
