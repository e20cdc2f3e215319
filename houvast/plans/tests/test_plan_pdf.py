import io
import tempfile
from pathlib import Path

from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from ..models import AccessLog, PlanSection, PlanVersion
from .patient_setup import ESSENTIAL_PLAN, PatientPlanTestCase


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


class PlanPdfTests(PatientPlanTestCase):
    def test_a_repeat_download_comes_from_the_cache_and_a_change_makes_a_new_pdf(self):
        self.login(self.patient)
        draft = reverse("plans:pdf_draft", args=[self.plan.pk])
        with tempfile.TemporaryDirectory() as folder, override_settings(PDF_CACHE_DIR=folder):
            first = self.client.get(draft).content
            [cached] = Path(folder).rglob("*.pdf")
            cached.write_bytes(b"%PDF-from-the-cache")
            self.assertEqual(self.client.get(draft).content, b"%PDF-from-the-cache")
            self.assertEqual(self.plan.log.filter(action=AccessLog.Action.PDF).count(), 2)
            self.plan.patient_name = "Piet Anders"
            self.plan.save()
            changed = self.client.get(draft).content
            self.assertTrue(changed.startswith(b"%PDF-1"))
            self.assertNotEqual(changed, first)

    def setUp(self):
        super().setUp()
        self.url = reverse("plans:pdf", args=[self.plan.pk])

    def test_access(self):
        self.assert_access(self.url, allowed={"owner", "colleague", "patient"})
        self.assert_access(
            reverse("plans:pdf_draft", args=[self.plan.pk]), allowed={"owner", "colleague", "patient"}
        )

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


DRAFT_MARK = "Concept – nog niet samen vastgesteld"


class PlanPdfVersionTests(PatientPlanTestCase):
    """Issue 11 item 12: the header never calls unagreed changes "vastgesteld"."""

    def setUp(self):
        super().setUp()
        self.url = reverse("plans:pdf", args=[self.plan.pk])
        self.login(self.owner)
        agreed = self.plan.data()
        PlanVersion.objects.create(plan=self.plan, number=1, data={}, professional_name="O", patient_name="P")
        PlanVersion.objects.create(
            plan=self.plan, number=2, data=agreed, professional_name="Olga Eigenaar", patient_name="Piet"
        )
        long_text = "\n".join(f"Nieuwe afspraak nummer {n} die nog niemand heeft gezien" for n in range(90))
        PlanSection.objects.filter(plan=self.plan, key="coping").update(data={"skills": long_text})

    def test_by_default_it_prints_the_agreed_version_under_its_own_label(self):
        reader, text = pdf_text(self.client.get(self.url))
        self.assertIn("Versie 2, vastgesteld op", text)
        self.assertIn("Ademhaling", text)
        self.assertNotIn("Nieuwe afspraak nummer", text)
        self.assertIn("die wijzigingen zijn nog niet vastgesteld en staan hier niet in", text)
        self.assertNotIn(DRAFT_MARK, text)

    def test_the_draft_is_a_choice_and_every_page_says_so(self):
        reader, text = pdf_text(self.client.get(reverse("plans:pdf_draft", args=[self.plan.pk])))
        self.assertGreater(len(reader.pages), 1)
        for page in reader.pages:
            self.assertIn(DRAFT_MARK, page.extract_text())
        self.assertIn("Nieuwe afspraak nummer 89", text)
        self.assertNotIn("Versie 2, vastgesteld op", text)
        self.assertEqual(self.plan.log.filter(action=AccessLog.Action.PDF).first().detail, "concept")

    def test_an_older_version_can_be_printed_and_points_to_the_newer_one(self):
        _, text = pdf_text(self.client.get(reverse("plans:version_pdf", args=[self.plan.pk, 1])))
        self.assertIn("Versie 1, vastgesteld op", text)
        self.assertIn("Er is een nieuwere versie: versie 2.", text)

    def test_an_unknown_version_is_404(self):
        self.assertEqual(
            self.client.get(reverse("plans:version_pdf", args=[self.plan.pk, 9])).status_code, 404
        )
        self.assertEqual(self.client.get(f"/plannen/{self.plan.pk}/versies/x/plan.pdf").status_code, 404)

    def test_a_plan_without_an_agreed_version_prints_as_a_draft(self):
        PlanVersion.objects.filter(plan=self.plan).delete()
        reader, _ = pdf_text(self.client.get(self.url))
        for page in reader.pages:
            self.assertIn(DRAFT_MARK, page.extract_text())


class EssentialPlanPdfTests(PatientPlanTestCase):
    """Issue 13 point 3: a plan with only the essentials prints on at most two A4 pages."""

    def test_an_essential_plan_prints_on_at_most_two_pages(self):
        PlanSection.objects.filter(plan=self.plan).delete()
        for key, value in ESSENTIAL_PLAN.items():
            PlanSection.objects.create(plan=self.plan, key=key, data=value)
        self.login(self.patient)
        reader, text = pdf_text(self.client.get(reverse("plans:pdf_draft", args=[self.plan.pk])))
        self.assertIn("Ik vertel het mijn behandelaar", text)
        self.assertIn("0900 1234567", text)
        self.assertIn("Tom de Vries", text)
        self.assertLessEqual(len(reader.pages), 2, f"{len(reader.pages)} pages")
