"""The deck of conversation cards (gesprekskaartjes), read from content/cards.yaml and validated.

Other apps use `get_card(slug)` and keep picks as slugs, so a card can be reworded without
touching stored data.
"""

import re
from dataclasses import dataclass

from houvast.content.schema import ContentError, Text, load_yaml

FILE = "cards.yaml"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED = {"afdrukken", "selecties", "k"}  # paths under /kaarten/ that a card slug may not take

_cache = None


@dataclass(frozen=True)
class Theme:
    slug: str
    name: Text

    def __str__(self):
        return str(self.name)


@dataclass(frozen=True)
class Card:
    slug: str
    number: int
    theme: Theme
    title: Text
    text: Text
    questions: tuple

    def __str__(self):
        return str(self.title)

    def words(self, language):
        """All the card's words in one language, lower case, for searching."""
        parts = [self.title.get(language), self.text.get(language), self.theme.name.get(language)]
        parts += [q.get(language) for q in self.questions]
        return " ".join(parts).lower()


@dataclass(frozen=True)
class Deck:
    themes: tuple
    cards: tuple
    by_slug: dict


def _slug(reader, key, file):
    value = reader.str(key, max_length=60)
    if not SLUG.match(value):
        raise ContentError(file, reader._field(key), f"{value!r} may hold only a-z, 0-9 and dashes")
    if value in RESERVED:
        raise ContentError(file, reader._field(key), f"{value!r} is reserved for a page")
    return value


def parse(root):
    """Build a Deck from a Reader for the whole file; raises ContentError naming the problem."""
    file = root.file
    themes = []
    for item in root.list("themes", min_items=1):
        themes.append(Theme(slug=_slug(item, "slug", file), name=item.text("name")))
    root.unique(themes, "slug", "themes")
    themes_by_slug = {theme.slug: theme for theme in themes}

    cards = []
    for number, item in enumerate(root.list("cards", min_items=1), start=1):
        slug = _slug(item, "slug", file)
        theme = item.str("theme", choices=list(themes_by_slug))
        cards.append(
            Card(
                slug=slug,
                number=number,
                theme=themes_by_slug[theme],
                title=item.text("title"),
                text=item.text("text"),
                questions=tuple(item.texts("questions", min_items=3, max_items=4)),
            )
        )
    root.unique(cards, "slug", "cards")
    used = {card.theme.slug for card in cards}
    for theme in themes:
        if theme.slug not in used:
            raise ContentError(file, "themes", f"theme {theme.slug!r} has no cards")
    return Deck(tuple(themes), tuple(cards), {card.slug: card for card in cards})


def _deck():
    global _cache
    if _cache is None:
        _cache = parse(load_yaml(FILE))
    return _cache


def load(force=False):
    """The content registry's loader: read and validate the file, return (name, number of cards)."""
    global _cache
    if force:
        _cache = None
    return ("cards", len(_deck().cards))


def all_cards():
    return list(_deck().cards)


def themes():
    return list(_deck().themes)


def get_theme(slug):
    return next((theme for theme in _deck().themes if theme.slug == slug), None)


def get_card(slug):
    """The card with this slug, or None (a slug stored elsewhere may belong to a removed card)."""
    return _deck().by_slug.get(slug) if isinstance(slug, str) else None


def cards_for(slugs):
    """The known cards for a list of slugs, in the given order, skipping unknown ones."""
    return [card for card in (get_card(slug) for slug in slugs) if card]


def search(query, language, theme=None):
    """Cards whose words (in the active language or Dutch) contain every word of the query."""
    words = [w for w in query.lower().split() if w]
    found = []
    for card in _deck().cards:
        if theme and card.theme.slug != theme:
            continue
        haystack = card.words(language) + " " + card.words("nl")
        if all(word in haystack for word in words):
            found.append(card)
    return found
