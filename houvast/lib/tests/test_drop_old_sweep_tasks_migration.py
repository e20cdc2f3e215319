import importlib

from django.apps import apps
from django.test import TestCase, override_settings
from django_tasks_db.models import DBTaskResult

from houvast.lib.tasks import ping

migration = importlib.import_module("houvast.lib.migrations.0002_drop_old_sweep_tasks")


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
class DropOldSweepTasksMigrationTests(TestCase):
    def test_waiting_rows_of_the_old_sweep_tasks_go_and_others_stay(self):
        def row(path, status="READY"):
            result = ping.enqueue("x")
            DBTaskResult.objects.filter(pk=result.id).update(task_path=path, status=status)
            return str(result.id)

        row("houvast.surveys.tasks.sweep")
        row("houvast.lib.retention.purge_expired")
        finished = row("houvast.plans.reminders.send_plan_reminders", status="SUCCESSFUL")
        other = row("houvast.lib.tasks.ping")
        migration.drop_waiting_rows(apps, None)
        remaining = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
        self.assertEqual(remaining, {finished, other})
