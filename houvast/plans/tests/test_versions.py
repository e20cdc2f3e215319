from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ..models import PlanVersion
from .helpers import PlanTestCase


class VersionsTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.login(self.owner)

    def test_no_versions_yet(self):
        response = self.client.get(reverse("plans:versions", args=[self.plan.pk]))
        self.assertContains(response, "Er is nog geen versie vastgesteld.")

    def test_versions_are_listed_with_names_and_note(self):
        PlanVersion.objects.create(
            plan=self.plan, number=1, data={}, professional_name="Olga", patient_name="Piet", note="Start"
        )
        response = self.client.get(reverse("plans:versions", args=[self.plan.pk]))
        self.assertContains(response, "Versie 1")
        self.assertContains(response, "Olga · Piet")
        self.assertContains(response, "Start")
        self.assertContains(response, reverse("plans:compare", args=[self.plan.pk]))

    def make_versions(self, count):
        data = {"about": {"keep": "x" * 100}}
        PlanVersion.objects.bulk_create(
            PlanVersion(plan=self.plan, number=n, data=data, professional_name="Olga", patient_name="Piet")
            for n in range(1, count + 1)
        )

    def get_versions(self, **params):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse("plans:versions", args=[self.plan.pk]), params)
        self.assertEqual(response.status_code, 200)
        return response, queries

    def test_query_count_does_not_grow_with_the_number_of_versions(self):
        self.make_versions(1)
        self.get_versions()  # the first page after logging in also saves the session (once a minute)
        _response, one = self.get_versions()
        PlanVersion.objects.all().delete()
        self.make_versions(30)
        _response, thirty = self.get_versions()
        self.assertEqual(len(thirty), len(one))

    def test_the_contents_of_versions_are_not_read(self):
        self.make_versions(30)
        _response, queries = self.get_versions()
        version_queries = [q["sql"] for q in queries if 'FROM "plans_planversion"' in q["sql"]]
        self.assertTrue(version_queries)
        for sql in version_queries:
            self.assertNotIn('"plans_planversion"."data"', sql)

    def test_25_versions_per_page_newest_first(self):
        self.make_versions(30)
        response, _queries = self.get_versions()
        self.assertEqual([v["number"] for v in response.context["versions"]], list(range(30, 5, -1)))
        self.assertContains(response, "Pagina 1 van 2")
        url = reverse("plans:version", args=[self.plan.pk, 30])
        self.assertContains(response, f'<a href="{url}">Versie 30</a>', html=True)
        response, _queries = self.get_versions(pagina=2)
        self.assertEqual([v["number"] for v in response.context["versions"]], [5, 4, 3, 2, 1])
        self.assertContains(response, "Vorige")

    def test_any_two_versions_can_be_compared_by_number_without_a_menu_of_all_of_them(self):
        self.make_versions(30)
        for page in ("1", "2"):
            with self.subTest(page=page):
                response, _queries = self.get_versions(pagina=page)
                self.assertNotContains(response, '<select id="compare-')  # no menu of every version
                self.assertContains(
                    response,
                    '<input type="number" id="compare-old" name="van" value="30" min="1" max="30" '
                    'inputmode="numeric" aria-describedby="compare-old-help">',
                    html=True,
                )
                self.assertContains(
                    response,
                    '<input type="number" id="compare-new" name="naar" value="" min="1" max="30" '
                    'inputmode="numeric" aria-describedby="compare-new-help">',
                    html=True,
                )
                self.assertContains(response, "van 1 tot en met 30.")
                self.assertContains(response, "Laat dit leeg om te vergelijken met het plan zoals het nu is")

    def test_with_one_version_the_help_says_so(self):
        self.make_versions(1)
        response, _queries = self.get_versions()
        self.assertContains(response, "Er is één versie: versie 1.")

    def test_a_wrong_page_number_shows_a_page(self):
        self.make_versions(30)
        for value in ("abc", "0", "99"):
            with self.subTest(value):
                response, _queries = self.get_versions(pagina=value)
                self.assertTrue(response.context["versions"])

    def test_a_version_still_opens_with_its_contents(self):
        self.make_versions(2)
        response = self.client.get(reverse("plans:version", args=[self.plan.pk, 2]))
        self.assertContains(response, "x" * 100)
