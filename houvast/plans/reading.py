"""What a read-only rendering of a plan needs: the phone view, the share view and the PDFs use it."""

from contextlib import contextmanager

from django.utils import translation

from .content import display, key_people, lines, phase_summary
from .guidance import guidance

POCKET_SIGNALS = 2
POCKET_ACTIONS = 2
POCKET_NAASTEN = 1
POCKET_PEOPLE = 2


@contextmanager
def plan_language(plan):
    """Render in the plan's own language, whatever the reader's interface language is."""
    with translation.override(plan.language or "nl"):
        yield


def _signals(section, data, perspective):
    return [
        line
        for f in section.fields
        if f.group == "signals" and f.key.startswith(perspective + "_")
        for line in lines(data.get(f.key))
    ]


def bands(plan_data):
    """The signaleringsplan: all four phases in order, each with its signals and who does what.

    Every phase is there, filled or not, so "Fase 3" is always the third band.
    """
    result = []
    for p in phase_summary(plan_data):
        section = p["section"]
        data = plan_data.get(section.key, {})
        band = {
            "section": section,
            "anchor": "crisis" if section.phase == "crisis" else f"fase-{section.phase}",
            "my_signals": _signals(section, data, "self"),
            "others_signals": _signals(section, data, "others"),
            "my_actions": lines(data.get("my_actions")),
            "naasten_actions": lines(data.get("naasten_actions")),
            "professional_actions": lines(data.get("professional_actions")),
        }
        band["empty"] = not any(v for k, v in band.items() if k not in ("section", "anchor"))
        result.append(band)
    return result


def gp_post_phone(plan_data):
    return (plan_data.get("safety", {}).get("gp_post") or "").strip()


def crisis_numbers(plan_data):
    """The numbers everyone needs, with the patient's own huisartsenpost number filled in.

    `tel` is the number for a tel: link (no spaces or dashes)."""
    own = gp_post_phone(plan_data)
    result = []
    for number in guidance().crisis_numbers:
        phone = (own or number["phone"]) if number["key"] == "hap" else number["phone"]
        tel = phone.replace("-", "").replace(" ", "") if phone else ""
        result.append({**number, "phone": phone, "tel": tel, "missing": not phone and number["key"] == "hap"})
    return result


def read_context(plan, data=None):
    """`data` is the plan's current contents unless a version's contents are given."""
    data = plan.data() if data is None else data
    parts = display(data)
    phases = phase_summary(data)
    return {
        "plan": plan,
        "parts": [p for p in parts if not p["empty"]],
        "other_parts": [p for p in parts if not p["empty"] and not p["section"].phase],
        "empty_parts": [p for p in parts if p["empty"]],
        "phases": phases,
        "bands": bands(data),
        "crisis_phase": next((p for p in phases if p["section"].phase == "crisis"), None),
        "people": key_people(data),
        "phone_people": [p for p in key_people(data) if p.get("phone")],
        "crisis_numbers": crisis_numbers(data),
        "latest_version": plan.versions.first(),
    }


def pocket_context(plan):
    """The pocket card: per phase the first signals, first actions and what naasten do; the numbers."""
    context = read_context(plan)
    context["pocket_people"] = context["phone_people"][:POCKET_PEOPLE]
    context["pocket_phases"] = [
        {
            "section": b["section"],
            "signals": b["my_signals"][:POCKET_SIGNALS] or b["others_signals"][:POCKET_SIGNALS],
            "actions": b["my_actions"][:POCKET_ACTIONS],
            "naasten": b["naasten_actions"][:POCKET_NAASTEN],
        }
        for b in context["bands"]
    ]
    return context
