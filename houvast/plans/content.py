"""Reading a plan's stored contents: empty checks, the seven elements, nudges and display values."""

from .guidance import get_section, guidance, sections


def is_empty(value):
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return not any(
            not is_empty(v) if not isinstance(v, dict) else any(str(x).strip() for x in v.values())
            for v in value
        )
    return value in (None, {})


def lines(value):
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def section_is_empty(section, data):
    return all(is_empty(data.get(f.key)) for f in section.fields)


def element_status(plan_data):
    """[(key, name, filled)] for the seven essential elements of seed 002."""
    result = []
    for key, name in guidance().elements:
        parts = [s for s in sections() if s.element == key]
        filled = any(not section_is_empty(s, plan_data.get(s.key, {})) for s in parts)
        result.append({"key": key, "name": name, "filled": filled, "section": parts[0].key if parts else ""})
    return result


def empty_elements(plan_data):
    return [e for e in element_status(plan_data) if not e["filled"]]


def nudges_for(section, data):
    """Gentle hints when a phase holds more signals or actions than helps under stress."""
    g = guidance()
    hints = {}
    if not section.phase:
        return hints
    signals = sum(len(lines(data.get(f.key))) for f in section.fields if f.group == "signals")
    if signals > g.nudges["signals_max"]:
        hints["signals"] = g.nudges["many_signals"]
    for f in section.fields:
        if f.group == "actions" and len(lines(data.get(f.key))) > g.nudges["actions_max"]:
            hints[f.key] = g.nudges["many_actions"]
    return hints


def approach_names(keys):
    names = dict(guidance().approaches)
    return [names[k] for k in keys if k in names]


def card_choices():
    """The gesprekskaarten deck as (slug, title), or [] while the deck is not there."""
    try:
        from houvast.cards.deck import all_cards
    except ImportError:
        return []
    try:
        return [(card.slug, card.title) for card in all_cards()]
    except Exception:  # noqa: BLE001 - a broken deck must not break the plan
        return []


def card_titles(slugs):
    titles = dict(card_choices())
    return [str(titles.get(slug, slug)) for slug in slugs or []]


def person_line(person):
    parts = [person.get(k, "").strip() for k in ("name", "role", "phone", "when")]
    return " — ".join(p for p in parts if p)


def field_as_lines(field, value):
    """Any stored value as a list of display lines (for read views, PDFs and diffs)."""
    if field.kind in ("text", "lines"):
        return (value or "").splitlines() if field.kind == "text" else lines(value)
    if field.kind == "approaches":
        return [str(n) for n in approach_names(value or [])]
    if field.kind == "cards":
        return card_titles(value)
    if field.kind == "people":
        return [person_line(p) for p in value or [] if person_line(p)]
    if field.kind in ("date", "phone"):
        return [value] if value else []
    return []


def display(plan_data):
    """The whole plan as a list of parts, each with its non-empty fields as lines."""
    parts = []
    for section in sections():
        data = plan_data.get(section.key, {})
        fields = []
        for f in section.fields:
            value = data.get(f.key)
            fields.append(
                {"field": f, "value": value, "lines": field_as_lines(f, value), "empty": is_empty(value)}
            )
        parts.append({"section": section, "fields": fields, "empty": section_is_empty(section, data)})
    return parts


def phase_summary(plan_data):
    """Per phase: the first signals and the first actions, for the pocket card and phone view."""
    result = []
    for section in sections():
        if not section.phase:
            continue
        data = plan_data.get(section.key, {})
        signals = [s for f in section.fields if f.group == "signals" for s in lines(data.get(f.key))]
        actions = lines(data.get("my_actions"))
        others = lines(data.get("naasten_actions")) + lines(data.get("professional_actions"))
        result.append({"section": section, "signals": signals, "actions": actions, "others": others})
    return result


def key_people(plan_data):
    return [p for p in plan_data.get("network", {}).get("people", []) if p.get("phone") or p.get("name")]


def get_field(section_key, field_key):
    section = get_section(section_key)
    return section.field(field_key) if section else None
