"""The structure of a plan, its guidance texts and examples, read from content/plan_guidance.yaml.

The file says which parts a plan has and which fields each part holds; the phases are expanded
into four parts with the same fields. Stored plan data is keyed by these part and field keys.
"""

from dataclasses import dataclass, field

from houvast.content.schema import ContentError, Text, load_yaml

FILE = "plan_guidance.yaml"
KINDS = ("text", "lines", "approaches", "cards", "people", "date", "phone")
PHASE_NUMBERS = {"stable": 1, "early": 2, "worsening": 3, "crisis": 4}
MAX_TEXT = 5000
MAX_PEOPLE = 20

_cache = None


@dataclass(frozen=True)
class Field:
    key: str
    kind: str
    label: Text
    help: Text
    example: Text
    group: str = ""  # phases: "signals" or "actions"
    optional: bool = False  # offered under "Meer invullen (niet verplicht)" in the builder

    @property
    def is_list(self):
        return self.kind == "lines"


@dataclass(frozen=True)
class Section:
    key: str
    title: Text
    intro: Text
    element: str
    fields: tuple
    phase: str = ""
    signal_kinds: tuple = field(default=())
    patient_title: Text = None  # the plain (B1) name the patient and naasten read
    colour: Text = None  # phases: groen, geel, oranje, rood, named in words
    optional: bool = False  # not one of the essentials the builder starts with

    @property
    def essential_fields(self):
        return () if self.optional else tuple(f for f in self.fields if not f.optional)

    @property
    def optional_fields(self):
        """The fields the builder offers folded away; all of them in an optional part."""
        return self.fields if self.optional else tuple(f for f in self.fields if f.optional)

    def field(self, key):
        return next((f for f in self.fields if f.key == key), None)

    @property
    def number(self):
        """A phase keeps its own number, whether the phases before it are filled or not."""
        return PHASE_NUMBERS.get(self.phase, 0)

    @property
    def patient_heading(self):
        """The patient's heading: "Fase 2 (geel): Het gaat minder goed", or the plain part title."""
        if not self.phase:
            return self.patient_title
        return Text(
            f"Fase {self.number} ({self.colour.nl.lower()}): {self.patient_title.nl}",
            f"Phase {self.number} ({self.colour.en.lower()}): {self.patient_title.en}",
        )


@dataclass(frozen=True)
class Guidance:
    elements: tuple  # (key, Text)
    approaches: tuple  # (key, Text)
    sections: tuple
    by_key: dict
    signal_kinds: tuple  # (key, Text)
    perspectives: tuple  # (key, Text)
    nudges: dict
    crisis_numbers: tuple


def _field(reader):
    kind = reader.str("kind", choices=KINDS)
    return Field(
        key=reader.str("key"),
        kind=kind,
        label=reader.text("label"),
        help=reader.text("help", required=False),
        example=reader.text("example", required=False),
        optional=reader.bool("optional"),
    )


def parse(root):
    file = root.file
    elements = tuple((r.str("key"), r.text("name")) for r in root.list("elements", min_items=7, max_items=7))
    element_keys = {key for key, _ in elements}
    approaches = tuple((r.str("key"), r.text("name")) for r in root.list("approaches", min_items=1))
    sections = []
    for reader in root.list("sections", min_items=1):
        fields = tuple(_field(r) for r in reader.list("fields", min_items=1))
        reader.unique(fields, "key", reader._field("fields"))
        element = reader.str("element", required=False, choices=sorted(element_keys))
        sections.append(
            Section(
                reader.str("key"),
                reader.text("title"),
                reader.text("intro"),
                element,
                fields,
                patient_title=reader.text("patient_title"),
                optional=reader.bool("optional"),
            )
        )
        if not sections[-1].optional and not sections[-1].essential_fields:
            raise ContentError(file, reader._field("fields"), "an essential part needs one essential field")
    pf = root.obj("phase_fields")
    signal_kinds = tuple((r.str("key"), r.text("label")) for r in pf.list("signal_kinds", min_items=1))
    perspectives = tuple((r.str("key"), r.text("label")) for r in pf.list("perspectives", min_items=2))
    signal_example, signals_help, actions_help = (
        pf.text("signal_example"),
        pf.text("signals_help"),
        pf.text("actions_help"),
    )
    actions = pf.list("actions", min_items=1)
    phase_sections = []
    for reader in root.list("phases", min_items=4, max_items=4):
        fields = []
        for p_key, p_label in perspectives:
            for s_key, s_label in signal_kinds:
                label = Text(f"{s_label.nl} · {p_label.nl.lower()}", f"{s_label.en} · {p_label.en.lower()}")
                fields.append(
                    Field(f"{p_key}_{s_key}", "lines", label, signals_help, signal_example, "signals")
                )
        for a in actions:
            fields.append(
                Field(a.str("key"), "lines", a.text("label"), actions_help, a.text("example"), "actions")
            )
        phase = reader.str("key", choices=["stable", "early", "worsening", "crisis"])
        element = reader.str("element", required=False, choices=sorted(element_keys))
        phase_sections.append(
            Section(
                f"phase_{phase}",
                reader.text("title"),
                reader.text("intro"),
                element,
                tuple(fields),
                phase=phase,
                signal_kinds=signal_kinds,
                patient_title=reader.text("patient_title"),
                colour=reader.text("colour"),
            )
        )
    # Order: about, understanding, vulnerability, the four phases, then the rest.
    ordered = sections[:3] + phase_sections + sections[3:]
    keys = [s.key for s in ordered]
    if len(set(keys)) != len(keys):
        raise ContentError(file, "sections", "a part key appears twice")
    used = {s.element for s in ordered if s.element}
    if used != element_keys:
        raise ContentError(
            file, "sections", f"no part for element(s) {', '.join(sorted(element_keys - used))}"
        )
    nudges = root.obj("nudges")
    crisis = tuple(
        {
            "key": r.str("key"),
            "name": r.text("name"),
            "phone": r.str("phone", required=False),
            "note": r.text("note"),
        }
        for r in root.list("crisis_numbers", min_items=1)
    )
    return Guidance(
        elements=elements,
        approaches=approaches,
        sections=tuple(ordered),
        by_key={s.key: s for s in ordered},
        signal_kinds=signal_kinds,
        perspectives=perspectives,
        nudges={
            "signals_max": nudges.int("signals_max", minimum=1, maximum=20),
            "actions_max": nudges.int("actions_max", minimum=1, maximum=20),
            "many_signals": nudges.text("many_signals"),
            "many_actions": nudges.text("many_actions"),
            "empty": nudges.text("empty"),
        },
        crisis_numbers=crisis,
    )


def guidance():
    global _cache
    if _cache is None:
        _cache = parse(load_yaml(FILE))
    return _cache


def load(force=False):
    """The content registry's loader: (name, number of plan parts)."""
    global _cache
    if force:
        _cache = None
    return ("plan_guidance", len(guidance().sections))


def sections():
    return guidance().sections


def builder_order():
    """The essentials first (the phases, the safety agreements, my people), then the optional parts."""
    return tuple(s for s in sections() if not s.optional) + tuple(s for s in sections() if s.optional)


def get_section(key):
    return guidance().by_key.get(key)
