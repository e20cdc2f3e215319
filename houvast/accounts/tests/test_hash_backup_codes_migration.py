import importlib

from django.apps import apps
from django_otp.plugins.otp_static.models import StaticDevice

from houvast.accounts.two_factor import backup_code_digest, verify_code
from houvast.lib.testing import BaseTestCase

migration = importlib.import_module("houvast.accounts.migrations.0002_hash_backup_codes")


class HashBackupCodesMigrationTests(BaseTestCase):
    def test_codes_stored_as_they_were_are_hashed_and_still_work(self):
        device = StaticDevice.objects.create(user=self.member, name="Reservecodes", confirmed=True)
        device.token_set.create(token="oudecode")
        device.token_set.create(token=backup_code_digest("nieuwer1"))
        migration.hash_stored_codes(apps, None)
        stored = set(device.token_set.values_list("token", flat=True))
        self.assertEqual(stored, {backup_code_digest("oudecode"), backup_code_digest("nieuwer1")})
        self.assertIsNotNone(verify_code(self.member, "oudecode"))
