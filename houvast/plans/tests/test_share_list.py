from datetime import timedelta

from django.contrib.auth.hashers import check_password
from django.urls import reverse
from django.utils import timezone

from ..models import AccessLog, PlanShare
from .patient_setup import PatientPlanTestCase


class ShareListTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:shares", args=[self.plan.pk])

    def test_only_the_patient_may_share(self):
        self.assert_access(self.url, allowed={"patient"})

    def test_a_new_link_shows_the_code_once_and_stores_only_hashes(self):
        self.login(self.patient)
        expires = timezone.localdate() + timedelta(days=10)
        response = self.client.post(self.url, {"label": "Huisarts", "expires": expires.isoformat()})
        share = PlanShare.objects.get(label="Huisarts")
        code = response.context["new_share"]["code"]
        url = response.context["new_share"]["url"]
        self.assertContains(response, code)
        self.assertContains(response, url)
        self.assertTrue(check_password(code.replace("-", ""), share.code_hash))
        self.assertNotIn(url.rstrip("/").rsplit("/", 1)[-1], share.token_hash)
        self.assertEqual(share.expires, expires)
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.SHARE_CREATE).exists())
        again = self.client.get(self.url)
        self.assertNotContains(again, code)

    def test_a_date_in_the_past_is_refused_kindly_and_the_label_is_kept(self):
        self.login(self.patient)
        yesterday = timezone.localdate() - timedelta(days=1)
        response = self.client.post(self.url, {"label": "Oom <b>Kees</b>", "expires": yesterday.isoformat()})
        self.assertContains(response, "Deze dag is al voorbij")
        self.assertContains(response, "Oom &lt;b&gt;Kees&lt;/b&gt;")
        self.assertFalse(PlanShare.objects.filter(label__startswith="Oom").exists())

    def test_the_list_shows_when_a_link_was_last_used(self):
        PlanShare.objects.filter(pk=self.share.pk).update(last_used=timezone.now())
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, "Mijn zus")
        self.assertNotContains(response, "Nog niet")
