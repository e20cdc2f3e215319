import asyncio
import io
import os
import tempfile
from pathlib import Path

from asgiref.sync import async_to_sync
from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase, override_settings
from pypdf import PdfReader

from houvast.lib import pdf_pool
from houvast.lib.pdf import (
    ExternalResourceRefused,
    PdfDownload,
    cached_or_rendering,
    pdf_for_html,
    render_html,
    render_pdf,
    renders_pdf,
    static_only_url_fetcher,
)


class UrlFetcherTests(SimpleTestCase):
    def test_it_serves_our_own_static_files(self):
        result = static_only_url_fetcher("houvast-static:/css/houvast.css")
        self.assertIn(b"--color-primary", result.read())
        self.assertEqual(result.content_type, "text/css")

    def test_it_refuses_other_addresses(self):
        for url in ["http://169.254.169.254/latest", "file:///etc/passwd", "houvast-static:/../settings.py"]:
            with self.subTest(url=url), self.assertRaises(ExternalResourceRefused):
                static_only_url_fetcher(url)


class RenderPdfTests(SimpleTestCase):
    def test_it_renders_a_tagged_pdf_with_the_text(self):
        pdf = render_pdf("lib/test_pdf.html", {"title": "Terugvalpreventie"})
        reader = PdfReader(io.BytesIO(pdf))
        self.assertIn("Terugvalpreventie", reader.pages[0].extract_text())
        self.assertIn("/StructTreeRoot", reader.trailer["/Root"])


class PoolAndCacheTests(SimpleTestCase):
    """The real path: a pool process lays the PDF out, the cache serves the repeat."""

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)
        overridden = override_settings(PDF_WORKERS=1, PDF_CACHE_DIR=self.folder)
        overridden.enable()
        self.addCleanup(overridden.disable)

    def test_a_pool_process_renders_a_valid_pdf(self):
        pdf = render_pdf("lib/test_pdf.html", {"title": "Buiten het verzoek"})
        reader = PdfReader(io.BytesIO(pdf))
        self.assertIn("Buiten het verzoek", reader.pages[0].extract_text())
        children = pdf_pool.child_pids()
        self.assertTrue(children)
        self.assertNotIn(os.getpid(), children)

    def test_the_same_content_again_comes_from_the_cache_without_rendering(self):
        html = render_html("lib/test_pdf.html", {"title": "Eén keer"})
        first = pdf_for_html(html, "test")
        [cached] = self.folder.rglob("*.pdf")
        # Were it rendered again, WeasyPrint would not write these bytes.
        cached.write_bytes(b"%PDF-from-the-cache")
        self.assertEqual(pdf_for_html(html, "test"), b"%PDF-from-the-cache")
        self.assertTrue(first.startswith(b"%PDF-"))
        self.assertNotEqual(pdf_for_html(html + " ", "test"), b"%PDF-from-the-cache")

    def test_equal_html_requested_at_once_is_laid_out_once(self):
        html = render_html("lib/test_pdf.html", {"title": "Tegelijk"})
        first, second = cached_or_rendering(html), cached_or_rendering(html)
        self.assertIs(first, second)
        self.assertTrue(first.result().startswith(b"%PDF-"))

    def test_a_pdf_view_waits_for_the_pool_and_passes_other_answers_through(self):
        @renders_pdf
        def view(request, title):
            if not title:
                return HttpResponse("geen titel", status=400)
            html = render_html("lib/test_pdf.html", {"title": title})
            return PdfDownload(html, "test.pdf", headers={"X-Robots-Tag": "noindex"})

        self.assertTrue(asyncio.iscoroutinefunction(view))
        response = async_to_sync(view)(RequestFactory().get("/"), "Asynchroon")
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="test.pdf"')
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        self.assertIn("Asynchroon", PdfReader(io.BytesIO(response.content)).pages[0].extract_text())
        self.assertEqual(async_to_sync(view)(RequestFactory().get("/"), "").status_code, 400)
