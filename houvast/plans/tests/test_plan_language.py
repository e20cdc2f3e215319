from django.urls import reverse

from ..models import AccessLog
from .patient_setup import PatientPlanTestCase


class PlanLanguageTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:set_language", args=[self.plan.pk])

    def test_access(self):
        self.assert_access(self.url, allowed={"owner", "colleague", "patient"}, method="post", status=302)

    def test_the_patient_switches_the_plan_to_english(self):
        self.login(self.patient)
        response = self.client.post(self.url, {"language": "en"})
        self.assertRedirects(
            response, reverse("plans:read", args=[self.plan.pk]), fetch_redirect_response=False
        )
        self.plan.refresh_from_db()
        self.assertEqual(self.plan.language, "en")
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.SETTINGS).exists())

    def test_an_unknown_language_changes_nothing(self):
        self.login(self.patient)
        self.client.post(self.url, {"language": "xx"})
        self.plan.refresh_from_db()
        self.assertEqual(self.plan.language, "nl")
