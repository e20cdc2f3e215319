from django.test import TestCase
from django.urls import reverse
from django.utils.html import escape

from houvast.content.werkvormen import all_werkvormen, get_werkvorm


class WerkvormDetailTest(TestCase):
    def get(self, slug, language="nl"):
        return self.client.get(
            reverse("content:werkvorm", args=[slug]), headers={"accept-language": language}
        )

    def test_every_step_with_its_minutes_is_shown_in_both_languages(self):
        for language in ("nl", "en"):
            for werkvorm in all_werkvormen():
                response = self.get(werkvorm.slug, language)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f"<title>{escape(werkvorm.title.get(language))}", html=False)
                for step in werkvorm.steps:
                    self.assertContains(response, escape(step.title.get(language)))
                    self.assertContains(response, f"({step.duration.get(language)})")
                    for question in step.questions:
                        self.assertContains(response, escape(question.get(language)))

    def test_step_5_shows_the_optional_shared_action_after_the_three_items_as_in_the_seed(self):
        for language, items, optional in (
            ("nl", ["1 interventie die", "1 afspraak die", "1 belemmering die"], "Optioneel: deel één actie"),
            ("en", ["1 intervention I", "1 agreement I", "1 obstacle I"], "Optional: share one action"),
        ):
            html = self.get("interventies-in-de-praktijk", language).content.decode()
            step = html[html.index('id="stap-actieplan"') :]
            positions = [step.index(text) for text in items]
            self.assertEqual(positions, sorted(positions), language)
            self.assertGreater(step.index(optional), positions[-1], language)

    def test_it_shows_goal_time_preparation_materials_and_total(self):
        response = self.get("interventies-in-de-praktijk")
        self.assertContains(response, "Onderzoeken welke interventies professionals inzetten")
        self.assertContains(response, "± 1 uur (afhankelijk van voorbereiding en tijdsbewaking)")
        self.assertContains(response, "Neem allemaal je eigen format")
        self.assertContains(response, "Fysiek: post-its, groot papier, stiften")
        self.assertContains(response, "Samen ongeveer 60 minuten")
        self.assertContains(response, "Stap 5:")

    def test_the_survey_figures_are_shown_in_dutch_and_english(self):
        for language, words in (
            ("nl", ["bespreken dat terugval plaats kan vinden", "derden betrekken"]),
            ("en", ["discussing that relapse can happen", "involving others"]),
        ):
            response = self.get("interventies-in-de-praktijk", language)
            for figure in ("57 %", "38 %", "75 %", "62 %"):
                self.assertContains(response, f'<span class="figure">{figure}</span>', html=False)
            for word in words:
                self.assertContains(response, word)
        self.assertContains(response, "75–100 %")

    def test_live_werkvormen_offer_a_session_and_stellingen_the_statements(self):
        self.assertContains(
            self.get("interventies-in-de-praktijk"),
            'href="/werkvormen/interventies-in-de-praktijk/sessie/nieuw/"',
        )
        self.assertContains(
            self.get("vaardigheden-versterken"), 'href="/werkvormen/vaardigheden-versterken/sessie/nieuw/"'
        )
        response = self.get("stellingen")
        self.assertContains(response, 'href="/stellingen/"')
        self.assertNotContains(response, "sessie/nieuw")

    def test_stellingen_shows_the_ten_statements_in_both_languages(self):
        from houvast.surveys.content import statement_set

        statements = statement_set().statements
        self.assertEqual(len(statements), 10)
        for language in ("nl", "en"):
            response = self.get("stellingen", language)
            self.assertContains(response, 'id="de-stellingen"')
            for statement in statements:
                self.assertContains(response, escape(statement.text.get(language)))
        self.assertNotContains(self.get("interventies-in-de-praktijk"), 'id="de-stellingen"')

    def test_a_patient_is_not_offered_a_session_they_cannot_start(self):
        from houvast.lib.testing import make_user

        self.client.force_login(make_user("patient@example.org", kind="patient"))
        response = self.get("interventies-in-de-praktijk")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "sessie/nieuw")

    def test_vaardigheden_links_to_our_own_deck(self):
        link = '<a class="button button--secondary" href="/kaarten/">Bekijk onze gesprekskaarten</a>'
        self.assertContains(self.get("vaardigheden-versterken"), link, html=True)
        self.assertNotContains(self.get("interventies-in-de-praktijk"), "Bekijk onze gesprekskaarten")

    def test_vaardigheden_refers_to_the_cards_with_links(self):
        response = self.get("vaardigheden-versterken")
        werkvorm = get_werkvorm("vaardigheden-versterken")
        self.assertContains(response, "Feeling Safe")
        for resource in werkvorm.resources:
            self.assertContains(response, f'href="{resource.url}"')

    def test_an_unknown_werkvorm_is_404(self):
        self.assertEqual(self.get("bestaat-niet").status_code, 404)
