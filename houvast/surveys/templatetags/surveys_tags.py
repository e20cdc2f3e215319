from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format

from houvast.surveys import charts

register = template.Library()


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
