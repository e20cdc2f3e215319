"""The one place that answers: may this user see (or change, or manage) this plan? Otherwise 404."""

import functools
import uuid

from django.db import connection
from django.db.models import Q
from django.http import Http404

from houvast.accounts.models import Membership
from houvast.lib.sql import column, table

from .models import AccessLog, Plan

OWNER, COLLEAGUE, PATIENT = "owner", "colleague", "patient"


def plans_for_user(user):
    """Plans the user may open: their own and shared ones in teams they are in, or their own as patient."""
    if not user.is_authenticated:
        return Plan.objects.none()
    # Every branch of the OR is an index lookup (owner, id, patient) and the database combines them
    # (PostgreSQL: a BitmapOr). With a subquery in one branch, PostgreSQL read every plan of the service
    # for each list page and count (10 ms at 100,000 plans, growing with the service). No duplicate rows:
    # no DISTINCT, a cheap COUNT.
    teams = Membership.objects.filter(user=user).values("team_id")
    # The plans shared with the user as a list of ids (few), so that the branch is an index lookup.
    shared = list(Plan.colleagues.through.objects.filter(user=user).values_list("plan_id", flat=True))
    professional = (Q(owner=user) | Q(pk__in=shared)) & Q(team_id__in=teams)
    return Plan.objects.filter(professional | Q(patient=user))


def plan_kinds_sql(user, words=()):
    """The rule of plans_for_user() in SQL, for the plan list (listing.py): three WHERE clauses on the plan
    table, each with its parameters, that never overlap: the user's own plans, plans colleagues shared
    with them, and their own plan as a patient. Each is an index lookup the list can read in order.
    `words` must all be in the patient's (folded) name. Written out instead of built with the ORM: building
    these three queries cost more than running them on a page of 10,000 plans."""
    if not user.is_authenticated:
        return []
    membership, colleagues = Membership, Plan.colleagues.through
    plan_team, owner, patient = column(Plan, "team"), column(Plan, "owner"), column(Plan, "patient")
    teams = (
        f"SELECT {column(membership, 'team')} FROM {table(membership)} "
        f"WHERE {column(membership, 'user')} = %s"
    )
    own = f"({owner} = %s AND {plan_team} IN ({teams}))"
    shared_ids = (
        f"SELECT {column(colleagues, 'plan')} FROM {table(colleagues)} "
        f"WHERE {column(colleagues, 'user')} = %s"
    )
    shared = f"({column(Plan, 'id')} IN ({shared_ids}) AND {plan_team} IN ({teams}))"
    user_ids = [user.pk, user.pk]
    kinds = [
        (own, user_ids),
        (f"{shared} AND NOT {own}", user_ids * 2),
        (f"{patient} = %s AND NOT {own} AND NOT {shared}", [user.pk, *user_ids * 2]),
    ]
    for word in words:
        contains = f"{column(Plan, 'search_name')} {connection.operators['contains']}"
        pattern = f"%{connection.ops.prep_for_like_query(word)}%"
        kinds = [(f"{where} AND {contains}", [*params, pattern]) for where, params in kinds]
    return kinds


def role_of(user, plan):
    if not user.is_authenticated:
        return None
    in_team, shared = _in_team_and_shared(user, plan)
    if in_team and plan.owner_id == user.pk:
        return OWNER
    if in_team and shared:
        return COLLEAGUE
    if plan.patient_id == user.pk:
        return PATIENT
    return None


def _in_team_and_shared(user, plan):
    """(is the user in the plan's team, did the owner share the plan with them), in one statement.

    Asked on every plan page; with the ORM these were two queries and ~0.15 ms of building them."""
    plan_id = Plan._meta.pk.get_db_prep_value(plan.pk, connection)
    with connection.cursor() as cursor:
        cursor.execute(_in_team_and_shared_sql(connection.vendor), [plan.team_id, user.pk, plan_id, user.pk])
        in_team, shared = cursor.fetchone()
    return bool(in_team), bool(shared)


