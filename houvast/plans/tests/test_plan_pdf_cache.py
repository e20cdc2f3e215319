"""A plan's PDFs come from the cache by a key of what they show: never stale, never someone else's.

Each test changes one thing the PDF templates read and checks that the next download is a new PDF; with a
key that misses that input it would be the cached one. The layout is replaced by the HTML itself (fast, and
it shows what the PDF would show; `FakePdfLayout`).
"""

import datetime
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from houvast.lib import pdf_cache
from houvast.lib.testing import FakePdfLayout

from ..editing import save_section
from ..guidance import get_section
from ..models import AccessLog, Plan, PlanSection, PlanVersion
from .patient_setup import CONTENTS, PatientPlanTestCase


class PlanPdfCacheTests(FakePdfLayout, PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.agreed = reverse("plans:pdf", args=[self.plan.pk])
        self.draft = reverse("plans:pdf_draft", args=[self.plan.pk])
        self.card = reverse("plans:pocket_card", args=[self.plan.pk])
        self.login(self.patient)

    def assert_new_pdf_after(self, url, change, shows=None):
        def change_and_reload():
            change()
            self.plan.refresh_from_db()

        return super().assert_new_pdf_after(url, change_and_reload, shows)

    def agree(self, number=1):
        return PlanVersion.objects.create(
            plan=self.plan,
            number=number,
            data=self.plan.data(),
            professional_name="Olga Eigenaar",
            patient_name="Piet Patiënt",
        )

    def edit_part(self, key="phase_early", field="my_actions", text="Ik ga naar buiten"):
        data = {**CONTENTS[key], field: text}
        row = PlanSection.objects.get(plan=self.plan, key=key)
        save_section(self.plan, get_section(key), data, row.version, self.owner)

    def test_a_changed_part_makes_a_new_draft(self):
        self.assert_new_pdf_after(self.draft, self.edit_part, shows="Ik ga naar buiten")

    def test_a_part_changed_without_its_version_number_still_makes_a_new_draft(self):
        def change():
            PlanSection.objects.filter(plan=self.plan, key="coping").update(data={"skills": "Mediteren"})

        self.assert_new_pdf_after(self.draft, change, shows="Mediteren")

    def test_a_new_person_makes_a_new_draft(self):
        people = [*CONTENTS["network"]["people"], {"name": "Kees Buur", "phone": "06 99999999"}]
        self.assert_new_pdf_after(
            self.draft, lambda: self.edit_part("network", "people", people), shows="Kees Buur"
        )

    def test_a_new_patient_name_makes_a_new_pdf(self):
        def rename():
            self.plan.patient_name = "Piet Anders"
            self.plan.save()

        self.assert_new_pdf_after(self.draft, rename, shows="Piet Anders")
        self.agree()
        self.assert_new_pdf_after(
            self.agreed,
            lambda: Plan.objects.filter(pk=self.plan.pk).update(patient_name="Piet Derde"),
            shows="Piet Derde",
        )

    def test_a_new_language_makes_a_new_pdf(self):
        def to_english():
            self.plan.language = "en"
            self.plan.save()

        self.assert_new_pdf_after(self.draft, to_english, shows="Relapse prevention plan of")

    def test_a_new_review_date_makes_a_new_pdf(self):
        def review():
            self.plan.review_date = datetime.date(2031, 3, 12)
            self.plan.save()

        self.assert_new_pdf_after(self.draft, review, shows="12 maart 2031")

    def test_the_next_day_prints_a_new_date(self):
        tomorrow = datetime.date(2031, 5, 2)
        with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2031, 5, 1)):
            first = self.download(self.draft)
        with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
            self.assertIn("2 mei 2031", self.download(self.draft))
        self.assertIn("1 mei 2031", first)

    def test_each_variant_is_its_own_pdf(self):
        self.agree(1)
        self.agree(2)
        agreed, draft = self.download(self.agreed), self.download(self.draft)
        version_1 = self.download(reverse("plans:version_pdf", args=[self.plan.pk, 1]))
        version_2 = self.download(reverse("plans:version_pdf", args=[self.plan.pk, 2]))
        self.assertEqual(len({agreed, draft, version_1}), 3)
        self.assertIn("Concept", draft)
        self.assertIn("Versie 1, vastgesteld", version_1)
        self.assertEqual(version_2, agreed)
        self.assertEqual(self.plan.log.filter(action=AccessLog.Action.PDF).first().detail, "2")

    def test_a_newly_agreed_version_makes_new_pdfs(self):
        self.agree(1)
        self.assert_new_pdf_after(self.agreed, lambda: self.agree(2), shows="Versie 2, vastgesteld")
        self.assert_new_pdf_after(self.draft, lambda: self.agree(3), shows="versie 3.")
        version_1 = reverse("plans:version_pdf", args=[self.plan.pk, 1])
        self.assert_new_pdf_after(version_1, lambda: self.agree(4), shows="nieuwere versie: versie 4.")

    def test_a_change_after_agreeing_is_noted_on_the_agreed_pdf(self):
        self.agree()
        _, changed = self.assert_new_pdf_after(self.agreed, self.edit_part, shows="daarna nog aangepast")
        self.assertNotIn("Ik ga naar buiten", changed)

    def test_another_plan_with_the_same_contents_is_laid_out_for_itself(self):
        twin = Plan.objects.create(
            team=self.team, owner=self.owner, patient_name=self.plan.patient_name, patient=self.patient
        )
        for key, value in CONTENTS.items():
            PlanSection.objects.create(plan=twin, key=key, data=value)
        self.download(self.draft)
        self.download(reverse("plans:pdf_draft", args=[twin.pk]))
        self.assertEqual(self.layouts.call_count, 2)

    def test_new_code_or_content_makes_new_pdfs(self):
        self.download(self.draft)
        with mock.patch.object(pdf_cache, "code_version", return_value="a-new-deploy"):
            self.download(self.draft)
        self.assertEqual(self.layouts.call_count, 2)

    def test_the_pocket_card_follows_the_name_the_parts_and_the_language(self):
        def rename():
            self.plan.patient_name = "Piet Anders"
            self.plan.save()

        def to_english():
            self.plan.language = "en"
            self.plan.save()

        self.assert_new_pdf_after(self.card, rename, shows="Piet Anders")
        self.assert_new_pdf_after(self.card, self.edit_part, shows="Ik ga naar buiten")
        self.assert_new_pdf_after(self.card, to_english, shows="My pocket card")

    def test_a_repeat_renders_nothing_and_logs_with_one_insert(self):
        self.download(self.draft)
        with (
            mock.patch("houvast.plans.views_export.render_html") as render,
            CaptureQueriesContext(connection) as queries,
        ):
            self.download(self.draft)
        render.assert_not_called()
        log_queries = [q["sql"] for q in queries.captured_queries if "plans_accesslog" in q["sql"]]
        self.assertEqual(len(log_queries), 1)
        self.assertTrue(log_queries[0].startswith("INSERT"))
        self.assertEqual(self.plan.log.filter(action=AccessLog.Action.PDF).count(), 2)
