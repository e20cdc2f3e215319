import datetime

from django.test import RequestFactory

from ..dashboard import section
from ..models import Plan
from .helpers import PlanTestCase


class DashboardTestCase(PlanTestCase):
    def request_for(self, user):
        request = RequestFactory().get("/dashboard/")
        request.user = user
        return request

    def test_my_plans_and_overdue_reviews(self):
        self.plan.review_date = datetime.date(2020, 1, 1)
        self.plan.save()
        later = Plan.objects.create(
            team=self.team, owner=self.owner, patient_name="Later", review_date=datetime.date(2099, 1, 1)
        )
        result = section(self.request_for(self.owner))
        self.assertEqual(list(result["overdue"]), [self.plan])
        self.assertCountEqual(result["plans"], [self.plan, later])

    def test_other_teams_plans_are_not_shown(self):
        result = section(self.request_for(self.outsider))
        self.assertEqual(list(result["plans"]), [])

    def test_patients_get_their_own_section_without_overdue_list(self):
        result = section(self.request_for(self.patient))
        self.assertNotEqual(result["template"], "plans/_dashboard.html")
        self.assertNotIn("overdue", result)

    def test_the_dashboard_page_shows_the_overdue_plan(self):
        self.plan.review_date = datetime.date(2020, 1, 1)
        self.plan.save()
        self.login(self.owner)
        response = self.client.get("/dashboard/")
        self.assertContains(response, "Bespreking te laat")
        self.assertContains(response, "Piet Patiënt")

    def test_the_widget_reads_a_few_plans_however_many_there_are(self):
        Plan.objects.bulk_create(
            Plan(
                team=self.team, owner=self.owner, patient_name=f"P{n}", review_date=datetime.date(2020, 1, 1)
            )
            for n in range(30)
        )
        result = section(self.request_for(self.owner))
        with self.assertNumQueries(2):
            self.assertEqual(len(result["plans"]), 5)
            self.assertEqual(len(result["overdue"]), 10)
