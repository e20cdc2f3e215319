"""The access log outlives its plan: the plan's id and a label stay, each entry gets a role and a source."""

import django.db.models.deletion
from django.db import migrations, models

SHARE_ACTIONS = ("share_view", "share_failed")
EXPORT_ACTIONS = ("pdf", "card", "fhir", "export")


def fill_existing_entries(apps, schema_editor):
    AccessLog = apps.get_model("plans", "AccessLog")
    for entry in AccessLog.objects.select_related("plan", "actor").iterator():
        if entry.action in SHARE_ACTIONS:
            role, source = "relative", "share_link"
        else:
            patient = entry.actor_id is not None and entry.actor_id == entry.plan.patient_id
            role = "patient" if patient else ("clinician" if entry.actor_id else "")
            source = "export" if entry.action in EXPORT_ACTIONS else "web"
        AccessLog.objects.filter(pk=entry.pk).update(
            plan_uuid=entry.plan_id,
            plan_label=entry.plan.patient_name[:200],
            actor_role=role,
            source=source,
        )


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="accesslog",
            name="actor_role",
            field=models.CharField(
                blank=True,
                choices=[
                    ("clinician", "behandelaar"),
                    ("patient", "patiënt"),
                    ("relative", "naaste"),
                    ("admin", "beheerder"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="accesslog",
            name="plan_label",
            field=models.CharField(default="", max_length=200),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="accesslog",
            name="plan_uuid",
            field=models.UUIDField(db_index=True, null=True),
        ),
        migrations.AddField(
            model_name="accesslog",
            name="source",
            field=models.CharField(
                choices=[
                    ("web", "website"),
                    ("share_link", "deellink"),
                    ("export", "export"),
                    ("system", "systeem"),
                ],
                default="web",
                max_length=20,
            ),
        ),
        migrations.RunPython(fill_existing_entries, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="accesslog",
            name="plan_uuid",
            field=models.UUIDField(db_index=True),
        ),
        migrations.AlterField(
            model_name="accesslog",
            name="action",
            field=models.CharField(
                choices=[
                    ("create", "plan gemaakt"),
                    ("view", "plan bekeken"),
                    ("edit", "plan aangepast"),
                    ("settings", "instellingen aangepast"),
                    ("invite", "patiënt uitgenodigd"),
                    ("version", "versie vastgesteld"),
                    ("version_view", "eerdere versie bekeken"),
                    ("pdf", "PDF gedownload"),
                    ("card", "zakkaart gedownload"),
                    ("phone", "telefoonweergave geopend"),
                    ("fhir", "FHIR-export gedownload"),
                    ("export", "alle gegevens gedownload"),
                    ("log_view", "logboek bekeken"),
                    ("log_export", "logboek gedownload"),
                    ("share_create", "deellink gemaakt"),
                    ("share_revoke", "deellink ingetrokken"),
                    ("share_view", "bekeken via deellink"),
                    ("share_failed", "verkeerde toegangscode"),
                    ("transfer", "andere behandelaar"),
                    ("delete", "plan verwijderd"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="accesslog",
            name="plan",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="log",
                to="plans.plan",
            ),
        ),
    ]
