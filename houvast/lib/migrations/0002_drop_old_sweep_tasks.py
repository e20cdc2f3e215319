"""The sweeps used to re-enqueue themselves as three tasks that no longer exist; their waiting rows would
only fail. `run_sweep` (houvast/lib/periodic.py) replaces them."""

from django.db import migrations

OLD_TASKS = [
    "houvast.surveys.tasks.sweep",
    "houvast.plans.reminders.send_plan_reminders",
    "houvast.lib.retention.purge_expired",
]


def drop_waiting_rows(apps, schema_editor):
    task_results = apps.get_model("django_tasks_database", "DBTaskResult")
    task_results.objects.filter(task_path__in=OLD_TASKS, status="READY").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lib", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(drop_waiting_rows, migrations.RunPython.noop)]
