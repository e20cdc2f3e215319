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

    def test_own_shared_and_patient_plans_are_one_list_in_order_across_pages(self):
        """The list merges three kinds of plan (listing.py): one order over all of them, no plan twice."""
        start = timezone.now()
        expected = []
        for n in range(40):
            kind = n % 4
            if kind == 0:  # shared by a colleague, now and then also with the owner of the plan itself
                plan = Plan.objects.create(team=self.team, owner=self.member, patient_name=f"Gedeeld {n}")
                plan.colleagues.add(self.owner, self.member)
            elif kind == 1:  # the clinician is the patient of this plan in another team
                plan = Plan.objects.create(
                    team=self.other_team, owner=self.outsider, patient=self.owner, patient_name=f"Zelf {n}"
                )
            elif kind == 2:  # own plan, and also shared with themselves and with them as patient
                plan = Plan.objects.create(
                    team=self.team, owner=self.owner, patient=self.owner, patient_name=f"Dubbel {n}"
                )
                plan.colleagues.add(self.owner)
            else:
                plan = Plan.objects.create(team=self.team, owner=self.owner, patient_name=f"Eigen {n}")
            Plan.objects.filter(pk=plan.pk).update(updated=start - datetime.timedelta(minutes=(n * 7) % 40))
            expected.append(
                (start - datetime.timedelta(minutes=(n * 7) % 40), str(plan.pk), plan.patient_name)
            )
        Plan.objects.create(team=self.team, owner=self.member, patient_name="Niet gedeeld")
        expected.append((self.plan.updated, str(self.plan.pk), self.plan.patient_name))
        expected.sort(key=lambda row: (-row[0].timestamp(), row[1]))
        self.login(self.owner)
        seen = []
        for page in (1, 2):
            response = self.client.get(reverse("plans:list"), {"pagina": page})
            self.assertEqual(response.context["page"].paginator.count, 41)
            seen += [plan.patient_name for plan in response.context["plans"]]
        self.assertEqual(seen, [name for _updated, _pk, name in expected])
        response = self.client.get(reverse("plans:list"), {"zoek": "dubbel", "pagina": 1})
        self.assertEqual(len(response.context["plans"]), 10)
        self.assertEqual(response.context["page"].paginator.count, 10)

    def test_every_person_lists_exactly_the_plans_they_may_open(self):
        """The list's own SQL (permissions.plan_kinds_sql) against the rule everything else uses."""
        from houvast.accounts.models import Membership

        from ..permissions import plans_for_user

        shared = Plan.objects.create(team=self.team, owner=self.owner, patient_name="Gedeeld met Mo")
        shared.colleagues.add(self.member)
        other = {"team": self.other_team, "owner": self.outsider}
        elsewhere = Plan.objects.create(**other, patient_name="Bas zijn plan")
        elsewhere.colleagues.add(self.member)  # shared, but Mo is not in that team
        Plan.objects.create(**other, patient=self.patient, patient_name="Piet 2")
        left = Plan.objects.create(team=self.team, owner=self.member, patient_name="Van Mo")
        for user in (self.owner, self.member, self.outsider, self.patient):
            with self.subTest(user.email):
                self.login(user)
                listed = [plan.pk for page in (1, 2) for plan in self.listed(page)]
                self.assertEqual(sorted(listed), sorted(plans_for_user(user).values_list("pk", flat=True)))
        Membership.objects.filter(user=self.member, team=self.team).delete()  # Mo leaves the team
        self.login(self.member)
        self.assertEqual(self.listed(1), [])
        self.assertNotIn(left, plans_for_user(self.member))

    def listed(self, page):
        response = self.client.get(reverse("plans:list"), {"pagina": page})
        if response.context["page"].number != page:
            return []
        return list(response.context["plans"])
