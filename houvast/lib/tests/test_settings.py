import os
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

from houvast.settings import _email_settings

ROOT = Path(__file__).resolve().parents[3]
ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"
MD5 = "django.contrib.auth.hashers.MD5PasswordHasher"


def start_django(code="print('started')", **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); from django.conf import settings; {code}"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "houvast.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_production_refuses_a_missing_secret_key(self):
        result = start_django(DEBUG="False")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY is missing", result.stderr)

    def test_production_refuses_the_development_secret_key(self):
        result = start_django(
            DEBUG="False", SECRET_KEY="dev-only-insecure-secret-key-do-not-use-in-production"
        )
        self.assertIn("SECRET_KEY is missing", result.stderr)

    def test_production_starts_with_a_real_secret_key(self):
        result = start_django(
            DEBUG="False", SECRET_KEY="x" * 20 + "a-real-secret-key-for-this-test-0123456789"
        )
        self.assertEqual(result.stdout.strip(), "started", result.stderr)

    def test_debug_accepts_only_true_or_false(self):
        result = start_django(DEBUG="yes")
        self.assertIn("DEBUG must be 'True' or 'False'", result.stderr)


class EmailUrlTests(SimpleTestCase):
    def test_no_url_means_the_local_outbox(self):
        self.assertEqual(_email_settings("")["EMAIL_BACKEND"], "houvast.lib.outbox.OutboxBackend")

    def test_smtp_url_with_tls_and_credentials(self):
        parsed = _email_settings("smtp+tls://mailer%40ggz.nl:p%40ss@smtp.ggz.nl:587")
        self.assertEqual(parsed["EMAIL_HOST"], "smtp.ggz.nl")
        self.assertEqual(parsed["EMAIL_PORT"], 587)
        self.assertEqual(parsed["EMAIL_HOST_USER"], "mailer@ggz.nl")
        self.assertEqual(parsed["EMAIL_HOST_PASSWORD"], "p@ss")
        self.assertTrue(parsed["EMAIL_USE_TLS"])

    def test_production_hashes_passwords_with_argon2_even_when_asked_for_the_test_hasher(self):
        result = start_django(
            code="print(settings.PASSWORD_HASHERS[0])",
            DEBUG="False",
            SECRET_KEY="x" * 20 + "a-real-secret-key-for-this-test-0123456789",
            TEST_FAST_PASSWORD_HASHER="True",
        )
        self.assertEqual(result.stdout.strip(), ARGON2, result.stderr)

    def test_tests_hash_passwords_fast(self):
        result = start_django(code="print(settings.PASSWORD_HASHERS[0])", DEBUG="True")
        self.assertEqual(result.stdout.strip(), MD5, result.stderr)


class TrustedProxiesSettingTests(SimpleTestCase):
    def test_a_star_is_refused(self):
        result = start_django(DEBUG="True", TRUSTED_PROXIES="*")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("would believe any X-Forwarded-For", result.stderr)

    def test_a_typo_is_refused(self):
        result = start_django(DEBUG="True", TRUSTED_PROXIES="10.0.0.300")
        self.assertIn("TRUSTED_PROXIES holds addresses or networks", result.stderr)

    def test_addresses_and_networks_are_accepted(self):
        result = start_django(DEBUG="True", TRUSTED_PROXIES="10.0.0.5, 10.1.0.0/16,::1")
        self.assertEqual(result.stdout.strip(), "started", result.stderr)
