from django.urls import reverse
from django.utils import translation

from ..models import AccessLog
from .patient_setup import SHARE_TOKEN, PatientPlanTestCase


class PlanLogTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:log", args=[self.plan.pk])

    def test_access(self):
        self.assert_access(self.url, allowed={"owner", "colleague", "patient"})

    def test_the_patient_sees_who_looked_including_a_naaste(self):
        self.login(self.member)
        self.client.get(reverse("plans:read", args=[self.plan.pk]))
        self.as_naaste()
        self.client.get(reverse("plans:shared", args=[SHARE_TOKEN]))
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, "Mo Lid")
        self.assertContains(response, "FACT-team Noord")
        self.assertContains(response, "bekeken via deellink")
        self.assertContains(response, "Mijn zus")

    def test_looking_at_the_log_is_logged_too(self):
        self.login(self.patient)
        self.client.get(self.url)
        self.assertEqual(self.plan.log.filter(action=AccessLog.Action.LOG_VIEW).count(), 1)

    def test_a_language_change_reads_as_words_in_the_readers_language(self):
        self.login(self.patient)
        self.client.post(reverse("plans:set_language", args=[self.plan.pk]), {"language": "en"})
        response = self.client.get(self.url)
        self.assertContains(response, "instellingen aangepast: taal: English")
        self.assertNotContains(response, "language=")
        entry = self.plan.log.get(action=AccessLog.Action.SETTINGS)
        with translation.override("en"):
            self.assertEqual(entry.detail_display(), "language: English")

    def test_a_part_is_stored_by_its_key_and_read_in_the_readers_language(self):
        self.plan.language = "en"
        self.plan.save()
        self.login(self.owner)
        self.client.get(reverse("plans:part", args=[self.plan.pk, "phase_early"]))
        entry = self.plan.log.get(action=AccessLog.Action.VIEW)
        self.assertEqual(entry.detail, "part=phase_early")
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, "Fase 2 (geel): Het gaat minder goed")
        self.assertNotContains(response, "Early warning signs")
        with translation.override("en"):
            self.assertEqual(entry.detail_display(), "Phase 2 (yellow): Things are going less well")
