"""The PDF cache holds health data: private files, names nobody can derive, gone with their plan."""

import hashlib
import os
import stat
import tempfile
import time
from pathlib import Path

from django.test import SimpleTestCase, override_settings

from houvast.lib import pdf_cache

HTML = "<p>Signalen: ik slaap minder</p>"


class PdfCacheTests(SimpleTestCase):
    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.root = Path(folder.name) / "pdf-cache"
        overridden = override_settings(PDF_CACHE_DIR=self.root, PDF_CACHE_MAX_HOURS=24, PDF_CACHE_MAX_MB=1)
        overridden.enable()
        self.addCleanup(overridden.disable)

    def put(self, html=HTML, scope="plan:1", pdf=b"%PDF-1"):
        path = pdf_cache.path_for(html, scope)
        pdf_cache.write(path, pdf)
        return path

    def test_it_returns_what_it_kept(self):
        path = self.put()
        self.assertEqual(pdf_cache.read(path), b"%PDF-1")
        self.assertIsNone(pdf_cache.read(pdf_cache.path_for(HTML, "plan:2")))

    def test_only_the_app_user_can_read_the_files(self):
        path = self.put()
        self.assertEqual(stat.S_IMODE(path.stat().st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(path.parent.stat().st_mode) & 0o077, 0)
        self.assertEqual(stat.S_IMODE(self.root.stat().st_mode) & 0o077, 0)

    def test_a_name_cannot_be_derived_from_the_content_without_the_secret_key(self):
        path = self.put()
        self.assertNotIn(hashlib.sha256(HTML.encode()).hexdigest(), str(path))
        self.assertNotIn("plan", str(path.relative_to(self.root)))
        with override_settings(SECRET_KEY="another-installation"):
            self.assertNotEqual(pdf_cache.path_for(HTML, "plan:1"), path)

    def test_forgetting_a_scope_removes_only_its_pdfs(self):
        gone, kept = self.put(scope="plan:1"), self.put(scope="plan:2")
        pdf_cache.forget("plan:1")
        self.assertFalse(gone.exists())
        self.assertTrue(kept.exists())

    def test_a_pdf_past_its_time_is_not_served_and_is_pruned(self):
        path = self.put()
        old = time.time() - 25 * 3600
        os.utime(path, (old, old))
        self.assertIsNone(pdf_cache.read(path))
        self.assertEqual(pdf_cache.prune(), 1)
        self.assertFalse(path.exists())

    def test_the_oldest_go_first_when_the_folder_is_full(self):
        half = b"%PDF" + b"x" * 600_000
        oldest = self.put(html="oud", pdf=half)
        old = time.time() - 60
        os.utime(oldest, (old, old))
        newest = self.put(html="nieuw", pdf=half)
        self.assertFalse(oldest.exists())
        self.assertTrue(newest.exists())

    def test_a_key_names_its_file_as_privately_as_html_does(self):
        key = ["plan", "00000000-0000-0000-0000-000000000001", "Piet Patiënt"]
        path = pdf_cache.path_for_key(key, "plan:1")
        self.assertEqual(path.parent, pdf_cache.path_for(HTML, "plan:1").parent)
        self.assertNotIn("Piet", str(path))
        self.assertNotEqual(pdf_cache.path_for_key([*key[:2], "Piet Anders"], "plan:1"), path)
        with override_settings(SECRET_KEY="another-installation"):
            self.assertNotEqual(pdf_cache.path_for_key(key, "plan:1"), path)


class CodeVersionTests(SimpleTestCase):
    """Templates, translations and content files shape a PDF: a deploy that changes one starts new keys."""

    def test_any_changed_or_added_file_changes_the_digest_and_caches_do_not(self):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder) / "houvast"
            (root / "templates").mkdir(parents=True)
            template = root / "templates" / "pdf.html"
            template.write_text("<h1>Plan</h1>")
            before = pdf_cache.files_digest([root])
            (root / "__pycache__").mkdir()
            (root / "__pycache__" / "x.pyc").write_bytes(b"\0")
            self.assertEqual(pdf_cache.files_digest([root]), before)
            template.write_text("<h1>Mijn plan</h1>")
            changed = pdf_cache.files_digest([root])
            self.assertNotEqual(changed, before)
            (root / "templates" / "extra.css").write_text("h1 {}")
            self.assertNotEqual(pdf_cache.files_digest([root]), changed)
            self.assertNotEqual(
                pdf_cache.files_digest([root], ["weasyprint 67"]), pdf_cache.files_digest([root])
            )
