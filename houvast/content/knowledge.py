"""The knowledge page about relapse prevention, from content/kennis.yaml (validated, cached).

Every section and item has a stable key that is its anchor on /terugvalpreventie/; the keys of the
seven essential elements are fixed because other apps link to them.
"""

from dataclasses import dataclass

from django.conf import settings

from .schema import ContentError, Text, load_yaml

FILE_NAME = "kennis.yaml"

ELEMENT_KEYS = (
    "gedeeld-begrip",
    "kwetsbaarheid",
    "vroege-signalen",
    "handelingsperspectief",
    "opschalen-veiligheid",
    "netwerk-vervolgzorg",
    "actualiseren",
)


@dataclass(frozen=True)
class Item:
    key: str
    name: Text
    text: Text


@dataclass(frozen=True)
class Section:
    key: str
    title: Text
    body: list
    bullets_intro: Text
    bullets: list
    items: list
    quote: Text


@dataclass(frozen=True)
class Knowledge:
    title: Text
    intro: Text
    sections: list
    more_text: Text
    more_url: str

    def section(self, key):
        return next((s for s in self.sections if s.key == key), None)

    @property
    def elements(self):
        return self.section("elementen").items


_cache = {}


def _key(reader):
    value = reader.str("key", max_length=40)
    if not all(c.isascii() and (c.islower() or c.isdigit() or c == "-") for c in value):
        raise ContentError(
            reader.file, reader._field("key"), f"may hold only a-z, 0-9 and '-', not {value!r}"
        )
    return value


def _read_section(reader):
    items = [Item(_key(i), i.text("name"), i.text("text")) for i in reader.list("items", required=False)]
    section = Section(
        key=_key(reader),
        title=reader.text("title"),
        body=reader.texts("body", required=False),
        bullets_intro=reader.text("bullets_intro", required=False),
        bullets=reader.texts("bullets", required=False),
        items=items,
        quote=reader.text("quote", required=False),
    )
    if not (section.body or section.items):
        raise ContentError(reader.file, reader._field("body"), "a section needs a body or items")
    return section


def _read():
    top = load_yaml(FILE_NAME)
    sections = [_read_section(item) for item in top.list("sections", min_items=1)]
    keys = [s.key for s in sections] + [i.key for s in sections for i in s.items]
    seen = set()
    for key in keys:
        if key in seen:
            raise ContentError(top.file, "sections", f"key {key!r} appears twice")
        seen.add(key)
    elements = next((s for s in sections if s.key == "elementen"), None)
    if elements is None:
        raise ContentError(top.file, "sections", "the section with key 'elementen' is missing")
    found = tuple(item.key for item in elements.items)
    if found != ELEMENT_KEYS:
        index = sections.index(elements)
        raise ContentError(
            top.file,
            f"sections[{index}].items",
            f"keys must be {', '.join(ELEMENT_KEYS)}, not {', '.join(found)}",
        )
    more = top.obj("more")
    url = more.str("url")
    if not url.startswith("https://"):
        raise ContentError(top.file, "more.url", f"must start with https://, not {url!r}")
    return Knowledge(top.text("title"), top.text("intro"), sections, more.text("text"), url)


def knowledge(force=False):
    key = str(settings.CONTENT_DIR)
    if force or key not in _cache:
        _cache[key] = _read()
    return _cache[key]


def load(force=False):
    """Registered in houvast.content.registry: validates content/kennis.yaml at start."""
    return ("kennis", len(knowledge(force=force).sections))
