from django.urls import reverse

from ..models import AccessLog, Plan
from .helpers import PlanTestCase


class PlanCreateTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:create")

    def test_a_professional_makes_a_plan_in_their_team(self):
        self.login(self.member)
        response = self.client.post(
            self.url, {"team": self.team.pk, "patient_name": "Anna", "patient_email": "", "language": "nl"}
        )
        plan = Plan.objects.get(patient_name="Anna")
        self.assertRedirects(response, reverse("plans:builder", args=[plan.pk]))
        self.assertEqual((plan.owner, plan.team), (self.member, self.team))
        self.assertTrue(plan.log.filter(action=AccessLog.Action.CREATE, actor=self.member).exists())

    def test_not_in_someone_elses_team(self):
        self.login(self.member)
        response = self.client.post(
            self.url, {"team": self.other_team.pk, "patient_name": "Anna", "language": "nl"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Plan.objects.filter(patient_name="Anna").exists())

    def test_missing_name_and_bad_email_are_explained_and_kept(self):
        self.login(self.owner)
        response = self.client.post(
            self.url,
            {"team": self.team.pk, "patient_name": "", "patient_email": "anna-at-home", "language": "nl"},
        )
        self.assertContains(response, "Vul de naam van de patiënt in.")
        self.assertContains(response, "Dit lijkt geen e-mailadres")
        self.assertContains(response, 'value="anna-at-home"')

    def test_a_patient_cannot_make_plans(self):
        self.login(self.patient)
        self.assertEqual(self.client.get(self.url).status_code, 404)
