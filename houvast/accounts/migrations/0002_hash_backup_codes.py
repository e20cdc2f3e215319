"""Backup codes made before this migration were stored as they are; store their keyed hash instead."""

from django.db import migrations

from houvast.accounts.two_factor import backup_code_digest


def hash_stored_codes(apps, schema_editor):
    StaticToken = apps.get_model("otp_static", "StaticToken")
    for token in StaticToken.objects.exclude(token__regex=r"^[0-9a-f]{16}$"):
        token.token = backup_code_digest(token.token)
        token.save(update_fields=["token"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(hash_stored_codes, migrations.RunPython.noop)]
