import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import SimpleTestCase, override_settings

ONE_YEAR = 60 * 60 * 24 * 365


class CollectedStaticFilesTests(SimpleTestCase):
    """Production storage: hashed names, compressed copies, cached for a year and never revalidated."""

    def setUp(self):
        self.root = Path(tempfile.mkdtemp(prefix="houvast-static-"))
        self.addCleanup(shutil.rmtree, self.root, ignore_errors=True)
        production = override_settings(
            DEBUG=False,
            STATIC_ROOT=self.root,
            STATICFILES_DIRS=[settings.BASE_DIR / "static"],
            STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
            STORAGES={
                **settings.STORAGES,
                "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
            },
            WHITENOISE_USE_FINDERS=False,
            WHITENOISE_AUTOREFRESH=False,
        )
        production.enable()
        self.addCleanup(production.disable)
        call_command("collectstatic", interactive=False, verbosity=0)

    def test_names_are_hashed(self):
        url = staticfiles_storage.url("css/houvast.css")
        self.assertRegex(url, r"^/static/css/houvast\.[0-9a-f]{12}\.css$")

    def test_hashed_file_is_cached_for_a_year_and_compressed(self):
        url = staticfiles_storage.url("css/houvast.css")
        response = self.client.get(url, HTTP_ACCEPT_ENCODING="br, gzip")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Encoding"], "br")
        cache_control = response["Cache-Control"]
        self.assertIn("immutable", cache_control)
        max_age = int(cache_control.split("max-age=")[1].split(",")[0])
        self.assertGreaterEqual(max_age, ONE_YEAR)
