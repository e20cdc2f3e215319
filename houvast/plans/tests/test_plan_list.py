import datetime

from django.urls import reverse

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
