from django.urls import reverse

from .patient_setup import PatientPlanTestCase


class PatientDashboardTests(PatientPlanTestCase):
    def test_the_patient_finds_their_plan_and_the_crisis_part(self):
        self.login(self.patient)
        response = self.client.get(reverse("dashboard"))
        read = reverse("plans:read", args=[self.plan.pk])
        self.assertContains(response, f'href="{read}"')
        self.assertContains(response, f'href="{read}#crisis"')

    def test_professionals_do_not_get_the_patient_card(self):
        self.login(self.owner)
        response = self.client.get(reverse("dashboard"))
        self.assertNotContains(response, "Mijn plan lezen")
