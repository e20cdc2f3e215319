"""Two people editing the same part: the second save never silently overwrites the first."""

import re

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
        # The form keeps the version it started from; only the explicit choice carries the new one.
        self.assertContains(response, 'name="version" value="0"', status_code=409)
        self.assertContains(response, 'name="overwrite" value="1"', status_code=409)

    def test_plain_bewaren_after_a_conflict_shows_it_again(self):
        """The attack of issue 11 item 11: press the ordinary "Bewaren" on the conflict page."""
        response = self.client.post(self.url, {"version": "0", "keep": "Tekst van de behandelaar"})
        version = re.search(r'name="version" value="(-?\d+)"', response.content.decode()).group(1)
        again = self.client.post(self.url, {"version": version, "keep": "Tekst van de behandelaar"})
        self.assertContains(again, "Iemand anders heeft dit deel net aangepast", status_code=409)
        self.assertEqual(
            PlanSection.objects.get(plan=self.plan, key="about").data["keep"], "Tekst van de patiënt"
        )

    def test_plain_bewaren_after_an_autosave_conflict_shows_it_again(self):
        self.client.post(self.url, {"version": "0", "keep": "Tekst van de behandelaar"}, **AJAX)
        again = self.client.post(self.url, {"version": "0", "keep": "Tekst van de behandelaar"})
        self.assertEqual(again.status_code, 409)
        self.assertEqual(
            PlanSection.objects.get(plan=self.plan, key="about").data["keep"], "Tekst van de patiënt"
        )

    def test_keep_mine_overwrites_only_the_version_that_was_shown(self):
        self.client.post(self.url, {"version": "0", "keep": "Tekst van de behandelaar"})
        self.login(self.patient)
        self.client.post(self.url, {"version": "1", "keep": "Nog een tekst van de patiënt"})
        self.login(self.owner)
        mine = {"version": "0", "overwrite": "1", "keep": "Tekst van de behandelaar"}
        self.assertEqual(self.client.post(self.url, mine).status_code, 409)
        mine["overwrite"] = "2"
        self.assertEqual(self.client.post(self.url, mine).status_code, 302)
        row = PlanSection.objects.get(plan=self.plan, key="about")
        self.assertEqual((row.data["keep"], row.version), ("Tekst van de behandelaar", 3))

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
