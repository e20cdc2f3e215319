"""Two people editing the same part: the second save never silently overwrites the first."""

from django.urls import reverse

from ..models import PlanSection
from .helpers import PlanTestCase

AJAX = {"HTTP_X_REQUESTED_WITH": "fetch"}


class ConflictTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:part", args=[self.plan.pk, "about"])
        self.login(self.patient)
        self.client.post(self.url, {"version": "0", "keep": "Tekst van de patiënt"})
        self.login(self.owner)

    def test_stale_autosave_gets_409_with_the_other_text(self):
        response = self.client.post(self.url, {"version": "0", "keep": "Tekst van de behandelaar"}, **AJAX)
        self.assertEqual(response.status_code, 409)
        body = response.json()
        self.assertEqual(body["version"], 1)
        self.assertIn("Tekst van de patiënt", body["html"])
        self.assertIn("Piet Patiënt", body["html"])
        self.assertEqual(
            PlanSection.objects.get(plan=self.plan, key="about").data["keep"], "Tekst van de patiënt"
        )

    def test_stale_form_post_shows_both_texts(self):
        response = self.client.post(self.url, {"version": "0", "keep": "Tekst van de behandelaar"})
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "Tekst van de patiënt", status_code=409)
        self.assertContains(response, "Tekst van de behandelaar", status_code=409)
        self.assertContains(response, 'name="version" value="1"', status_code=409)

    def test_choosing_my_text_saves_it_on_top_of_the_new_version(self):
        self.client.post(self.url, {"version": "0", "keep": "Tekst van de behandelaar"})
        response = self.client.post(self.url, {"version": "1", "keep": "Tekst van de behandelaar"}, **AJAX)
        self.assertEqual(response.status_code, 200)
        row = PlanSection.objects.get(plan=self.plan, key="about")
        self.assertEqual((row.data["keep"], row.version), ("Tekst van de behandelaar", 2))

    def test_a_missing_version_is_treated_as_stale(self):
        response = self.client.post(self.url, {"keep": "Zonder versie"}, **AJAX)
        self.assertEqual(response.status_code, 409)

    def test_other_parts_do_not_conflict(self):
        url = reverse("plans:part", args=[self.plan.pk, "understanding"])
        response = self.client.post(url, {"version": "0", "normal": "Moe"}, **AJAX)
        self.assertEqual(response.status_code, 200)


class SaveSectionTestCase(PlanTestCase):
    def test_only_one_of_two_saves_from_the_same_version_wins(self):
        from ..editing import Conflict, save_section
        from ..guidance import get_section

        section = get_section("about")
        save_section(self.plan, section, {"keep": "eerste"}, 0, self.owner)
        with self.assertRaises(Conflict) as raised:
            save_section(self.plan, section, {"keep": "tweede"}, 0, self.patient)
        self.assertEqual(raised.exception.section.data, {"keep": "eerste"})
        self.assertEqual(PlanSection.objects.get(plan=self.plan, key="about").version, 1)


class OwnAutosaveTestCase(PlanTestCase):
    """Bewaren right after an autosave of the same text posts the old version: that is no conflict."""

    def test_a_post_with_what_is_already_stored_is_accepted_whatever_its_version(self):
        url = reverse("plans:part", args=[self.plan.pk, "about"])
        self.login(self.owner)
        self.client.post(url, {"version": "0", "keep": "Mijn tekst"}, **AJAX)
        response = self.client.post(url, {"version": "0", "keep": "Mijn tekst"})
        self.assertEqual(response.status_code, 302)
        row = PlanSection.objects.get(plan=self.plan, key="about")
        self.assertEqual((row.data["keep"], row.version), ("Mijn tekst", 1))

    def test_a_different_text_with_the_old_version_still_conflicts(self):
        url = reverse("plans:part", args=[self.plan.pk, "about"])
        self.login(self.owner)
        self.client.post(url, {"version": "0", "keep": "Mijn tekst"}, **AJAX)
        response = self.client.post(url, {"version": "0", "keep": "Mijn tekst en meer"}, **AJAX)
        self.assertEqual(response.status_code, 409)
