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

    def test_it_asks_how_it_goes_now_and_shows_four_bands_named_in_words(self):
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, "Hoe gaat het nu?")
        for anchor in ("#fase-stable", "#fase-early", "#fase-worsening", "#crisis"):
            self.assertContains(response, f'href="{anchor}"')
        self.assertContains(response, "Fase 2, geel")
        self.assertContains(response, "Fase 2 (geel): Het gaat minder goed")
        # Phase 3 is empty and still keeps its own number.
        self.assertContains(response, "Fase 3 (oranje): Het gaat slecht")
        self.assertContains(response, "Fase 4 (rood): Crisis: ik heb nu hulp nodig")

    def test_the_patient_reads_plain_names_and_only_filled_fields(self):
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, "Wat maakt het moeilijker? Wat helpt mij?")
        self.assertNotContains(response, "Kwetsbaarheid en beschermende factoren")
        self.assertNotContains(response, "Beginnende ontregeling")
        self.assertNotContains(response, "Gedrag · wat merk ik zelf")
        self.assertContains(response, "Wat ik wil behouden")
        self.assertContains(response, "Mijn doelen en waarden")
        self.assertNotContains(response, "Zo ben ik als het goed gaat")  # not filled

    def test_the_crisis_band_has_the_patients_own_huisartsenpost(self):
        section = self.plan.sections.get(key="safety")
        section.data = {**section.data, "gp_post": "0900 1234567"}
        section.save()
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, 'href="tel:09001234567"')
        self.assertNotContains(response, "staat nog niet in je plan")
