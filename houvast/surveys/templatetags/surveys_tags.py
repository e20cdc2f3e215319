from django import template

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
    """One decimal, or a whole number when there is nothing after the comma; '–' when empty."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return str(int(value))
    from django.utils.formats import number_format

    return number_format(value, 1)
