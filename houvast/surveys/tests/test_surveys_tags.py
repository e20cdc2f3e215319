from decimal import ROUND_HALF_UP, Decimal

from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from houvast.surveys.templatetags.surveys_tags import number


def test_one_decimal_rounded_half_up_with_a_dutch_comma():
    with translation.override("nl"):
        assert number(4.25) == "4,3"
        assert number(3.75) == "3,8"
        assert number(2.5) == "2,5"
        assert number(4.0) == "4"
        assert number(4.96) == "5"
        assert number(None) == "–"


def test_english_uses_a_decimal_point():
    with translation.override("en"):
        assert number(1.25) == "1.3"


@given(st.integers(min_value=4, max_value=20))
def test_every_quartile_is_rounded_half_up(quarters):
    value = quarters / 4
    expected = Decimal(quarters) / 4
    expected = expected.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = str(int(expected)) if expected == int(expected) else str(expected).replace(".", ",")
    with translation.override("nl"):
        assert number(value) == text


def test_list_items_escape_and_keep_line_breaks_as_the_template_loop_did():
    texts = ["Een <b>vette</b> opmerking", "regel 1\nregel 2\r\nregel 3", "A & B"]
    loop = Template("{% for t in texts %}<li>{{ t|linebreaksbr }}</li>{% endfor %}")
    items = Template("{% load surveys_tags %}{{ texts|list_items }}")
    assert items.render(Context({"texts": texts})) == loop.render(Context({"texts": texts}))
