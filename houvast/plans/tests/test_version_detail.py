from django.urls import reverse

from ..models import AccessLog, PlanVersion
from .helpers import PlanTestCase


class VersionDetailTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.login(self.owner)
        PlanVersion.objects.create(
            plan=self.plan,
            number=1,
            data={"about": {"keep": "Oude tuin"}},
            professional_name="Olga",
            patient_name="Piet",
        )

    def test_an_earlier_version_stays_readable(self):
        self.fill({"about": {"keep": "Nieuwe tuin"}})
        response = self.client.get(reverse("plans:version", args=[self.plan.pk, 1]))
        self.assertContains(response, "Oude tuin")
        self.assertNotContains(response, "Nieuwe tuin")
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.VERSION_VIEW).exists())

    def test_unknown_version_gets_404(self):
        self.assertEqual(self.client.get(reverse("plans:version", args=[self.plan.pk, 9])).status_code, 404)
