"""The builder overview is written partly in Python (overview.py): it must escape, follow the language and
keep nothing of a plan between requests."""

from django.urls import reverse

from .. import overview
from ..models import PlanSection
from .helpers import PlanTestCase


class BuilderOverviewTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:builder", args=[self.plan.pk])
        self.login(self.owner)

    def test_what_is_written_in_the_plan_is_shown_as_text(self):
        self.fill(
            {
                "about": {"keep": '<script>alert("tuin")</script>', "goals": "<b>Werk</b>\nEn & meer"},
                "network": {"people": [{"name": "<img src=x onerror=alert(1)>", "phone": "06 1"}]},
            }
        )
        response = self.client.get(self.url)
        self.assertNotContains(response, "<script>alert")
        self.assertNotContains(response, "<img src=x")
        self.assertNotContains(response, "<b>Werk</b>")
        self.assertContains(
            response, "<dd>&lt;script&gt;alert(&quot;tuin&quot;)&lt;/script&gt;</dd>", html=True
        )
        self.assertContains(response, "<li>&lt;b&gt;Werk&lt;/b&gt;</li><li>En &amp; meer</li>", html=True)
        self.assertContains(response, "&lt;img src=x onerror=alert(1)&gt; — 06 1")

    def test_one_line_of_text_stands_alone_and_lines_form_a_list(self):
        self.fill({"about": {"keep": "Mijn tuin", "goals": "Werken\nSporten"}})
        response = self.client.get(self.url)
        self.assertContains(response, "<dt>Wat ik wil behouden</dt><dd>Mijn tuin</dd>", html=True)
        self.assertContains(response, "<li>Werken</li><li>Sporten</li>", html=True)

    def test_who_changed_a_part_last_and_when(self):
        self.fill({"about": {"keep": "Tuin"}})
        PlanSection.objects.filter(plan=self.plan).update(updated_by=self.owner)
        section = PlanSection.objects.get(plan=self.plan, key="about")
        response = self.client.get(self.url)
        self.assertContains(response, f"Laatst aangepast door {self.owner.display_name} op ")
        self.assertContains(response, section.updated.astimezone().strftime("%Y"))

    def test_the_words_follow_the_language_and_the_reader(self):
        self.fill({"about": {"keep": "Tuin"}})
        self.assertContains(self.client.get(self.url), "Wat ik wil behouden")
        self.owner.language = "en"
        self.owner.save()
        self.client.cookies["django_language"] = "en"
        response = self.client.get(self.url)
        self.assertNotContains(response, "Wat ik wil behouden")
        self.assertContains(response, "Edit Vulnerability and protective factors")
        self.login(self.patient)
        self.client.cookies["django_language"] = "nl"
        response = self.client.get(self.url)
        self.assertContains(response, "Afspraken voor als het slecht gaat bewerken")

    def test_nothing_of_a_plan_is_kept_between_requests(self):
        self.fill({"about": {"keep": "Geheime tuin"}, "network": {"people": [{"name": "Geheime Sanne"}]}})
        self.client.get(self.url)
        self.assertTrue(overview._words)
        self.assertNotIn("Geheim", repr(overview._words))
        self.assertNotIn(self.plan.patient_name, repr(overview._words))
