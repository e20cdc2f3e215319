"""The plan list: a normalised name to search on (filled for existing plans) and an index for "last changed first"."""

from django.conf import settings
from django.db import migrations, models

from houvast.plans.search import search_key


def fill_search_names(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    plans = list(Plan.objects.only("pk", "patient_name"))
    for plan in plans:
        plan.search_name = search_key(plan.patient_name)[:300]
    Plan.objects.bulk_update(plans, ["search_name"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_hash_backup_codes'),
        ('plans', '0003_access_log_append_only_trigger'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='plan',
            name='search_name',
            field=models.CharField(blank=True, editable=False, max_length=300),
        ),
        migrations.AddIndex(
            model_name='plan',
            index=models.Index(fields=['owner', '-updated'], name='plan_owner_updated'),
        ),
        migrations.RunPython(fill_search_names, migrations.RunPython.noop),
    ]
