"""Diverging stacked bar charts: server-side SVG for screen and PDF, an HTML table for email.

Disagreement grows to the left of the centre line, agreement to the right; "Neutraal" sits across
the centre. Colours never carry the meaning alone: every chart has a text description and the page
shows the numbers in a table next to it.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

COLOURS = {1: "#a3231a", 2: "#e59a8f", 3: "#b8bcc4", 4: "#8dbbe0", 5: "#1f5f8b"}
TEXT_ON = {1: "#ffffff", 2: "#1d2330", 3: "#1d2330", 4: "#1d2330", 5: "#ffffff"}


def answer_labels():
    return {
        1: _("Helemaal oneens"),
        2: _("Oneens"),
        3: _("Neutraal"),
        4: _("Eens"),
        5: _("Helemaal eens"),
        0: _("Weet ik niet / niet van toepassing"),
    }


def describe(result):
    labels = answer_labels()
    parts = [f"{labels[v]}: {result.counts.get(v, 0)}" for v in (1, 2, 3, 4, 5)]
    return _("Aantal antwoorden per keuze. %(parts)s.") % {"parts": "; ".join(parts)}


def _segments(result):
    """(value, start, width) as fractions of the whole bar; the centre is at 0.5."""
    n = result.n
    if not n:
        return []
    share = {v: result.counts.get(v, 0) / n for v in (1, 2, 3, 4, 5)}
    left = share[1] + share[2] + share[3] / 2
    start = 0.5 - left / 2
    segments = []
    for value in (1, 2, 3, 4, 5):
        width = share[value] / 2
        if width > 0:
            segments.append((value, start, width))
        start += width
    return segments


def bar_svg(result, ident, width=640, height=48, show_numbers=True):
    """One accessible SVG chart (role=img, title and desc) with presentation attributes only."""
    title = _("Stelling %(number)s: verdeling van de antwoorden") % {"number": result.number}
    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="survey-chart" viewBox="0 0 {} {}" width="{}" '
            'height="{}" role="img" aria-labelledby="{}-title {}-desc">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            width,
            height,
            width,
            height,
            ident,
            ident,
            ident,
            title,
            ident,
            describe(result),
        ),
        format_html('<rect x="0" y="0" width="{}" height="{}" fill="#f3f4f6"/>', width, height),
    ]
    labels = []
    for value, start, share in _segments(result):
        x, w = start * width, share * width
        parts.append(
            format_html(
                '<rect x="{}" y="4" width="{}" height="{}" fill="{}"/>',
                f"{x:.1f}",
                f"{w:.1f}",
                height - 8,
                COLOURS[value],
            )
        )
        count = result.counts.get(value, 0)
        if show_numbers and w >= 22:
            labels.append(
                format_html(
                    '<text x="{}" y="{}" font-size="15" font-family="sans-serif" text-anchor="middle" '
                    'fill="{}">{}</text>',
                    f"{x + w / 2:.1f}",
                    height / 2 + 5,
                    TEXT_ON[value],
                    count,
                )
            )
    parts.append(
        format_html(
            '<line x1="{}" y1="0" x2="{}" y2="{}" stroke="#1d2330" stroke-width="2" stroke-dasharray="4 3"/>',
            width / 2,
            width / 2,
            height,
        )
    )
    parts.extend(labels)
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


def legend_items():
    labels = answer_labels()
    return [(COLOURS[v], labels[v]) for v in (1, 2, 3, 4, 5)]


def email_bar(result):
    """The same bar as an HTML table with bgcolor and width attributes (no CSS, no SVG)."""
    cells = []
    segments = _segments(result)
    lead = segments[0][1] if segments else 0.5
    if lead > 0.001:
        cells.append(format_html('<td width="{}%" bgcolor="#ffffff">&nbsp;</td>', round(lead * 100)))
    used = lead
    for value, _start, share in segments:
        pct = max(1, round(share * 100))
        used += share
        cells.append(
            format_html(
                '<td width="{}%" bgcolor="{}" align="center"><font color="{}" size="2">{}</font></td>',
                pct,
                COLOURS[value],
                TEXT_ON[value],
                result.counts.get(value, 0) if pct >= 5 else "",
            )
        )
    if used < 0.999:
        cells.append(format_html('<td width="{}%" bgcolor="#ffffff">&nbsp;</td>', round((1 - used) * 100)))
    return mark_safe(
        '<table role="presentation" width="100%" cellpadding="4" cellspacing="0" border="0"><tr>'
        + "".join(cells)
        + "</tr></table>"
    )
