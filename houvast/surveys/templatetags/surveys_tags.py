import html
import re
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format
from django.utils.safestring import mark_safe

from houvast.surveys import charts

register = template.Library()
NEWLINES = re.compile(r"\r\n|\r")


@register.simple_tag
def bar_chart(result, prefix="chart", width=640, height=48):
    return charts.bar_svg(result, f"{prefix}-chart-{result.number}", width=width, height=height)


@register.simple_tag
def answer_label(value):
    return charts.answer_labels().get(value, "")


@register.filter
def number(value):
    """One decimal rounded half up (4.25 → "4,3", 3.75 → "3,8"), or a whole number when there is nothing
    after the comma; '–' when empty. number_format alone would cut the second decimal off."""
    if value is None:
        return "–"
    rounded = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return str(int(rounded))
    return number_format(rounded, 1)


def _with_breaks(text):
    return html.escape(NEWLINES.sub("\n", text)).replace("\n", "<br>")


@register.filter
def list_items(texts):
    """`<li>` per text, escaped, line breaks kept (as `linebreaksbr`): one call instead of a template loop,
    for the thousands of comments of a large round."""
    return mark_safe("".join(f"<li>{_with_breaks(text)}</li>" for text in texts))
