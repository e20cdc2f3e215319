from django.urls import reverse

from ..models import AccessLog, PlanVersion
from .helpers import PlanTestCase


class AgreeTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:agree", args=[self.plan.pk])
        self.login(self.owner)
        self.post = {"professional_name": "Olga Eigenaar", "patient_name": "Piet Patiënt", "agreed": "on"}

    def test_form_is_prefilled_with_both_names(self):
        response = self.client.get(self.url)
        self.assertContains(response, 'value="Olga Eigenaar"')
        self.assertContains(response, 'value="Piet Patiënt"')

    def test_empty_elements_are_refused_kindly(self):
        self.fill({"about": {"keep": "Tuin"}, "understanding": {"normal": "Moe"}})
        response = self.client.post(self.url, self.post)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "kan nog niet worden vastgesteld", status_code=400)
        self.assertContains(response, "Netwerk en vervolgzorg", status_code=400)
        self.assertNotContains(
            response, f'<li><a href="/plannen/{self.plan.pk}/deel/understanding/', status_code=400
        )
        self.assertFalse(PlanVersion.objects.exists())

    def test_a_filled_plan_is_agreed_with_date_and_names(self):
        self.fill()
        response = self.client.post(self.url, self.post | {"note": "Eerste versie"})
        self.assertRedirects(response, reverse("plans:versions", args=[self.plan.pk]))
        version = PlanVersion.objects.get(plan=self.plan)
        self.assertEqual(version.number, 1)
        self.assertEqual((version.professional_name, version.patient_name), ("Olga Eigenaar", "Piet Patiënt"))
        self.assertEqual(version.data["about"]["keep"], "Mijn tuin")
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.VERSION, detail="1").exists())

    def test_versions_are_numbered_in_order(self):
        self.fill()
        self.client.post(self.url, self.post)
        self.client.post(self.url, self.post)
        self.assertEqual(list(self.plan.versions.values_list("number", flat=True)), [2, 1])

    def test_agreement_must_be_ticked(self):
        self.fill()
        response = self.client.post(self.url, self.post | {"agreed": ""})
        self.assertContains(response, "Vink dit aan", status_code=400)
        self.assertFalse(PlanVersion.objects.exists())

    def test_the_version_keeps_its_contents_when_the_plan_changes(self):
        self.fill()
        self.client.post(self.url, self.post)
        self.fill({"about": {"keep": "Iets anders"}})
        self.assertEqual(PlanVersion.objects.get().data["about"]["keep"], "Mijn tuin")
