import json

from django.urls import reverse

from ..models import AccessLog
from .patient_setup import PatientPlanTestCase


class MyDataTests(PatientPlanTestCase):
    def test_the_patient_downloads_everything(self):
        self.login(self.patient)
        self.client.get(reverse("plans:read", args=[self.plan.pk]))
        response = self.client.get(reverse("plans:my_data"))
        self.assertIn("attachment", response["Content-Disposition"])
        data = json.loads(response.content)
        self.assertEqual(data["account"]["email"], "patient@example.org")
        (plan,) = data["plans"]
        self.assertEqual(plan["contents"]["about"]["keep"], "Mijn tuin en mijn hond")
        self.assertEqual(plan["shares"][0]["for"], "Mijn zus")
        self.assertNotIn("code_hash", json.dumps(data))
        self.assertIn("phone", [e["action"] for e in plan["access_log"]])
        self.assertIn(str(AccessLog.Action.PHONE.label), [e["action_in_words"] for e in plan["access_log"]])
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.EXPORT).exists())

    def test_a_professional_gets_no_patients_data(self):
        self.login(self.owner)
        data = json.loads(self.client.get(reverse("plans:my_data")).content)
        self.assertEqual(data["plans"], [])

    def test_anonymous_is_sent_to_login(self):
        self.assertEqual(self.client.get(reverse("plans:my_data")).status_code, 302)
