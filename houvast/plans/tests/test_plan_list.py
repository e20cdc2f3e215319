import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ..models import Plan
from .helpers import PlanTestCase


class PlanListTestCase(PlanTestCase):
    def test_owner_sees_own_plans_only(self):
        Plan.objects.create(team=self.other_team, owner=self.outsider, patient_name="Iemand Anders")
        self.login(self.owner)
        response = self.client.get(reverse("plans:list"))
        self.assertContains(response, "Piet Patiënt")
        self.assertNotContains(response, "Iemand Anders")
        self.assertContains(response, reverse("plans:create"))

    def test_colleague_sees_a_plan_only_with_access(self):
        self.login(self.member)
        self.assertNotContains(self.client.get(reverse("plans:list")), "Piet Patiënt")
        self.plan.colleagues.add(self.member)
        self.assertContains(self.client.get(reverse("plans:list")), "Piet Patiënt")

    def test_overdue_review_is_marked_in_words(self):
        self.plan.review_date = datetime.date(2020, 1, 1)
        self.plan.save()
        self.login(self.owner)
        self.assertContains(self.client.get(reverse("plans:list")), "te laat")

    def test_anonymous_is_sent_to_login(self):
        self.assertEqual(self.client.get(reverse("plans:list")).status_code, 302)


class PlanListPagesTestCase(PlanTestCase):
    def make_plans(self, count, owner=None, team=None, prefix="Patiënt"):
        owner, team = owner or self.owner, team or self.team
        for n in range(count):
            Plan.objects.create(team=team, owner=owner, patient_name=f"{prefix} {n:03}")

    def queries_for_list(self, **params):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse("plans:list"), params)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_count_does_not_grow_with_the_number_of_plans(self):
        self.login(self.owner)
        self.queries_for_list()  # the first page after logging in also saves the session (once a minute)
        one = self.queries_for_list()
        self.make_plans(30)
        self.assertEqual(self.queries_for_list(), one)
        self.assertEqual(self.queries_for_list(zoek="patiënt", pagina=2), one)

    def test_it_shows_25_plans_per_page_last_changed_first(self):
        self.make_plans(30)
        newest = Plan.objects.get(patient_name="Patiënt 007")
        Plan.objects.filter(pk=newest.pk).update(updated=timezone.now() + datetime.timedelta(days=1))
        self.login(self.owner)
        response = self.client.get(reverse("plans:list"))
        plans = list(response.context["plans"])
        self.assertEqual(len(plans), 25)
        self.assertEqual(plans[0], newest)
        self.assertContains(response, "Pagina 1 van 2")
        self.assertContains(response, 'href="?pagina=2" rel="next"')
        self.assertContains(response, "Volgende")
        self.assertNotContains(response, 'rel="prev"')

    def test_the_last_page_holds_the_rest(self):
        self.make_plans(30)
        self.login(self.owner)
        response = self.client.get(reverse("plans:list"), {"pagina": 2})
        self.assertEqual(len(response.context["plans"]), 6)
        self.assertContains(response, "Pagina 2 van 2")
        self.assertContains(response, "Vorige")

    def test_a_page_number_that_is_not_there_gives_a_page_not_an_error(self):
        self.make_plans(30)
        self.login(self.owner)
        for value in ("999", "nul", "-1", ""):
            with self.subTest(value):
                response = self.client.get(reverse("plans:list"), {"pagina": value})
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.context["plans"])

    def test_search_finds_by_part_of_the_name_without_caring_for_case_or_accents(self):
        Plan.objects.create(team=self.team, owner=self.owner, patient_name="Ayşe Öztürk")
        self.login(self.owner)
        for query in ("öztürk", "OZTURK", "ayse oz", "patient piet"):
            with self.subTest(query):
                response = self.client.get(reverse("plans:list"), {"zoek": query})
                names = [plan.patient_name for plan in response.context["plans"]]
                expected = ["Piet Patiënt"] if "piet" in query else ["Ayşe Öztürk"]
                self.assertEqual(names, expected)

    def test_search_keeps_its_words_on_the_next_page(self):
        self.make_plans(30)
        self.login(self.owner)
        response = self.client.get(reverse("plans:list"), {"zoek": "patiënt 0"})
        self.assertContains(response, "30 plannen gevonden")
        self.assertContains(response, 'href="?zoek=pati%C3%ABnt%200&amp;pagina=2"')
        self.assertContains(response, 'value="patiënt 0"')

    def test_search_without_result_says_so_kindly(self):
        self.login(self.owner)
        response = self.client.get(reverse("plans:list"), {"zoek": "Niemand"})
        self.assertContains(response, "Geen plan gevonden met deze naam.")
        self.assertContains(response, '<label for="plan-search">')

    def test_search_never_finds_another_clinicians_plans(self):
        """The attack: an outsider searches for a name they know is in another team."""
        self.make_plans(3, owner=self.outsider, team=self.other_team, prefix="Geheim")
        self.login(self.owner)
        response = self.client.get(reverse("plans:list"), {"zoek": "geheim"})
        self.assertEqual(list(response.context["plans"]), [])
        self.assertNotContains(response, "Geheim 0")
        self.login(self.outsider)
        response = self.client.get(reverse("plans:list"), {"zoek": "piet"})
        self.assertEqual(list(response.context["plans"]), [])
        self.assertEqual(response.context["page"].paginator.count, 0)

    def test_a_team_member_without_access_does_not_find_the_plan_by_search(self):
        self.login(self.member)
        response = self.client.get(reverse("plans:list"), {"zoek": "piet"})
        self.assertEqual(list(response.context["plans"]), [])

    def test_wildcards_in_the_search_are_plain_characters(self):
        self.login(self.owner)
        for query in ("%", "_", "%%", "\\"):
            with self.subTest(query):
                response = self.client.get(reverse("plans:list"), {"zoek": query})
                self.assertEqual(list(response.context["plans"]), [])

    def test_a_plan_shared_with_a_colleague_is_listed_once(self):
        self.plan.colleagues.add(self.member, self.owner)
        self.login(self.owner)
        response = self.client.get(reverse("plans:list"))
        self.assertEqual(list(response.context["plans"]), [self.plan])
