from django.test import SimpleTestCase, override_settings
from django.utils import translation

from houvast.cards import deck
from houvast.content.schema import ContentError, Reader

THEME = {"slug": "ritme", "name": {"nl": "Ritme", "en": "Rhythm"}}


def card(**extra):
    data = {
        "slug": "vast-ritme",
        "theme": "ritme",
        "title": {"nl": "Een ritme", "en": "A rhythm"},
        "text": {"nl": "Tekst", "en": "Text"},
        "questions": [{"nl": f"Vraag {i}?", "en": f"Question {i}?"} for i in range(3)],
    }
    data.update(extra)
    return data


def parse(cards, themes=(THEME,)):
    return deck.parse(Reader({"themes": list(themes), "cards": cards}, "cards.yaml"))


class DeckContentTests(SimpleTestCase):
    def test_the_deck_has_at_least_24_cards_in_ten_themes(self):
        deck.load(force=True)
        self.assertGreaterEqual(len(deck.all_cards()), 24)
        self.assertEqual(len(deck.themes()), 10)

    def test_every_card_has_a_front_questions_a_theme_and_both_languages(self):
        for c in deck.all_cards():
            self.assertIn(c.theme, deck.themes())
            self.assertTrue(3 <= len(c.questions) <= 4, c.slug)
            for text in (c.title, c.text, c.theme.name, *c.questions):
                self.assertTrue(text.nl and text.en, c.slug)
                self.assertNotEqual(text.nl, text.en, c.slug)

    def test_get_card_finds_by_slug_and_answers_none_for_unknown(self):
        self.assertEqual(str(deck.get_card("vast-ritme").title.nl), "Een vast ritme")
        self.assertIsNone(deck.get_card("bestaat-niet"))
        self.assertIsNone(deck.get_card(None))

    def test_card_text_follows_the_active_language(self):
        c = deck.get_card("vast-ritme")
        with translation.override("en"):
            self.assertEqual(str(c.title), "A steady rhythm")
        with translation.override("nl"):
            self.assertEqual(str(c.title), "Een vast ritme")

    def test_search_matches_words_in_either_language(self):
        slugs = [c.slug for c in deck.search("slapen", "nl")]
        self.assertIn("goed-slapen", slugs)
        self.assertIn("goed-slapen", [c.slug for c in deck.search("sleep", "en")])
        self.assertEqual(deck.search("zzzqqq", "nl"), [])

    def test_two_questions_are_refused(self):
        bad = card(questions=[{"nl": "a", "en": "b"}] * 2)
        with self.assertRaisesMessage(ContentError, "cards[0].questions"):
            parse([bad])

    def test_five_questions_are_refused(self):
        bad = card(questions=[{"nl": "a", "en": "b"}] * 5)
        with self.assertRaisesMessage(ContentError, "must have 3–4 items"):
            parse([bad])

    def test_a_missing_english_text_is_named(self):
        with self.assertRaisesMessage(ContentError, "cards[0].text.en"):
            parse([card(text={"nl": "Alleen Nederlands"})])

    def test_an_unknown_theme_is_refused(self):
        with self.assertRaisesMessage(ContentError, "cards[0].theme"):
            parse([card(theme="onbekend")])

    def test_a_duplicate_slug_is_refused(self):
        with self.assertRaisesMessage(ContentError, "appears twice"):
            parse([card(), card()])

    def test_a_reserved_slug_is_refused(self):
        with self.assertRaisesMessage(ContentError, "reserved"):
            parse([card(slug="afdrukken")])

    def test_a_missing_front_is_refused(self):
        data = card()
        del data["title"]
        with self.assertRaisesMessage(ContentError, "cards[0].title"):
            parse([data])

    @override_settings(CONTENT_DIR="/nonexistent")
    def test_a_missing_file_is_a_content_error(self):
        with self.assertRaisesMessage(ContentError, "does not exist"):
            deck.load(force=True)
        deck._cache = None
