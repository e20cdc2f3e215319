from django.urls import reverse

from .patient_setup import PatientPlanTestCase


class MyPlansTests(PatientPlanTestCase):
    def test_the_patient_sees_their_plan(self):
        self.login(self.patient)
        response = self.client.get(reverse("plans:my_plans"))
        self.assertContains(response, reverse("plans:read", args=[self.plan.pk]))

    def test_others_see_no_plans_here(self):
        for user in (self.owner, self.outsider):
            self.login(user)
            response = self.client.get(reverse("plans:my_plans"))
            self.assertNotContains(response, reverse("plans:read", args=[self.plan.pk]))

    def test_anonymous_is_sent_to_login(self):
        response = self.client.get(reverse("plans:my_plans"))
        self.assertEqual(response.status_code, 302)
