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
