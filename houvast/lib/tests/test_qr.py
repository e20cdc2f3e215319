from django.test import SimpleTestCase

from houvast.lib.qr import qr_svg


class QrTests(SimpleTestCase):
    def test_it_makes_an_inline_safe_svg(self):
        svg = qr_svg("https://houvast.example.org/stellingen/abc", title="QR-code")
        self.assertTrue(svg.startswith("<svg"))
        self.assertIn("<title>QR-code</title>", svg)
        self.assertNotIn("<script", svg)
        self.assertNotIn("style=", svg)
