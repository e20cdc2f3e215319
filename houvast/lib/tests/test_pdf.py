import io

from django.test import SimpleTestCase
from pypdf import PdfReader

from houvast.lib.pdf import ExternalResourceRefused, render_pdf, static_only_url_fetcher


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
