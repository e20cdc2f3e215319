"""The heartbeat keeps the task table small: succeeded sweep runs go after an hour (a daily sweep's after
two days), so the operators' task list is not a wall of heartbeats; failed, waiting and other tasks stay."""

from datetime import timedelta
from unittest import mock

from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from houvast.lib import periodic
from houvast.lib.heartbeat import prune_sweep_runs
from houvast.lib.periodic import Sweep, run_sweep, schedule_all
from houvast.lib.testing import run_worker

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def task_row(finished_ago, name="heartbeat", status="SUCCESSFUL", path=None, now=None):
    now = now or timezone.now()
    finished = None if status == "READY" else now - finished_ago
    return DBTaskResult(
        task_path=path or run_sweep.module_path,
        args_kwargs={"args": [name], "kwargs": {}},
        status=status,
        backend_name="default",
        queue_name="default",
        run_after=now - finished_ago,
        finished_at=finished,
        exception_class_path="",
        traceback="",
    )


def sweep_rows(status="SUCCESSFUL"):
    return DBTaskResult.objects.filter(task_path=run_sweep.module_path, status=status)


class HeartbeatPruningTests(TestCase):
    def test_a_day_of_sweep_runs_shrinks_to_the_last_hour_and_failures_stay(self):
        now = timezone.now()
        rows = [task_row(timedelta(minutes=i), now=now) for i in range(24 * 60)]
        rows += [task_row(timedelta(minutes=i), "round_deadlines", now=now) for i in range(0, 24 * 60, 5)]
        rows += [task_row(timedelta(days=days), "retention", now=now) for days in (1, 3)]
        failed = task_row(timedelta(hours=3), status="FAILED", now=now)
        waiting = task_row(timedelta(0), status="READY", now=now)
        email = task_row(timedelta(hours=3), "someone@example.org", path="houvast.plans.tasks.x", now=now)
        DBTaskResult.objects.bulk_create([*rows, failed, waiting, email])
        self.assertEqual(DBTaskResult.objects.count(), 1440 + 288 + 2 + 3)

        prune_sweep_runs(now)

        def kept(name):
            return sum(1 for row in sweep_rows() if row.args_kwargs["args"] == [name])

        self.assertEqual((kept("heartbeat"), kept("round_deadlines"), kept("retention")), (61, 13, 1))
        for row in (failed, waiting, email):
            self.assertTrue(DBTaskResult.objects.filter(pk=row.pk).exists())
        self.assertLess(DBTaskResult.objects.count(), 80)

    @override_settings(TASKS=DATABASE_TASKS)
    def test_the_worker_prunes_with_every_heartbeat(self):
        DBTaskResult.objects.bulk_create([task_row(timedelta(minutes=61 + i)) for i in range(100)])
        with mock.patch.object(
            periodic, "SWEEPS", [Sweep("heartbeat", timedelta(minutes=1), "houvast.lib.heartbeat.beat")]
        ):
            schedule_all()
            run_worker()
        self.assertEqual(sweep_rows().count(), 1)  # the run that just happened
        self.assertEqual(sweep_rows("READY").count(), 1)  # and the next one
