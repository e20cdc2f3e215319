from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings
from django_tasks_db.models import DBTaskResult

from houvast.lib.periodic import SWEEPS

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=DATABASE_TASKS)
class SchedulePeriodicCommandTests(TestCase):
    def test_it_queues_every_sweep_once_even_when_run_twice(self):
        call_command("schedule_periodic", stdout=StringIO())
        out = StringIO()
        call_command("schedule_periodic", stdout=out)
        self.assertEqual(DBTaskResult.objects.filter(status="READY").count(), len(SWEEPS))
        self.assertIn("0 recurring tasks queued", out.getvalue())
