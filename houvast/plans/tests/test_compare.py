from django.urls import reverse

from ..diff import compare, compare_lines
from ..models import Plan, PlanVersion
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

    def test_an_empty_new_version_means_the_current_plan(self):
        self.fill({"about": {"keep": "Tuin en kat", "daily": "Sporten"}})
        response = self.client.get(self.url, {"van": "2", "naar": ""})
        self.assertContains(response, "Rechts: Nu (nog niet vastgesteld).")
        self.assertContains(response, "Sporten")

    def assert_refused(self, params, field, message):
        response = self.client.get(self.url, params)
        self.assertContains(response, message, count=2, status_code=400)  # in the summary and at the field
        self.assertContains(response, "Wat je typte, staat er nog.", status_code=400)
        self.assertContains(response, f'id="{field}"', status_code=400)
        self.assertContains(response, 'aria-invalid="true"', count=1, status_code=400)
        self.assertContains(response, f'{field}-help {field}-error"', status_code=400)
        self.assertNotContains(response, "toegevoegd,", status_code=400)
        return response

    def test_a_number_that_is_no_version_is_explained_and_kept(self):
        message = "Er is geen versie 7. Kies een nummer van 1 tot en met 2."
        response = self.assert_refused({"van": "7", "naar": "2"}, "compare-old", message)
        self.assertContains(response, 'name="van" value="7"', status_code=400)
        self.assertContains(response, 'name="naar" value="2"', status_code=400)

    def test_a_new_version_that_does_not_exist_is_explained(self):
        message = "Er is geen versie 3. Kies een nummer van 1 tot en met 2."
        self.assert_refused({"van": "1", "naar": "3"}, "compare-new", message)

    def test_what_is_not_a_number_is_explained(self):
        for value in ("x", "1.5", "-1", "٣"):
            with self.subTest(value):
                response = self.assert_refused(
                    {"van": value}, "compare-old", "Dit is geen nummer. Vul alleen cijfers in, zoals 3."
                )
                self.assertContains(response, f'value="{value}"', status_code=400)

    def test_a_missing_or_huge_old_version_is_explained(self):
        self.assert_refused({"naar": "2"}, "compare-old", "Vul het nummer van de oude versie in.")
        self.assert_refused(
            {"van": "9" * 30}, "compare-old", "Er is geen versie " + "9" * 30 + ". Kies een nummer"
        )

    def test_a_version_of_another_plan_is_not_shown(self):
        other = Plan.objects.create(team=self.team, owner=self.owner, patient_name="Ander")
        PlanVersion.objects.create(
            plan=other, number=3, data={"about": {"keep": "Geheim"}}, professional_name="O", patient_name="A"
        )
        response = self.assert_refused(
            {"van": "3"}, "compare-old", "Er is geen versie 3. Kies een nummer van 1 tot en met 2."
        )
        self.assertNotContains(response, "Geheim", status_code=400)

    def test_with_one_version_the_message_names_it(self):
        PlanVersion.objects.filter(number=2).delete()
        self.assert_refused({"van": "4"}, "compare-old", "Er is geen versie 4. Er is alleen versie 1.")

    def test_the_message_speaks_english_too(self):
        self.owner.language = "en"
        self.owner.save()
        self.client.cookies["django_language"] = "en"
        response = self.client.get(self.url, {"van": "7"})
        self.assertContains(
            response, "There is no version 7. Choose a number from 1 to 2.", count=2, status_code=400
        )

    def test_a_plan_without_versions_says_so(self):
        PlanVersion.objects.all().delete()
        response = self.client.get(self.url, {"van": "1"})
        self.assertContains(response, "Er is nog geen versie vastgesteld.", count=2, status_code=400)
        self.assertContains(response, 'aria-describedby=" compare-old-error"', status_code=400)


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