@functools.cache
def _in_team_and_shared_sql(vendor):
    """`SELECT EXISTS (membership), EXISTS (colleague)`, written once per process from the models' tables."""
    membership, colleagues = Membership, Plan.colleagues.through
    return (
        f"SELECT EXISTS (SELECT 1 FROM {table(membership)} "
        f"WHERE {column(membership, 'team')} = %s AND {column(membership, 'user')} = %s), "
        f"EXISTS (SELECT 1 FROM {table(colleagues)} "
        f"WHERE {column(colleagues, 'plan')} = %s AND {column(colleagues, 'user')} = %s)"
    )


def get_plan_for_user(
    user, plan_id, write=False, manage=False, patient_only=False, owner_only=False, owner_or_patient=False
):
    """Return the plan with `.role` set, or raise Http404.

    `write`: may change the contents (professionals; the patient when allowed).
    `manage`: professionals only (invite, settings, vaststellen, delete).
    `patient_only`: the patient only (sharing with naasten, downloading their data).
    `owner_only`: the professional who made the plan (colleagues' access, deleting).
    `owner_or_patient`: the two people the plan is about (downloading the access log).
    """
    try:
        # The team is on most pages and in every log line; owner and patient are read where a page needs them.
        plan = Plan.objects.select_related("team").get(pk=uuid.UUID(str(plan_id)))
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    role = role_of(user, plan)
    if role is None:
        raise Http404
    if manage and role == PATIENT:
        raise Http404
    if patient_only and role != PATIENT:
        raise Http404
    if owner_only and role != OWNER:
        raise Http404
    if owner_or_patient and role not in (OWNER, PATIENT):
        raise Http404
    if write and role == PATIENT and not plan.patient_can_edit:
        raise Http404
    plan.role = role
    return plan


def can_write(plan):
    return plan.role in (OWNER, COLLEAGUE) or (plan.role == PATIENT and plan.patient_can_edit)


ROLE_IN_LOG = {
    OWNER: AccessLog.Role.CLINICIAN,
    COLLEAGUE: AccessLog.Role.CLINICIAN,
    PATIENT: AccessLog.Role.PATIENT,
}
SHARE_ACTIONS = {AccessLog.Action.SHARE_VIEW, AccessLog.Action.SHARE_FAILED}
EXPORT_ACTIONS = {
    AccessLog.Action.PDF,
    AccessLog.Action.CARD,
    AccessLog.Action.FHIR,
    AccessLog.Action.EXPORT,
    AccessLog.Action.LOG_EXPORT,
}


def log_access(plan, user, action, on_behalf_of=None, detail="", actor_label="", role=None, source=None):
    """Append one line to the plan's access log (NEN 7513); every plan view calls this.

    The role (behandelaar, patiënt, naaste, beheerder) follows from how the plan was opened and the
    source (web, share link, export, system) from the action, unless given.
    """
    on_behalf_of = on_behalf_of or ""
    if not actor_label:
        actor_label = user.display_name if user is not None and user.is_authenticated else "?"
    if not on_behalf_of and getattr(plan, "role", None) in (OWNER, COLLEAGUE):
        on_behalf_of = plan.team.name
    if role is None:
        share = action in SHARE_ACTIONS
        role = AccessLog.Role.RELATIVE if share else ROLE_IN_LOG.get(getattr(plan, "role", None), "")
    if source is None:
        if action in SHARE_ACTIONS:
            source = AccessLog.Source.SHARE_LINK
        elif action in EXPORT_ACTIONS:
            source = AccessLog.Source.EXPORT
        else:
            source = AccessLog.Source.WEB
    return AccessLog.objects.create(
        plan=plan,
        plan_uuid=plan.pk,
        plan_label=plan.patient_name[:200],
        actor=user if user is not None and user.is_authenticated else None,
        actor_label=actor_label[:200],
        actor_role=role,
        on_behalf_of=on_behalf_of[:200],
        source=source,
        action=action,
        detail=detail[:200],
    )


log = log_access
