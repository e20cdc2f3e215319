from django.urls import reverse

from ..models import AccessLog
from .patient_setup import SHARE_TOKEN, PatientPlanTestCase


class ShareRevokeTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:share_revoke", args=[self.plan.pk, self.share.pk])

    def test_only_the_patient_may_revoke(self):
        self.assert_access(self.url, allowed={"patient"}, method="post", status=302)

    def test_revoking_works_at_once_even_for_an_open_browser(self):
        self.as_naaste()
        shared = reverse("plans:shared", args=[SHARE_TOKEN])
        self.assertEqual(self.client.get(shared).status_code, 200)
        self.login(self.patient)
        self.client.post(self.url)
        self.share.refresh_from_db()
        self.assertIsNotNone(self.share.revoked)
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.SHARE_REVOKE).exists())
        self.as_naaste()
        response = self.client.get(shared)
        self.assertContains(response, "ingetrokken", status_code=410)

    def test_a_share_of_another_plan_is_404(self):
        from ..models import Plan

        other = Plan.objects.create(team=self.team, owner=self.owner, patient_name="X", patient=self.patient)
        self.login(self.patient)
        response = self.client.post(reverse("plans:share_revoke", args=[other.pk, self.share.pk]))
        self.assertEqual(response.status_code, 404)
