"""What the builder's overview shows: per part its filled fields, who changed it last, where to edit it.

The words that come from the content file and the catalogue (part names, field labels, intros, "… bewerken")
are worked out once per language and reader (clinician or patient) and kept per process. What is written
in the plan is read per request and never kept.
"""

from dataclasses import dataclass
from html import escape

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from houvast.lib.dates import day_month_year_time

from .content import field_as_lines, is_empty
from .guidance import builder_order, guidance


@dataclass(frozen=True)
class PartWords:
    key: str
    section: object
    name: str  # the clinician reads the clinical title, the patient the plain heading
    patient_heading: str
    intro: str
    edit_label: str
    saved_message: str
    fields: tuple  # (field, label escaped for HTML)


_words = {}  # (language, professional) → (guidance, parts in builder order, elements)


def _part_words(professional):
    """The overview's words per part and the seven elements as (name, first part key), in the active
    language; rebuilt when the content is loaded again."""
    content = guidance()
    key = (translation.get_language(), professional)
    cached = _words.get(key)
    if cached is None or cached[0] is not content:
        parts = []
        for section in builder_order():
            name = str(section.title if professional else section.patient_heading)
            parts.append(
                PartWords(
                    key=section.key,
                    section=section,
                    name=name,
                    patient_heading=str(section.patient_heading),
                    intro=str(section.intro),
                    edit_label=gettext("%(title)s bewerken") % {"title": name},
                    saved_message=gettext("Bewaard: alles wat je bij %(title)s schreef, staat in het plan.")
                    % {"title": name},
                    fields=tuple((f, escape(str(f.label))) for f in section.fields),
                )
            )
        elements = tuple(
            (
                element,
                str(name),
                tuple(s.key for s in content.sections if s.element == element),
            )
            for element, name in content.elements
        )
        cached = _words[key] = (content, tuple(parts), elements)
    return cached[1], cached[2]


def _field_html(label, field, lines):
    """A filled field as the overview shows it: its label, then one line of text as it is or a list.

    Written here rather than by template loops: a full plan has ~60 fields of a few lines each, and those
    loops cost more than the rest of the page. The label comes escaped; every line is escaped here.
    """
    if len(lines) == 1 and field.kind == "text":
        return f"<dt>{label}</dt><dd>{escape(lines[0])}</dd>"
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f"<dt>{label}</dt><dd><ul>{items}</ul></dd>"


def overview(plan_data, changed, addresses, professional, saved_key=""):
    """(parts, elements) for the overview: each part with only its filled fields.

    `changed` holds per part key who changed it last and when, as (name, datetime).
    """
    words, element_words = _part_words(professional)
    updated_by = gettext("Laatst aangepast door %(name)s op %(date)s")
    parts = []
    for part in words:
        data = plan_data.get(part.key) or {}
        fields = []
        for field, label in part.fields:
            value = data.get(field.key)
            if is_empty(value):
                continue
            fields.append(_field_html(label, field, field_as_lines(field, value)))
        who = changed.get(part.key)
        parts.append(
            {
                "words": part,
                "section": part.section,
                "empty": not fields,
                "fields_html": mark_safe("\n".join(fields)),  # noqa: S308 - escaped in _field_html
                "url": addresses.part(part.key),
                "saved": part.key == saved_key,
                "updated_by": (
                    updated_by % {"name": who[0], "date": day_month_year_time(who[1])} if who else ""
                ),
            }
        )
    filled = {p["words"].key for p in parts if not p["empty"]}
    elements = [
        {
            "key": element,
            "name": name,
            "filled": any(key in filled for key in keys),
            "section": keys[0] if keys else "",
            "url": addresses.part(keys[0]) if keys else "",
        }
        for element, name, keys in element_words
    ]
    return parts, elements
