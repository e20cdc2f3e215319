from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ..models import AccessLog, PlanVersion
from .helpers import FILLED, PlanTestCase
from .patient_setup import ESSENTIAL_PLAN


class BuilderTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("plans:builder", args=[self.plan.pk])
        self.login(self.owner)

    def test_an_empty_plan_names_all_seven_elements_gently(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Nog leeg: Gedeeld begrip van terugval, Kwetsbaarheid")
        self.assertContains(response, "Wil je hier samen naar kijken?")
        self.assertContains(response, "(nog leeg)", count=7)

    def test_filled_elements_are_no_longer_named(self):
        self.fill({"safety": FILLED["safety"], "network": FILLED["network"]})
        response = self.client.get(self.url)
        self.assertContains(response, "(nog leeg)", count=5)
        self.assertContains(response, "(ingevuld)", count=2)
        self.assertContains(response, "Sanne — zus — 06 12345678 — altijd")

    def test_a_full_plan_says_so(self):
        self.fill()
        self.assertContains(self.client.get(self.url), "Alle zeven onderdelen zijn ingevuld.")

    def test_crisis_numbers_are_always_there(self):
        response = self.client.get(self.url)
        self.assertContains(response, 'href="tel:08000113"')
        self.assertContains(response, "112 Alarmnummer")

    def test_every_look_is_logged(self):
        self.client.get(self.url)
        entry = self.plan.log.get(action=AccessLog.Action.VIEW)
        self.assertEqual((entry.actor, entry.on_behalf_of), (self.owner, "FACT-team Noord"))

    def test_owner_sees_owner_actions_colleague_does_not(self):
        self.assertContains(self.client.get(self.url), reverse("plans:delete", args=[self.plan.pk]))
        self.plan.colleagues.add(self.member)
        self.login(self.member)
        response = self.client.get(self.url)
        self.assertNotContains(response, reverse("plans:delete", args=[self.plan.pk]))
        self.assertContains(response, reverse("plans:agree", args=[self.plan.pk]))

    def test_who_changed_a_part_last_is_shown(self):
        self.login(self.patient)
        self.client.post(
            reverse("plans:part", args=[self.plan.pk, "about"]), {"version": "0", "keep": "Tuin"}
        )
        self.login(self.owner)
        self.assertContains(self.client.get(self.url), "Laatst aangepast door Piet Patiënt")
        response = self.client.get(reverse("plans:part", args=[self.plan.pk, "about"]))
        self.assertContains(response, "Laatst aangepast door Piet Patiënt")

    def test_the_builder_speaks_english_too(self):
        self.owner.language = "en"
        self.owner.save()
        self.client.cookies["django_language"] = "en"
        response = self.client.get(self.url)
        self.assertContains(response, "Still empty: Shared understanding of relapse")
        self.assertContains(response, "The seven essential parts")
        response = self.client.get(reverse("plans:part", args=[self.plan.pk, "phase_early"]))
        self.assertContains(response, "What I notice myself")
        self.assertContains(response, "Saved")

    def test_there_is_one_primary_next_step_and_the_rest_is_grouped(self):
        response = self.client.get(self.url)
        self.assertContains(response, "button--large", count=1)
        part = reverse("plans:part", args=[self.plan.pk, "phase_stable"])
        self.assertContains(response, f'class="button button--large" href="{part}"')
        self.assertContains(response, "<summary>Delen en afdrukken</summary>")
        self.assertContains(response, "<summary>Export voor het dossier</summary>")
        # Once the essentials are there, the next step is to agree the plan; the rest is optional.
        self.fill(ESSENTIAL_PLAN)
        response = self.client.get(self.url)
        agree = reverse("plans:agree", args=[self.plan.pk])
        self.assertContains(response, f'class="button button--large" href="{agree}"')

    def test_the_clinician_sees_the_patients_plain_name_next_to_each_part(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Kwetsbaarheid en beschermende factoren")
        self.assertContains(response, "De patiënt leest: Wat maakt het moeilijker? Wat helpt mij?")
        self.assertContains(response, "De patiënt leest: Fase 2 (geel): Het gaat minder goed")

    def test_after_bewaren_the_part_says_what_was_saved(self):
        response = self.client.get(self.url + "?bewaard=safety")
        self.assertContains(
            response, "Bewaard: alles wat je bij Afspraken over opschalen en veiligheid schreef"
        )
        self.assertNotContains(self.client.get(self.url + "?bewaard=<b>"), "Bewaard: alles")

    def test_a_review_date_in_the_past_gets_a_kind_warning(self):
        self.fill({"review": {"review_date": "2020-03-01"}})
        self.plan.review_date = __import__("datetime").date(2020, 3, 1)
        self.plan.save()
        self.assertContains(self.client.get(self.url), "(1 maart 2020) is al voorbij")
        response = self.client.get(reverse("plans:part", args=[self.plan.pk, "review"]))
        self.assertContains(response, "Deze dag is al voorbij. Kies een nieuwe dag")

    def test_it_starts_with_the_essentials_and_folds_the_rest_away(self):
        response = self.client.get(self.url)
        html = response.content.decode()
        essentials = ["phase_stable", "phase_early", "phase_worsening", "phase_crisis", "safety", "network"]
        positions = [html.index(f'id="part-{key}"') for key in essentials]
        self.assertEqual(positions, sorted(positions))
        folded = html.index('<details class="plan-optional">')
        self.assertGreater(folded, positions[-1])
        self.assertIn("<summary>Meer invullen (niet verplicht)</summary>", html)
        for key in ("about", "understanding", "vulnerability", "coping", "review"):
            self.assertGreater(html.index(f'id="part-{key}"'), folded)

    def test_the_optional_parts_stand_open_when_they_hold_text(self):
        self.fill({"about": {"keep": "Mijn tuin"}})
        response = self.client.get(self.url)
        self.assertContains(response, '<details class="plan-optional" open>')
        self.assertContains(response, "Mijn tuin")

    def test_the_patients_pages_have_the_crisis_part_one_tap_away(self):
        self.plan.patient_can_edit = True
        self.plan.save()
        crisis = reverse("plans:read", args=[self.plan.pk]) + "#crisis"
        self.assertNotContains(self.client.get(self.url), crisis)
        self.login(self.patient)
        for url in (
            self.url,
            reverse("plans:part", args=[self.plan.pk, "phase_early"]),
            reverse("plans:versions", args=[self.plan.pk]),
        ):
            with self.subTest(url):
                self.assertContains(
                    self.client.get(url), f'<a href="{crisis}">Crisis? Direct naar wat je nu doet</a>'
                )

    def test_the_patient_reads_plain_names_in_the_builder_too(self):
        self.login(self.patient)
        response = self.client.get(self.url)
        self.assertContains(response, "Verder met: Fase 1 (groen): Het gaat goed")
        self.assertContains(response, "Afspraken voor als het slecht gaat bewerken")
        self.assertNotContains(response, "Afspraken over opschalen en veiligheid bewerken")
        response = self.client.get(reverse("plans:part", args=[self.plan.pk, "phase_crisis"]))
        self.assertContains(response, "Bewaren en verder naar Afspraken voor als het slecht gaat")
        self.assertContains(response, "← Fase 3 (oranje): Het gaat slecht")


class BuilderQueriesTestCase(PlanTestCase):
    """The overview costs the same few queries for an empty plan and a full one with many versions."""

    def count_queries(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse("plans:builder", args=[self.plan.pk]))
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_count_does_not_grow_with_parts_or_versions(self):
        self.login(self.owner)
        self.count_queries()  # the first page after logging in also saves the session (once a minute)
        empty = self.count_queries()
        self.fill()
        PlanVersion.objects.bulk_create(
            PlanVersion(plan=self.plan, number=n, data=FILLED, professional_name="O", patient_name="P")
            for n in range(1, 31)
        )
        self.assertEqual(self.count_queries(), empty)

    def test_version_contents_are_not_read(self):
        self.login(self.owner)
        with CaptureQueriesContext(connection) as queries:
            self.client.get(reverse("plans:builder", args=[self.plan.pk]))
        for query in queries:
            self.assertNotIn('"plans_planversion"."data"', query["sql"])
