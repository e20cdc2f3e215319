import io
import re

from django.urls import reverse
from pypdf import PdfReader

from ..models import AccessLog
from .patient_setup import PatientPlanTestCase

MM = 72 / 25.4


def card_outlines(page):
    """(width, height) in mm of each dashed cut outline, from the dash rectangles WeasyPrint draws."""
    rows, columns = set(), set()
    for match in re.finditer(
        r"([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re", page.get_contents().get_data().decode()
    ):
        x, y, width, height = (float(v) * 0.75 / MM for v in match.groups())
        if width < 2 and abs(height - 0.3) < 0.05:
            rows.add(round(y, 1))
        if height < 2 and abs(width - 0.3) < 0.05:
            columns.add(round(x, 1))
    rows, (left, right) = sorted(rows), sorted(columns)
    return [
        (round(right - left - 0.3, 1), round(bottom - top - 0.3, 1))
        for top, bottom in zip(rows[::2], rows[1::2], strict=True)
    ]


class PocketCardTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:pocket_card", args=[self.plan.pk])

    def test_access(self):
        self.assert_access(self.url, allowed={"owner", "colleague", "patient"})

    def test_one_a4_sheet_with_three_foldable_bank_card_pairs(self):
        self.login(self.patient)
        response = self.client.get(self.url)
        reader = PdfReader(io.BytesIO(response.content))
        self.assertEqual(len(reader.pages), 1)
        page = reader.pages[0]
        self.assertAlmostEqual(float(page.mediabox.width), 210 * MM, delta=0.5)
        self.assertAlmostEqual(float(page.mediabox.height), 297 * MM, delta=0.5)
        self.assertEqual(card_outlines(page), [(171.2, 54.0)] * 3)
        self.assertIn("Knip de drie kaarten uit langs de streepjes", page.extract_text())
        text = "\n".join(page.extract_text() for page in reader.pages)
        self.assertIn("Ik plan rust", text)
        self.assertIn("Ik bel de crisisdienst", text)
        self.assertIn("06 12345678", text)
        self.assertIn("0800-0113", text)
        self.assertIn("/StructTreeRoot", reader.trailer["/Root"])
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.CARD).exists())
