from django.urls import reverse

from ..diff import compare, compare_lines
from ..models import PlanVersion
from .helpers import PlanTestCase


class CompareViewTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.login(self.owner)
        old = {
            "about": {"keep": "Tuin", "goals": "Werken"},
            "phase_early": {"my_actions": "Rust plannen\nBroer bellen"},
        }
        new = {
            "about": {"keep": "Tuin en kat", "green": "Ik maak grapjes"},
            "phase_early": {"my_actions": "Rust plannen\nZus bellen\nWandelen"},
        }
        for number, data in ((1, old), (2, new)):
            PlanVersion.objects.create(
                plan=self.plan, number=number, data=data, professional_name="O", patient_name="P"
            )
        self.url = reverse("plans:compare", args=[self.plan.pk])

    def test_side_by_side_shows_added_changed_and_removed(self):
        response = self.client.get(self.url, {"van": "1", "naar": "2"})
        self.assertContains(response, "Versie 1 van")
        self.assertContains(response, "Versie 2 van")
        self.assertContains(response, "1 toegevoegd, 2 veranderd, 1 weggehaald.")
        self.assertContains(response, "Tuin en kat")
        self.assertContains(response, "Zus bellen")
        self.assertContains(response, "Ik maak grapjes")

    def test_compare_with_the_current_plan(self):
        self.fill({"about": {"keep": "Tuin en kat", "green": "Ik maak grapjes", "daily": "Sporten"}})
        response = self.client.get(self.url, {"van": "2", "naar": "nu"})
        self.assertContains(response, "Nu (nog niet vastgesteld)")
        self.assertContains(response, "Sporten")

    def test_same_versions_show_no_changes(self):
        response = self.client.get(self.url, {"van": "1", "naar": "1"})
        self.assertContains(response, "Er is niets veranderd")

    def test_unknown_version_gets_404(self):
        self.assertEqual(self.client.get(self.url, {"van": "7", "naar": "nu"}).status_code, 404)
        self.assertEqual(self.client.get(self.url, {"van": "x"}).status_code, 404)


class DiffTestCase(PlanTestCase):
    def test_lines_are_matched_side_by_side(self):
        rows = compare_lines(["a", "b", "c"], ["a", "x", "c", "d"])
        self.assertEqual(
            rows, [("same", "a", "a"), ("changed", "b", "x"), ("same", "c", "c"), ("added", "", "d")]
        )

    def test_removed_lines(self):
        self.assertEqual(compare_lines(["a", "b"], ["a"]), [("same", "a", "a"), ("removed", "b", "")])

    def test_fields_report_their_status(self):
        changes = compare({"about": {"keep": "Tuin"}}, {"about": {"goals": "Werken"}})
        self.assertEqual(
            [(c["field"].key, c["status"]) for c in changes], [("keep", "removed"), ("goals", "added")]
        )

    def test_people_and_approaches_are_compared_as_lines(self):
        old = {"network": {"people": [{"name": "Sanne", "phone": "06 1"}]}, "coping": {"approaches": ["cgt"]}}
        new = {
            "network": {"people": [{"name": "Sanne", "phone": "06 2"}]},
            "coping": {"approaches": ["cgt", "act"]},
        }
        changes = {c["field"].key: c for c in compare(old, new)}
        self.assertEqual(changes["people"]["status"], "changed")
        self.assertEqual(changes["approaches"]["rows"][-1][0], "added")
