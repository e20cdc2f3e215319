from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings
from django_tasks_db.models import DBTaskResult

from houvast.lib.periodic import SCHEDULERS

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=DATABASE_TASKS)
class SchedulePeriodicCommandTests(TestCase):
    def test_it_queues_every_sweep_once_even_when_run_twice(self):
        call_command("schedule_periodic", stdout=StringIO())
        call_command("schedule_periodic", stdout=StringIO())
        waiting = DBTaskResult.objects.filter(status="READY")
        self.assertEqual(waiting.count(), len(SCHEDULERS))
        self.assertTrue(all(result.run_after is not None for result in waiting))
