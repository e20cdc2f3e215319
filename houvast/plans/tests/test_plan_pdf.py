import io

from django.urls import reverse
from pypdf import PdfReader

from ..models import AccessLog
from .patient_setup import PatientPlanTestCase


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


class PlanPdfTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:pdf", args=[self.plan.pk])

    def test_access(self):
        self.assert_access(self.url, allowed={"owner", "colleague", "patient"})

    def test_it_is_a_tagged_a4_pdf_with_the_plan_text(self):
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertEqual(response["Content-Type"], "application/pdf")
        reader, text = pdf_text(response)
        self.assertIn("/StructTreeRoot", reader.trailer["/Root"])
        width, height = (float(v) for v in reader.pages[0].mediabox[2:])
        self.assertAlmostEqual(width, 595.3, delta=1)
        self.assertAlmostEqual(height, 841.9, delta=1)
        self.assertIn("Terugvalpreventieplan van Piet Patiënt", text)
        self.assertIn("Ik slaap minder", text)
        self.assertIn("Sanne de Vries", text)
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.PDF).exists())

    def test_it_is_printed_in_the_plan_language(self):
        self.plan.language = "en"
        self.plan.save()
        self.login(self.owner)
        _, text = pdf_text(self.client.get(self.url))
        self.assertIn("Ik slaap minder", text)
        self.assertIn("About me", text)
        self.assertIn("Relapse prevention plan of Piet Patiënt", text)
