from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from ..models import AccessLog, PlanShare
from .patient_setup import SHARE_CODE, SHARE_TOKEN, PatientPlanTestCase


class SharedPlanTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:shared", args=[SHARE_TOKEN])

    def test_the_code_opens_the_plan_read_only(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Toegangscode")
        self.assertNotContains(response, "Ik slaap minder")
        response = self.client.post(self.url, {"code": SHARE_CODE.lower().replace("-", " ")})
        self.assertRedirects(response, self.url)
        response = self.client.get(self.url)
        self.assertContains(response, "Ik slaap minder")
        self.assertContains(response, 'id="crisis"')
        self.assertNotContains(response, reverse("plans:builder", args=[self.plan.pk]))
        self.share.refresh_from_db()
        self.assertIsNotNone(self.share.last_used)
        self.assertTrue(
            self.plan.log.filter(action=AccessLog.Action.SHARE_VIEW, actor_label="Mijn zus").exists()
        )

    def test_five_wrong_codes_lock_the_link(self):
        for attempt in range(1, 5):
            response = self.client.post(self.url, {"code": "FOUT-FOUT"})
            self.assertContains(response, f"nog {5 - attempt} keer")
        response = self.client.post(self.url, {"code": "FOUT-FOUT"})
        self.assertContains(response, "geblokkeerd", status_code=403)
        response = self.client.post(self.url, {"code": SHARE_CODE})
        self.assertEqual(response.status_code, 410)
        self.assertEqual(self.plan.log.filter(action=AccessLog.Action.SHARE_FAILED).count(), 5)

    def test_an_expired_link_says_so_kindly(self):
        PlanShare.objects.filter(pk=self.share.pk).update(expires=timezone.localdate() - timedelta(days=1))
        response = self.client.get(self.url)
        self.assertContains(response, "verlopen", status_code=410)

    def test_an_unknown_link_is_404_with_a_kind_page(self):
        response = self.client.get(reverse("plans:shared", args=["bestaat-niet"]))
        self.assertContains(response, "Deze link werkt niet", status_code=404)

    def test_the_code_of_one_link_does_not_open_another(self):
        self.as_naaste()
        self.share.pk = None
        self.share.token_hash = "x" * 64
        self.share.save()
        from houvast.accounts.tokens import hash_token

        PlanShare.objects.filter(pk=self.share.pk).update(token_hash=hash_token("tweede-link"))
        response = self.client.get(reverse("plans:shared", args=["tweede-link"]))
        self.assertContains(response, "Toegangscode")
        self.assertNotContains(response, "Ik slaap minder")
