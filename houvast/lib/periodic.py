"""Recurring background work: each entry makes sure its sweep task waits in the task queue.

A sweep re-enqueues itself (with `run_after`) each time it runs, so one kick after start-up keeps
it going; the kick is idempotent, so every app process or deploy may call it.
"""

from django.utils.module_loading import import_string

SCHEDULERS = [
    "houvast.surveys.tasks.schedule_sweep",
    "houvast.plans.reminders.schedule_reminders",
    "houvast.lib.retention.schedule_purge",
]


def schedule_all():
    for path in SCHEDULERS:
        import_string(path)()
    return len(SCHEDULERS)
