from django.urls import reverse

from ..models import AccessLog, Plan, PlanSection, PlanVersion
from .helpers import PlanTestCase


class DeleteTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:delete", args=[self.plan.pk])
        self.login(self.owner)
        self.fill()
        PlanVersion.objects.create(plan=self.plan, number=1, data={}, professional_name="O", patient_name="P")

    def test_deleting_needs_a_tick(self):
        response = self.client.post(self.url, {})
        self.assertContains(response, "Vink dit aan")
        self.assertTrue(Plan.objects.filter(pk=self.plan.pk).exists())

    def test_the_plan_goes_with_its_history(self):
        self.client.get(reverse("plans:builder", args=[self.plan.pk]))
        response = self.client.post(self.url, {"confirm": "on"})
        self.assertRedirects(response, reverse("plans:list"))
        self.assertFalse(Plan.objects.filter(pk=self.plan.pk).exists())
        self.assertFalse(PlanSection.objects.exists())
        self.assertFalse(PlanVersion.objects.exists())
        self.assertFalse(AccessLog.objects.exists())

    def test_a_colleague_with_access_cannot_delete(self):
        self.plan.colleagues.add(self.member)
        self.login(self.member)
        self.assertEqual(self.client.post(self.url, {"confirm": "on"}).status_code, 404)
        self.assertTrue(Plan.objects.filter(pk=self.plan.pk).exists())
