import io
import re

from django.urls import reverse
from pypdf import PdfReader

from ..models import AccessLog
from .patient_setup import PatientPlanTestCase

MM = 72 / 25.4


def card_edges(page):
    """The top and bottom edges (mm from the top of the page) of the dashed cut outlines."""
    for match in re.finditer(
        r"([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re", page.get_contents().get_data().decode()
    ):
        x, y, width, h = (float(v) * 0.75 / MM for v in match.groups())
        if width < 2 and abs(h - 0.3) < 0.05:
            yield y


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


def text_rows(page):
    """The distance in mm from the top of the page of every piece of text."""
    height, rows = float(page.mediabox.height), []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            rows.append((height - (tm[4] * cm[1] + tm[5] * cm[3] + cm[5])) / MM)

    page.extract_text(visitor_text=visit)
    return rows


def font_sizes(page):
    """{text: font size in pt} for every piece of text on the page, read from the PDF itself."""
    sizes = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            sizes[text.strip()] = round(font_size * scale, 1)

    page.extract_text(visitor_text=visit)
    return sizes


class PocketCardReadabilityTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        section = self.plan.sections.get(key="safety")
        section.data = {**section.data, "gp_post": "0900 1234567"}
        section.save()
        self.login(self.patient)
        response = self.client.get(reverse("plans:pocket_card", args=[self.plan.pk]))
        self.page = PdfReader(io.BytesIO(response.content)).pages[0]
        self.text = self.page.extract_text()
        self.sizes = font_sizes(self.page)

    def test_body_text_is_at_least_9_pt_and_phone_numbers_11_pt(self):
        self.assertGreaterEqual(min(self.sizes.values()), 9, self.sizes)
        for number in ("06 12345678", "0800-0113", "0900 1234567", "112"):
            self.assertGreaterEqual(self.sizes.get(number, 0), 11, number)

    def test_it_shows_the_patients_own_huisartsenpost_and_what_naasten_do(self):
        self.assertIn("0900 1234567", self.text)
        self.assertIn("Mijn zus vraagt hoe het gaat", self.text)

    def test_phases_have_their_plain_names_and_keep_their_numbers(self):
        self.assertIn("Fase 2 (geel): Het gaat minder goed", self.text)
        self.assertIn("Fase 4 (rood)", self.text)
        self.assertNotIn("Beginnende ontregeling", self.text)

    def test_long_lines_stay_inside_their_card(self):
        section = self.plan.sections.get(key="phase_early")
        long = "Ik merk het aan heel veel dingen tegelijk, de hele dag door"
        section.data = {
            key: f"{long}\n{long}\n{long}" for key in ("self_behaviour", "my_actions", "naasten_actions")
        }
        section.save()
        response = self.client.get(reverse("plans:pocket_card", args=[self.plan.pk]))
        page = PdfReader(io.BytesIO(response.content)).pages[0]
        tops = sorted({round(y, 1) for y in card_edges(page)})
        cards = list(zip(tops[::2], tops[1::2], strict=True))
        for y in text_rows(page):
            if y > cards[0][0]:
                self.assertTrue(any(top < y < bottom - 2 for top, bottom in cards), y)
