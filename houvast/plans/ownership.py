"""Who answers for a plan: when its clinician leaves the team, the plans go to a colleague who stays."""

from .models import AccessLog, Plan
from .permissions import log_access


def owned_plans(team, user):
    return Plan.objects.filter(team=team, owner=user)


def transfer_plans(team, from_user, to_user, by_user, role=AccessLog.Role.ADMIN):
    """Give every plan `from_user` owns in `team` to `to_user`; each plan's log says who did it."""
    plans = list(owned_plans(team, from_user).select_related("team"))
    detail = f"{from_user.display_name} → {to_user.display_name}"
    for plan in plans:
        Plan.objects.filter(pk=plan.pk, owner=from_user).update(owner=to_user)
        plan.colleagues.remove(to_user)
        log_access(plan, by_user, AccessLog.Action.TRANSFER, detail=detail, role=role, on_behalf_of=team.name)
    return len(plans)
