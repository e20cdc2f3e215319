"""What a part's page shows in its form: each field with its value, error and hint, grouped as the part asks.

The words around a field come from the content file and are the same for every plan: a text field's label,
help and example are rendered once per language (templates/plans/_field_head.html) and the checkboxes'
names escaped once per language, and kept per process. What is typed in the plan is never kept.
"""

from html import escape

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from . import content
from .editing import PERSON_KEYS
from .guidance import MAX_PEOPLE, guidance

_words = {}  # (language, part key) → (guidance, {field key: words})


def _field_words(section):
    """Per field of `section`, in the active language: the rendered head of a text field and the
    describedby list of its textarea, or the escaped (key, name) choices of a checkbox field."""
    language = translation.get_language()
    cached = _words.get((language, section.key))
    if cached is None or cached[0] is not guidance():
        words = {}
        for field in section.fields:
            if field.kind in ("text", "lines"):
                shown = ("help", "example") if field.group != "signals" else ()  # signals: the group's help
                described = [f"f-{field.key}-{name}" for name in shown if getattr(field, name)]
                described.append(f"f-{field.key}-error")
                words[field.key] = {
                    "head": render_to_string("plans/_field_head.html", {"f": field}),
                    "describedby": " ".join(described),
                }
            elif field.kind in ("approaches", "cards"):
                choices = guidance().approaches if field.kind == "approaches" else content.card_choices()
                words[field.key] = {"choices": [(escape(key), escape(str(name))) for key, name in choices]}
        cached = _words[(language, section.key)] = (guidance(), words)
    return cached[1]


def _choices_html(field, choices, value):
    """The checkboxes of a choice field, the chosen ones checked (as the template wrote them one by one)."""
    chosen = {escape(key) for key in value} if isinstance(value, list) else set()
    name = escape(field.key)
    return mark_safe(  # noqa: S308 - every part escaped
        "\n".join(
            f'<label class="choice"><input type="checkbox" name="{name}" value="{key}"'
            f"{' checked' if key in chosen else ''}> {label}</label>"
            for key, label in choices
        )
    )


def person_labels():
    return {
        "name": (gettext("Naam"), "text"),
        "role": (gettext("Rol (bijvoorbeeld zus, huisarts, buurman)"), "text"),
        "phone": (gettext("Telefoonnummer"), "tel"),
        "when": (gettext("Wanneer neem je contact op?"), "text"),
    }


def _posted_people(post):
    """The people rows as typed, in their places, so an error shows next to the row it belongs to."""
    rows = [{key: post.get(f"people-{i}-{key}", "") for key in PERSON_KEYS} for i in range(MAX_PEOPLE)]
    while rows and not any(v.strip() for v in rows[-1].values()):
        rows.pop()
    return rows


def _people_rows(people, errors):
    """Every person typed so far plus at least one empty row (three when the list is short)."""
    rows = list(people or [])
    rows += [{}] * max(1, 3 - len(rows))
    labels = person_labels()
    result = []
    for index, person in enumerate(rows[:MAX_PEOPLE]):
        inputs = []
        for key in PERSON_KEYS:
            name = f"people-{index}-{key}"
            label, kind = labels[key]
            inputs.append(
                {
                    "name": name,
                    "label": label,
                    "type": kind,
                    "value": person.get(key, ""),
                    "error": errors.get(name),
                }
            )
        result.append({"number": index + 1, "inputs": inputs})
    return result


def field_rows(section, data, errors, nudges, post=None):
    """What the template needs per field: the field, its value, its error and a gentle hint."""
    words = _field_words(section)
    rows = []
    for field in section.fields:
        value = data.get(field.key)
        row = {
            "field": field,
            "value": value if value is not None else "",
            "error": errors.get(field.key),
            "nudge": nudges.get(field.key, ""),
        }
        if field.kind in ("text", "lines"):
            row.update(words[field.key])
        if field.kind in ("approaches", "cards"):
            row["choices_html"] = _choices_html(field, words[field.key]["choices"], value)
        if field.kind == "people":
            row["people"] = _people_rows(_posted_people(post) if post else value, errors)
            row["room_for_more"] = len(row["people"]) < MAX_PEOPLE
        if field.kind == "date" and value and value < timezone.localdate().isoformat():
            row["warning"] = gettext(
                "Deze dag is al voorbij. Kies een nieuwe dag om het plan samen te bekijken."
            )
        rows.append(row)
    return rows


def error_summary(section, errors):
    """The error summary at the top of the form: each message links to the field it is about."""
    labels = {f.key: f.label for f in section.fields}
    people = person_labels()
    summary = []
    for name, message in errors.items():
        if name in labels:
            summary.append({"anchor": f"f-{name}", "label": labels[name], "message": message})
        else:
            _prefix, number, key = name.split("-", 2)
            label = f"{gettext('Persoon')} {int(number) + 1}: {people[key][0]}"
            summary.append({"anchor": name, "label": label, "message": message})
    return summary


def grouped(section, rows):
    """Phases: signals split into "what I notice" and "what others notice", then the actions.

    Other parts: the essential fields, then the optional ones folded under "Meer invullen".
    """
    if not section.phase:
        if section.optional:
            return [{"legend": None, "rows": rows}]
        essential = [r for r in rows if not r["field"].optional]
        groups = [{"legend": None, "rows": essential}]
        optional = [r for r in rows if r["field"].optional]
        if optional:
            # Folded away, unless it holds text or an error: nothing anyone wrote is hidden.
            is_open = any(r["error"] or not content.is_empty(r["value"]) for r in optional)
            groups.append({"legend": None, "rows": optional, "optional": True, "open": is_open})
        return groups
    groups = []
    for key, label in guidance().perspectives:
        signals = [r for r in rows if r["field"].key.startswith(key + "_")]
        first = signals[0]["field"]
        groups.append(
            {"key": key, "legend": label, "rows": signals, "help": first.help, "example": first.example}
        )
    actions = [r for r in rows if r["field"].group == "actions"]
    groups.append({"key": "actions", "legend": gettext("Wie doet wat?"), "rows": actions})
    return groups
