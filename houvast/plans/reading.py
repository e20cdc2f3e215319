"""What a read-only rendering of a plan needs: the phone view, the share view and the PDFs use it."""

from contextlib import contextmanager

from django.utils import translation

from .content import display, key_people, phase_summary
from .guidance import guidance

POCKET_SIGNALS = 3
POCKET_ACTIONS = 3


@contextmanager
def plan_language(plan):
    """Render in the plan's own language, whatever the reader's interface language is."""
    with translation.override(plan.language or "nl"):
        yield


def read_context(plan, data=None):
    """`data` is the plan's current contents unless a version's contents are given."""
    data = plan.data() if data is None else data
    parts = display(data)
    phases = phase_summary(data)
    return {
        "plan": plan,
        "parts": [p for p in parts if not p["empty"]],
        "empty_parts": [p for p in parts if p["empty"]],
        "phases": phases,
        "crisis_phase": next((p for p in phases if p["section"].phase == "crisis"), None),
        "people": key_people(data),
        "crisis_numbers": guidance().crisis_numbers,
        "latest_version": plan.versions.first(),
    }


def pocket_context(plan):
    """The pocket card: per phase the first signals and first actions, and the numbers to call."""
    context = read_context(plan)
    context["pocket_phases"] = [
        {
            "section": p["section"],
            "signals": p["signals"][:POCKET_SIGNALS],
            "actions": (p["actions"] or p["others"])[:POCKET_ACTIONS],
        }
        for p in context["phases"]
    ]
    return context
