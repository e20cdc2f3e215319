from django.urls import reverse

from ..models import AccessLog
from .patient_setup import PatientPlanTestCase


class PlanReadTests(PatientPlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:read", args=[self.plan.pk])

    def test_access(self):
        self.assert_access(self.url, allowed={"owner", "colleague", "patient"})

    def test_the_crisis_part_is_one_tap_away(self):
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, 'class="crisis-button" href="#crisis"')
        self.assertContains(response, 'id="crisis"')
        self.assertContains(response, "Ik bel de crisisdienst")
        self.assertContains(response, 'href="tel:0612345678"')
        self.assertContains(response, "0800-0113")

    def test_it_shows_the_plan_and_logs_the_view(self):
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, "Ik slaap minder")
        self.assertContains(response, "Mijn tuin en mijn hond")
        self.assertTrue(self.plan.log.filter(action=AccessLog.Action.PHONE, actor=self.patient).exists())

    def test_the_patients_page_is_self_contained_and_kept_on_their_device(self):
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertEqual(response["Cache-Control"], "private, no-cache")
        self.assertEqual(response["X-Houvast-Offline"], "yes")
        self.assertContains(response, 'data-worker="/plannen/offline.js"')
        self.assertContains(response, 'id="offline-note"')
        self.assertNotContains(response, "hx-get")

    def test_a_professionals_view_is_not_kept_for_offline_use(self):
        self.login(self.owner)
        response = self.client.get(self.url)
        self.assertNotIn("X-Houvast-Offline", response)
        self.assertNotContains(response, "offline.js")

    def test_html_in_the_plan_is_escaped(self):
        section = self.plan.sections.get(key="about")
        section.data = {"keep": "<script>alert(1)</script>"}
        section.save()
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
        self.assertNotContains(response, "<script>alert(1)")

    def test_it_is_rendered_in_the_plan_language(self):
        self.plan.language = "en"
        self.plan.save()
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, '<html lang="en">')

    def test_only_the_patient_gets_sharing_and_editing_follows_the_setting(self):
        shares = reverse("plans:shares", args=[self.plan.pk])
        builder = reverse("plans:builder", args=[self.plan.pk])
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, f'href="{shares}"')
        self.assertContains(response, f'href="{builder}"')
        self.plan.patient_can_edit = False
        self.plan.save()
        self.assertNotContains(self.client.get(self.url), f'href="{builder}"')
        self.login(self.member)
        self.assertNotContains(self.client.get(self.url), f'href="{shares}"')
