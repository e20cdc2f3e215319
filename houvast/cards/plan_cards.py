"""Adding chosen cards to a patient's plan (part "coping", field "cards").

The plans app saves and logs the change itself (`save_section`, `log_access`), so the part's
version goes up and the access log shows who added the cards, as with any other edit.
"""

from houvast.plans.editing import Conflict, get_section_row, save_section
from houvast.plans.guidance import get_section
from houvast.plans.models import AccessLog
from houvast.plans.permissions import can_write, log_access, plans_for_user, role_of

SECTION_KEY, FIELD_KEY = "coping", "cards"


def writable_plans(user):
    """The plans this user may change, by patient name."""
    plans = []
    for plan in plans_for_user(user).select_related("team").order_by("patient_name"):
        plan.role = role_of(user, plan)
        if can_write(plan):
            plans.append(plan)
    return plans


def add_cards(plan, slugs, user):
    """Add the cards the plan does not hold yet; return how many were new.

    When someone saves the same part at the same moment, the save is tried once more on their
    version; a second clash raises the plans app's Conflict.
    """
    section = get_section(SECTION_KEY)
    for attempt in range(2):
        row = get_section_row(plan, SECTION_KEY)
        data = dict(row.data) if row else {}
        current = list(data.get(FIELD_KEY) or [])
        new = [slug for slug in dict.fromkeys(slugs) if slug not in current]
        if not new:
            return 0
        data[FIELD_KEY] = current + new
        try:
            save_section(plan, section, data, row.version if row else 0, user)
        except Conflict:
            if attempt:
                raise
            continue
        log_access(plan, user, AccessLog.Action.EDIT, detail=str(section.title))
        return len(new)
