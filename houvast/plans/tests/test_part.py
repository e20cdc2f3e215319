from django.urls import reverse

from ..guidance import sections
from ..models import AccessLog, Plan, PlanSection
from .helpers import PlanTestCase

AJAX = {"HTTP_X_REQUESTED_WITH": "fetch"}


class PartTestCase(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.login(self.owner)

    def url(self, key="about"):
        return reverse("plans:part", args=[self.plan.pk, key])

    def test_every_part_renders_with_guidance_and_example(self):
        for section in sections():
            with self.subTest(part=section.key):
                response = self.client.get(self.url(section.key))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, str(section.intro))
        response = self.client.get(self.url("phase_early"))
        self.assertContains(response, "Wat merk ik zelf")
        self.assertContains(response, "Wat merken anderen")
        self.assertContains(response, "Wat mijn naasten kunnen doen")
        self.assertContains(response, "Ik merk dat ik minder slaap en afspraken afzeg.")

    def test_safety_part_shows_the_crisis_numbers(self):
        response = self.client.get(self.url("safety"))
        self.assertContains(response, "0800-0113")
        self.assertContains(response, "Huisartsenpost")
        self.assertContains(response, "112")

    def test_coping_part_offers_approaches_and_cards(self):
        response = self.client.get(self.url("coping"))
        self.assertContains(response, 'value="schematherapie"')
        self.assertContains(response, 'name="cards"')

    def test_a_save_stores_the_text_and_raises_the_version(self):
        response = self.client.post(self.url(), {"version": "0", "keep": "Mijn tuin", "daily": "Wandelen"})
        self.assertRedirects(
            response, reverse("plans:builder", args=[self.plan.pk]) + "?bewaard=about#part-about"
        )
        row = PlanSection.objects.get(plan=self.plan, key="about")
        self.assertEqual(row.data["keep"], "Mijn tuin")
        self.assertEqual(row.version, 1)
        self.assertEqual(row.updated_by, self.owner)

    def test_autosave_answers_json_with_the_new_version(self):
        response = self.client.post(self.url(), {"version": "0", "keep": "Tuin"}, **AJAX)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["version"], 1)
        response = self.client.post(self.url(), {"version": "1", "keep": "Tuin en kat"}, **AJAX)
        self.assertEqual(response.json()["version"], 2)

    def test_save_and_next_goes_to_the_following_part(self):
        response = self.client.post(self.url(), {"version": "0", "keep": "Tuin", "next": "1"})
        self.assertRedirects(response, self.url("understanding"))

    def test_approaches_and_cards_keep_only_known_keys(self):
        from houvast.plans.content import card_choices

        slug = card_choices()[0][0]
        self.client.post(
            self.url("coping"),
            {"version": "0", "approaches": ["cgt", "onbekend"], "cards": [slug, "geen-kaart"]},
        )
        data = PlanSection.objects.get(plan=self.plan, key="coping").data
        self.assertEqual(data["approaches"], ["cgt"])
        self.assertEqual(data["cards"], [slug])

    def test_too_long_text_is_refused_and_kept(self):
        text = "a" * 20000
        response = self.client.post(self.url(), {"version": "0", "keep": text, "goals": "Werken"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Deze tekst is te lang", status_code=400)
        self.assertContains(response, text, status_code=400)
        self.assertContains(response, "Werken", status_code=400)
        self.assertFalse(PlanSection.objects.filter(plan=self.plan, key="about").exists())

    def test_too_long_text_by_autosave_answers_400_with_the_field(self):
        response = self.client.post(self.url(), {"version": "0", "keep": "a" * 20000}, **AJAX)
        self.assertEqual(response.status_code, 400)
        self.assertIn("keep", response.json()["errors"])

    def test_a_wrong_phone_number_is_refused_and_kept(self):
        post = {"version": "0", "people-0-name": "Sanne", "people-0-phone": "bel me maar"}
        response = self.client.post(self.url("network"), post)
        self.assertContains(response, "Dit lijkt geen telefoonnummer", status_code=400)
        self.assertContains(response, 'value="bel me maar"', status_code=400)
        self.assertFalse(PlanSection.objects.filter(plan=self.plan, key="network").exists())

    def test_good_phone_numbers_are_stored(self):
        post = {"version": "0", "people-0-name": "Sanne", "people-0-phone": "+31 6 1234 5678"}
        post |= {"people-1-name": "HAP", "people-1-phone": "0800-0113"}
        response = self.client.post(self.url("network"), post)
        self.assertEqual(response.status_code, 302)
        people = PlanSection.objects.get(plan=self.plan, key="network").data["people"]
        self.assertEqual([p["phone"] for p in people], ["+31 6 1234 5678", "0800-0113"])

    def test_saving_people_returns_to_the_part_with_an_empty_row_for_one_more(self):
        post = {"version": "0"}
        for index in range(3):
            post |= {f"people-{index}-name": f"Persoon {index}", f"people-{index}-phone": "06 12345678"}
        response = self.client.post(self.url("network"), post, follow=True)
        self.assertRedirects(response, self.url("network"))
        self.assertContains(response, "Er staat nu een lege regel klaar")
        self.assertContains(response, 'name="people-3-name" value=""')
        self.assertContains(response, "Meer mensen? Klik op Bewaren")

    def test_when_the_list_is_full_there_is_no_promise_of_another_row(self):
        from ..guidance import MAX_PEOPLE

        people = [{"name": f"P{i}", "role": "", "phone": "", "when": ""} for i in range(MAX_PEOPLE)]
        PlanSection.objects.create(plan=self.plan, key="network", data={"people": people})
        response = self.client.get(self.url("network"))
        self.assertContains(response, f'name="people-{MAX_PEOPLE - 1}-name"')
        self.assertNotContains(response, f'name="people-{MAX_PEOPLE}-name"')
        self.assertNotContains(response, "Meer mensen?")

    def test_a_wrong_date_is_refused(self):
        response = self.client.post(self.url("review"), {"version": "0", "review_date": "morgen"})
        self.assertContains(response, "Dit is geen datum", status_code=400)

    def test_the_review_date_is_copied_to_the_plan(self):
        self.client.post(self.url("review"), {"version": "0", "review_date": "2027-01-15"})
        self.plan.refresh_from_db()
        self.assertEqual(str(self.plan.review_date), "2027-01-15")

    def test_nul_characters_are_left_out_of_every_kind_of_field(self):
        self.client.post(self.url(), {"version": "0", "keep": "Rust\x00 en ruimte"}, **AJAX)
        self.assertEqual(PlanSection.objects.get(plan=self.plan, key="about").data["keep"], "Rust en ruimte")
        post = {"version": "0", "people-0-name": "San\x00ne", "people-0-phone": "06 1234\x005678"}
        response = self.client.post(self.url("network"), post, **AJAX)
        self.assertEqual(response.status_code, 200)
        person = PlanSection.objects.get(plan=self.plan, key="network").data["people"][0]
        self.assertEqual((person["name"], person["phone"]), ("Sanne", "06 12345678"))
        self.client.post(self.url("review"), {"version": "0", "review_date": "2027-01-15\x00"})
        self.plan.refresh_from_db()
        self.assertEqual(str(self.plan.review_date), "2027-01-15")

    def test_html_is_shown_as_text(self):
        self.client.post(self.url(), {"version": "0", "keep": "<script>alert(1)</script>"})
        response = self.client.get(reverse("plans:builder", args=[self.plan.pk]))
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
        self.assertNotContains(response, "<script>alert(1)")

    def test_many_signals_and_actions_get_a_gentle_nudge(self):
        post = {
            "version": "0",
            "self_behaviour": "a\nb\nc",
            "others_behaviour": "d\ne\nf",
            "my_actions": "1\n2\n3\n4",
        }
        response = self.client.post(self.url("phase_early"), post, **AJAX)
        nudges = response.json()["nudges"]
        self.assertIn("signals", nudges)
        self.assertIn("my_actions", nudges)
        response = self.client.get(self.url("phase_early"))
        self.assertContains(response, "Welke drie tot vijf herken je het snelst?")

    def test_few_signals_get_no_nudge(self):
        post = {"version": "0", "self_behaviour": "a\nb\nc", "my_actions": "1\n2"}
        response = self.client.post(self.url("phase_early"), post, **AJAX)
        self.assertEqual(response.json()["nudges"], {})

    def test_saving_is_logged_once_per_quarter_of_an_hour(self):
        self.client.post(self.url(), {"version": "0", "keep": "a"}, **AJAX)
        self.client.post(self.url(), {"version": "1", "keep": "ab"}, **AJAX)
        self.assertEqual(self.plan.log.filter(action=AccessLog.Action.EDIT).count(), 1)

    def test_patient_can_save_when_allowed(self):
        self.login(self.patient)
        response = self.client.post(self.url(), {"version": "0", "keep": "Van mij"}, **AJAX)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(PlanSection.objects.get(plan=self.plan, key="about").updated_by, self.patient)

    def test_patient_cannot_save_when_not_allowed(self):
        Plan.objects.filter(pk=self.plan.pk).update(patient_can_edit=False)
        self.login(self.patient)
        response = self.client.post(self.url(), {"version": "0", "keep": "Van mij"})
        self.assertEqual(response.status_code, 404)

    def test_a_phone_error_stays_next_to_its_own_row(self):
        post = {"version": "0", "people-1-name": "Sanne", "people-1-phone": "onbekend"}
        response = self.client.post(self.url("network"), post)
        self.assertContains(
            response, 'id="people-1-phone" name="people-1-phone" value="onbekend"', status_code=400
        )
        self.assertContains(
            response,
            'id="people-1-phone-error" data-error-for="people-1-phone">Dit lijkt geen',
            status_code=400,
        )

    def test_after_a_failed_post_the_error_summary_links_to_each_field(self):
        post = {"version": "0", "people-0-name": "Sanne", "people-0-phone": "bel me maar"}
        response = self.client.post(self.url("network"), post)
        self.assertContains(response, 'role="alert" tabindex="-1" data-error-summary', status_code=400)
        self.assertContains(response, 'href="#people-0-phone">Persoon 1: Telefoonnummer:', status_code=400)

    def test_the_own_huisartsenpost_number_is_checked_and_stored(self):
        response = self.client.post(self.url("safety"), {"version": "0", "gp_post": "geen idee"})
        self.assertContains(response, 'href="#f-gp_post"', status_code=400)
        self.client.post(self.url("safety"), {"version": "0", "gp_post": "0900 1234567"})
        self.assertEqual(
            PlanSection.objects.get(plan=self.plan, key="safety").data["gp_post"], "0900 1234567"
        )
        response = self.client.get(self.url("safety"))
        self.assertContains(response, 'href="tel:09001234567"')


class ShortByDefaultTests(PlanTestCase):
    """Issue 13 point 3: the essential fields first, the optional ones folded unless they hold text."""

    def setUp(self):
        super().setUp()
        self.login(self.owner)

    def url(self, key):
        return reverse("plans:part", args=[self.plan.pk, key])

    def test_optional_fields_of_an_essential_part_are_folded_after_the_essentials(self):
        html = self.client.get(self.url("safety")).content.decode()
        folded = html.index('<details class="plan-optional">')
        self.assertLess(html.index('id="f-gp_post"'), folded)
        self.assertGreater(html.index('id="f-practical"'), folded)
        self.assertIn("<summary>Meer invullen (niet verplicht)</summary>", html)

    def test_folded_fields_stand_open_when_they_hold_text_or_an_error(self):
        self.fill({"network": {"first_contact": "Mijn huisarts"}})
        self.assertContains(self.client.get(self.url("network")), '<details class="plan-optional" open>')
        response = self.client.post(self.url("safety"), {"version": "0", "practical": "x" * 6000})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, '<details class="plan-optional" open>', status_code=400)

    def test_an_optional_part_says_so_and_shows_its_fields(self):
        response = self.client.get(self.url("about"))
        self.assertContains(response, "Dit deel is niet verplicht.")
        self.assertNotContains(response, "<details")
        self.assertContains(response, 'id="f-keep"')

    def test_save_and_next_goes_from_the_essentials_to_the_optional_parts(self):
        response = self.client.post(
            self.url("phase_crisis"), {"version": "0", "my_actions": "Bellen", "next": "1"}
        )
        self.assertRedirects(response, self.url("safety"))
        response = self.client.post(
            self.url("network"), {"version": "0", "first_contact": "Huisarts", "next": "1"}
        )
        self.assertRedirects(response, self.url("about"))
