from django import template

from houvast.cards import deck

register = template.Library()


@register.filter
def theme_cards(theme):
    """The cards of one theme, in deck order."""
    return [card for card in deck.all_cards() if card.theme.slug == theme.slug]


@register.simple_tag
def cards_session_report(session):
    """The report data of a "Vaardigheden versterken" session (core skills, cards chosen, insights)."""
    from houvast.cards.session_kinds import report_data

    return report_data(session)


@register.filter
def lookup(mapping, key):
    return mapping.get(key, "") if mapping else ""
