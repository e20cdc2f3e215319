import io

from django.urls import reverse
from pypdf import PdfReader

from ..models import AccessLog
from .patient_setup import PatientPlanTestCase

MM = 72 / 25.4


class PocketCardTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:pocket_card", args=[self.plan.pk])

    def test_access(self):
        self.assert_access(self.url, allowed={"owner", "colleague", "patient"})

    def test_bank_card_pages_with_phases_first_actions_and_numbers(self):
        self.login(self.patient)
        response = self.client.get(self.url)
        reader = PdfReader(io.BytesIO(response.content))
        for page in reader.pages:
            self.assertAlmostEqual(float(page.mediabox.width), 85.6 * MM, delta=0.5)
            self.assertAlmostEqual(float(page.mediabox.height), 54 * MM, delta=0.5)
        self.assertEqual(len(reader.pages), 6)
        text = "\n".join(page.extract_text() for page in reader.pages)
        self.assertIn("Ik plan rust", text)
        self.assertIn("Ik bel de crisisdienst", text)
        self.assertIn("06 12345678", text)
        self.assertIn("0800-0113", text)
        self.assertIn("/StructTreeRoot", reader.trailer["/Root"])
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.CARD).exists())
