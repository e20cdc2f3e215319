import io
from unittest import mock

from django.test import SimpleTestCase, TestCase
from pypdf import PdfReader

from houvast.cards import deck, printing
from houvast.lib.testing import FakePdfLayout


def pages(response):
    """The text of each page, with line wraps and runs of spaces made into single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages]


class SheetLayoutTests(SimpleTestCase):
    def test_backs_mirror_the_columns_for_long_edge_duplex(self):
        cards = deck.all_cards()[:4]
        [(fronts, backs)] = printing.sheets(cards)
        self.assertEqual([(r, c) for _, r, c in fronts], [(0, 0), (0, 1), (0, 2), (1, 0)])
        self.assertEqual([(r, c) for _, r, c in backs], [(0, 2), (0, 1), (0, 0), (1, 2)])
        self.assertEqual([card for card, _, _ in fronts], [card for card, _, _ in backs])

    def test_nine_cards_fit_on_a_sheet(self):
        self.assertEqual(len(printing.sheets(deck.all_cards()[:9])), 1)
        self.assertEqual(len(printing.sheets(deck.all_cards()[:10])), 2)


class PrintViewTests(TestCase):
    def test_the_whole_deck_gives_fronts_and_backs_pages(self):
        response = self.client.get("/kaarten/afdrukken/", {"scope": "deck"})
        self.assertEqual(response["Content-Type"], "application/pdf")
        texts = pages(response)
        sheets = -(-len(deck.all_cards()) // 9)
        self.assertEqual(len(texts), 2 * sheets)
        self.assertIn("Je eerste signalen", texts[0])
        self.assertIn("Vaak verandert er iets kleins", texts[0])
        self.assertNotIn("Wat merkte je de vorige keer", texts[0])
        self.assertIn("Wat merkte je de vorige keer", texts[1])

    def test_every_back_carries_its_cards_title_so_loose_backs_match_their_fronts(self):
        for language in ("nl", "en"):
            response = self.client.get(
                "/kaarten/afdrukken/", {"scope": "deck"}, headers={"accept-language": language}
            )
            texts = pages(response)
            for number, (_fronts, backs) in enumerate(printing.sheets(deck.all_cards())):
                back_page = texts[2 * number + 1]
                for card, _row, _column in backs:
                    title = " ".join(card.title.get(language).split())
                    self.assertIn(title, back_page, (language, card.slug))

    def test_a_theme_prints_only_its_cards(self):
        texts = pages(self.client.get("/kaarten/afdrukken/", {"scope": "theme", "theme": "ritme"}))
        self.assertEqual(len(texts), 2)
        self.assertIn("Een vast ritme", texts[0])
        self.assertNotIn("Je eerste signalen", texts[0])

    def test_chosen_cards_print_in_order(self):
        response = self.client.get(
            "/kaarten/afdrukken/", {"scope": "cards", "slugs": ["ademruimte", "mild-zijn"]}
        )
        texts = pages(response)
        self.assertEqual(len(texts), 2)
        self.assertIn("Even ademruimte", texts[0])
        self.assertIn("Mild zijn voor jezelf", texts[0])

    def test_choosing_no_cards_keeps_the_form_with_a_message(self):
        response = self.client.get("/kaarten/afdrukken/", {"scope": "cards"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Kies ten minste één kaartje.")

    def test_a_theme_scope_without_theme_asks_for_one(self):
        response = self.client.get("/kaarten/afdrukken/", {"scope": "theme", "theme": ""})
        self.assertContains(response, "Kies een thema.")

    def test_the_empty_form_shows(self):
        self.assertContains(self.client.get("/kaarten/afdrukken/"), "Wat wil je afdrukken?")


class SingleCardPdfTests(TestCase):
    def test_one_card_is_a_front_page_and_a_back_page(self):
        response = self.client.get("/kaarten/vast-ritme/pdf/")
        self.assertEqual(response["Content-Type"], "application/pdf")
        texts = pages(response)
        self.assertEqual(len(texts), 2)
        self.assertIn("Een vast ritme", texts[0])
        self.assertIn("Hoe ziet een gewone dag er voor jou uit?", texts[1])

    def test_the_back_page_carries_the_cards_title_and_still_fits_one_page(self):
        for card in deck.all_cards():
            texts = pages(self.client.get(f"/kaarten/{card.slug}/pdf/"))
            self.assertEqual(len(texts), 2, card.slug)
            self.assertIn(" ".join(card.title.nl.split()), texts[1], card.slug)

    def test_an_unknown_card_is_404(self):
        self.assertEqual(self.client.get("/kaarten/bestaat-niet/pdf/").status_code, 404)


class CardPdfCacheTests(FakePdfLayout, TestCase):
    """Cards are content: the cards, the title and the language name a PDF; each gets its own."""

    def test_each_card_choice_and_language_is_its_own_pdf(self):
        first = self.download("/kaarten/vast-ritme/pdf/")
        self.assertEqual(self.download("/kaarten/vast-ritme/pdf/"), first)
        self.assertEqual(self.layouts.call_count, 1)
        other = deck.all_cards()[1].slug
        self.assertNotEqual(self.download(f"/kaarten/{other}/pdf/"), first)
        self.assertNotEqual(
            self.download("/kaarten/vast-ritme/pdf/", headers={"accept-language": "en"}), first
        )
        slugs = [card.slug for card in deck.all_cards()[:3]]
        sheet = self.download("/kaarten/afdrukken/", data={"scope": "cards", "slugs": slugs[:2]})
        self.assertNotEqual(
            self.download("/kaarten/afdrukken/", data={"scope": "cards", "slugs": slugs}), sheet
        )
        with mock.patch("houvast.cards.views.gettext", return_value="Andere titel"):
            retitled = self.download("/kaarten/afdrukken/", data={"scope": "cards", "slugs": slugs[:2]})
        self.assertIn("Andere titel", retitled)
