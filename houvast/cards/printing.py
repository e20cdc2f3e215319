"""Card sheets as PDF: nine cards per A4, a fronts page followed by its backs page.

The backs page mirrors the columns, so that after long-edge duplex printing every back lands
behind its own front. Positions are CSS classes in cards/print.css (slot--r<row>c<column>).
"""

from django.utils import timezone
from django.utils.translation import get_language, gettext

from houvast.lib.pdf import pdf_response, render_pdf

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


def sheet_pdf(cards, title):
    context = {
        "sheets": sheets(cards),
        "title": title,
        "LANGUAGE_CODE": get_language(),
        "cut_columns": range(COLUMNS + 1),
        "cut_rows": range(ROWS + 1),
    }
    return render_pdf("cards/print_sheet.html", context)


def single_pdf(card):
    return render_pdf("cards/print_card.html", {"card": card, "LANGUAGE_CODE": get_language()})


def filename(stem):
    return f"{gettext('gesprekskaartjes')}-{stem}-{timezone.localdate():%Y%m%d}.pdf"


def sheet_response(cards, title, stem):
    return pdf_response(sheet_pdf(cards, title), filename(stem))
