"""The operators' task list shows what matters first: failed tasks on top, then the newest others; the
recurring sweeps' runs that went well or wait (a heartbeat a minute) only when asked for."""

from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from houvast.lib.tests.test_heartbeat_pruning import task_row

from .operator_setup import OperatorTestCase

TASKS = "/beheer/operators/taskrun/"


class TaskListTests(OperatorTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        now = timezone.now()
        heartbeats = [task_row(timedelta(seconds=10 * i), now=now) for i in range(300)]
        waiting = task_row(timedelta(0), "round_deadlines", status="READY", now=now)
        cls.failed_mail = task_row(timedelta(days=2), path="houvast.surveys.tasks.send_summary", now=now)
        cls.failed_mail.status = "FAILED"
        cls.failed_sweep = task_row(timedelta(hours=5), "plan_reviews", status="FAILED", now=now)
        cls.sent_mail = task_row(timedelta(minutes=3), path="houvast.plans.tasks.send_invitation", now=now)
        DBTaskResult.objects.bulk_create(
            [*heartbeats, waiting, cls.failed_mail, cls.failed_sweep, cls.sent_mail]
        )
        for row in (cls.failed_mail, cls.failed_sweep, cls.sent_mail):
            DBTaskResult.objects.filter(pk=row.pk).update(enqueued_at=row.run_after)

    def setUp(self):
        self.login_verified()

    def shown(self, query=""):
        response = self.client.get(TASKS + query)
        self.assertEqual(response.status_code, 200)
        changelist = response.context["cl"]
        return [row.pk for row in changelist.result_list], changelist.result_count

    def test_failed_tasks_come_first_and_heartbeats_stay_out_of_the_way(self):
        rows, count = self.shown()
        self.assertEqual(rows, [self.failed_sweep.pk, self.failed_mail.pk, self.sent_mail.pk])
        self.assertEqual(count, 3)

    def test_every_task_is_there_when_asked_for_failed_still_first(self):
        rows, count = self.shown("?welke=alle")
        self.assertEqual(count, 304)
        self.assertEqual(rows[:2], [self.failed_sweep.pk, self.failed_mail.pk])
        rows, count = self.shown("?welke=terugkerend")
        self.assertEqual((count, rows[0]), (302, self.failed_sweep.pk))

    def test_the_failed_filter_shows_only_failures(self):
        rows, count = self.shown("?status__exact=FAILED")
        self.assertEqual(rows, [self.failed_sweep.pk, self.failed_mail.pk])
