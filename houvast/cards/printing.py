"""Card sheets as PDF: nine cards per A4, a fronts page followed by its backs page.

The backs page mirrors the columns, so that after long-edge duplex printing every back lands
behind its own front. Positions are CSS classes in cards/print.css (slot--r<row>c<column>).
"""

from django.utils import timezone
from django.utils.translation import get_language, gettext

from houvast.lib.pdf import PdfDownload, render_html

COLUMNS = 3
ROWS = 3
PER_SHEET = COLUMNS * ROWS


def sheets(cards):
    """[(fronts, backs)] where each side is a list of (card, row, column)."""
    result = []
    for start in range(0, len(cards), PER_SHEET):
        chunk = cards[start : start + PER_SHEET]
        fronts, backs = [], []
        for index, card in enumerate(chunk):
            row, column = divmod(index, COLUMNS)
            fronts.append((card, row, column))
            backs.append((card, row, COLUMNS - 1 - column))
        result.append((fronts, backs))
    return result


def sheet_download(cards, title, stem):
    """A sheet PDF of the deck's cards: the same for everyone who chooses them, so kept in one cache scope.

    The cards are content (cards.yaml, in the cache key's code version), so the slugs, the title and the
    language name the PDF: a repeat renders no HTML.
    """
    language = get_language()

    def html():
        context = {
            "sheets": sheets(cards),
            "title": title,
            "LANGUAGE_CODE": language,
            "cut_columns": range(COLUMNS + 1),
            "cut_rows": range(ROWS + 1),
        }
        return render_html("cards/print_sheet.html", context)

    key = ["card_sheet", [card.slug for card in cards], str(title), language]
    return PdfDownload(html, filename(stem), scope="cards", key=key)


def single_download(card, headers=None):
    language = get_language()

    def html():
        return render_html("cards/print_card.html", {"card": card, "LANGUAGE_CODE": language})

    key = ["card", card.slug, language]
    return PdfDownload(html, filename(card.slug), scope="cards", headers=headers or {}, key=key)


def filename(stem):
    return f"{gettext('gesprekskaartjes')}-{stem}-{timezone.localdate():%Y%m%d}.pdf"
