"""Recurring sweeps (houvast/lib/periodic.py), run by django-tasks-db's real worker on the test database."""

from datetime import timedelta
from unittest import mock

from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from houvast.lib import periodic
from houvast.lib.models import SweepState
from houvast.lib.periodic import Sweep, run_sweep, schedule_all
from houvast.lib.testing import run_worker

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
BROKEN_AND_HEARTBEAT = [
    Sweep("broken", timedelta(minutes=1), "houvast.lib.tests.test_periodic.explode"),
    Sweep("heartbeat", timedelta(minutes=1), "houvast.lib.heartbeat.beat"),
]


def explode():
    raise RuntimeError("the mail server said no")


def rows(name, status):
    return [
        row
        for row in DBTaskResult.objects.filter(task_path=run_sweep.module_path, status=status)
        if row.args_kwargs["args"] == [name]
    ]


def a_minute_passes():
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


@override_settings(TASKS=DATABASE_TASKS)
class RecurringSweepTests(TestCase):
    def test_a_failing_sweep_is_logged_and_neither_its_next_run_nor_the_others_stop(self):
        with mock.patch.object(periodic, "SWEEPS", BROKEN_AND_HEARTBEAT):
            schedule_all()
            with self.assertLogs("houvast.lib.periodic", "ERROR") as logs:
                run_worker()
            self.assertIn("Recurring sweep broken failed", logs.output[0])
            self.assertEqual((len(rows("broken", "FAILED")), len(rows("heartbeat", "SUCCESSFUL"))), (1, 1))
            self.assertEqual((len(rows("broken", "READY")), len(rows("heartbeat", "READY"))), (1, 1))
            a_minute_passes()
            with self.assertLogs("houvast.lib.periodic", "ERROR"):
                run_worker()
        self.assertEqual((len(rows("broken", "FAILED")), len(rows("heartbeat", "SUCCESSFUL"))), (2, 2))
        broken = SweepState.objects.get(name="broken")
        self.assertEqual((broken.failures_in_a_row, broken.last_error), (2, "RuntimeError"))
        self.assertIsNone(broken.last_succeeded_at)
        self.assertIsNotNone(SweepState.objects.get(name="heartbeat").last_succeeded_at)

    def test_every_registered_sweep_runs(self):
        schedule_all()
        run_worker()
        names = {sweep.name for sweep in periodic.SWEEPS}
        self.assertEqual(set(SweepState.objects.values_list("name", flat=True)), names)
        self.assertFalse(DBTaskResult.objects.filter(status="FAILED").exists())
        self.assertEqual(DBTaskResult.objects.filter(status="READY").count(), len(names))

    def test_the_next_run_waits_for_its_interval(self):
        schedule_all()
        run_worker()
        waiting = {
            row.args_kwargs["args"][0]: row.run_after for row in DBTaskResult.objects.filter(status="READY")
        }
        started = dict(SweepState.objects.values_list("name", "last_started_at"))
        for sweep in periodic.SWEEPS:
            self.assertEqual(waiting[sweep.name], started[sweep.name] + sweep.every)

    def test_a_sweep_that_is_overdue_runs_at_once(self):
        SweepState.objects.create(name="retention", last_started_at=timezone.now() - timedelta(days=3))
        SweepState.objects.create(name="plan_reviews", last_started_at=timezone.now())
        schedule_all()
        self.assertLessEqual(rows("retention", "READY")[0].run_after, timezone.now())
        self.assertGreater(rows("plan_reviews", "READY")[0].run_after, timezone.now() + timedelta(minutes=50))

    def test_a_run_lost_with_a_killed_worker_is_queued_again_by_any_other_run(self):
        schedule_all()
        lost = rows("round_deadlines", "READY")[0]
        lost.claim("a-worker-that-was-killed")
        DBTaskResult.objects.filter(status="READY").exclude(pk=lost.pk).update(run_after=timezone.now())
        run_worker()
        self.assertEqual(len(rows("round_deadlines", "RUNNING")), 1)
        self.assertEqual(len(rows("round_deadlines", "READY")), 1)

    def test_queueing_twice_queues_each_sweep_once(self):
        self.assertEqual(schedule_all(), len(periodic.SWEEPS))
        self.assertEqual(schedule_all(), 0)


class ImmediateBackendTests(TestCase):
    def test_nothing_is_queued_when_the_backend_cannot_defer(self):
        self.assertEqual(schedule_all(), 0)
        self.assertEqual(run_sweep.enqueue("heartbeat").return_value, "ok")
