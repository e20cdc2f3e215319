"""The builder: an overview of the plan and one page per part, with autosave while typing."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from houvast.lib.dates import day_month_year_time

from . import content
from .addresses import PlanAddresses
from .editing import Conflict, parse_section, save_section
from .guidance import builder_order, get_section
from .models import AccessLog
from .overview import overview
from .part_form import error_summary, field_rows, grouped
from .permissions import OWNER, PATIENT, can_write, get_plan_for_user, log_access
from .reading import crisis_numbers


def _wants_json(request):
    return request.headers.get("X-Requested-With") == "fetch"


@login_required
def builder(request, plan_id):
    """The whole plan at a glance: which parts are filled, and which essential elements are still empty."""
    plan = get_plan_for_user(request.user, plan_id)
    # One query for all parts: their contents and who changed each last (no user objects needed).
    rows = plan.sections.values_list("key", "data", "updated", "updated_by__name", "updated_by__email")
    data, changed = {}, {}
    for key, part_data, updated, name, email in rows:
        data[key] = part_data
        if name or email:
            changed[key] = (name or email, updated)  # User.display_name
    log_access(plan, request.user, AccessLog.Action.VIEW)
    professional = plan.role != PATIENT
    saved = get_section(request.GET.get("bewaard", ""))
    addresses = PlanAddresses(plan)
    parts, elements = overview(data, changed, addresses, professional, saved.key if saved else "")
    empty = [e for e in elements if not e["filled"]]
    optional_parts = [p for p in parts if p["section"].optional]
    next_part = _next_part(parts)
    return render(
        request,
        "plans/builder.html",
        {
            "plan": plan,
            "addresses": addresses,
            "essential_parts": [p for p in parts if not p["section"].optional],
            "optional_parts": optional_parts,
            # Folded away, unless something is written there (nothing anyone wrote is hidden).
            "optional_open": any(not p["empty"] for p in optional_parts) or (saved and saved.optional),
            "elements": elements,
            "empty_elements": empty,
            "empty_names": ", ".join(e["name"] for e in empty),
            "crisis_numbers": crisis_numbers(data),
            "next_part": next_part,
            "next_part_name": _name(next_part, professional) if next_part else "",
            "next_part_url": addresses.part(next_part.key) if next_part else "",
            "review_past": plan.review_date and plan.review_date < timezone.localdate(),
            "can_write": can_write(plan),
            "is_owner": plan.role == OWNER,
            "is_professional": professional,
            "versions": plan.versions.exists(),  # only "is there one?": a version's contents are large
        },
    )


def _name(section, professional):
    """Clinicians read a part's clinical title; the patient its plain name."""
    return section.title if professional else section.patient_heading


def _next_part(parts):
    """The first empty essential part; once the essentials are there, the next step is to agree the plan."""
    return next((p["section"] for p in parts if p["empty"] and not p["section"].optional), None)


def _neighbours(section):
    """The parts before and after this one in the builder's order: the essentials first."""
    order = builder_order()
    index = order.index(section)
    previous = order[index - 1] if index > 0 else None
    following = order[index + 1] if index + 1 < len(order) else None
    return previous, following


def _conflict_context(plan, section, row):
    return {
        "plan": plan,
        "section": section,
        "their_version": row.version,
        "theirs": [
            {"field": f, "lines": content.field_as_lines(f, row.data.get(f.key))} for f in section.fields
        ],
        "updated_by": row.updated_by.display_name if row.updated_by else "",
        "updated": row.updated,
    }


def _stored_parts(plan, keys):
    """{key: (data, version, who changed it last, when)} for the parts in `keys`, in one query."""
    rows = plan.sections.filter(key__in=keys).values_list(
        "key", "data", "version", "updated", "updated_by__name", "updated_by__email"
    )
    return {key: (data, version, name or email, updated) for key, data, version, updated, name, email in rows}


def _safety_data(plan):
    return plan.sections.filter(key="safety").values_list("data", flat=True).first() or {}


def _render_part(
    request,
    plan,
    section,
    data,
    version,
    errors=None,
    conflict=None,
    status=200,
    changed=None,
    post=None,
    safety=None,
):
    """`changed` is (who, when) the stored part was last changed; `safety` the stored safety part, when
    the caller has it (the crisis numbers need its huisartsenpost number)."""
    errors = errors or {}
    with_numbers = section.key in ("safety", "phase_crisis")
    if with_numbers and safety is None:
        safety = _safety_data(plan)
    nudges = content.nudges_for(section, data)
    rows = field_rows(section, data, errors, nudges, post)
    previous, following = _neighbours(section)
    context = {
        "plan": plan,
        "section": section,
        "groups": grouped(section, rows),
        "version": version,
        "errors": errors,
        "error_summary": error_summary(section, errors),
        "signals_nudge": nudges.get("signals", ""),
        "crisis_numbers": crisis_numbers({"safety": safety}) if with_numbers else (),
        "is_professional": plan.role != PATIENT,
        "previous": previous,
        "following": following,
        "previous_name": _name(previous, plan.role != PATIENT) if previous else "",
        "following_name": _name(following, plan.role != PATIENT) if following else "",
        "conflict": conflict,
        "changed": (
            gettext("Laatst aangepast door %(name)s op %(date)s")
            % {"name": changed[0], "date": day_month_year_time(changed[1])}
            if changed and changed[0]
            else ""
        ),
    }
    return render(request, "plans/part.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def part(request, plan_id, key):
    """Edit one part. A POST with a stale `version` is refused with 409 and shows both texts."""
    section = get_section(key)
    if section is None:
        raise Http404
    plan = get_plan_for_user(request.user, plan_id, write=True)
    if request.method == "GET":
        # The part and, for the crisis numbers, the safety part: one query, no user objects.
        stored = _stored_parts(plan, (key, "safety") if key == "phase_crisis" else (key,))
        data, version, who, when = stored.get(key) or ({}, 0, "", None)
        safety = (stored.get("safety") or ({},))[0]
        log_access(plan, request.user, AccessLog.Action.VIEW, detail=f"part={section.key}")
        return _render_part(request, plan, section, data, version, changed=(who, when), safety=safety)

    data, errors = parse_section(section, request.POST)
    base_version = _base_version(request.POST)
    if errors:
        if _wants_json(request):
            return JsonResponse({"errors": errors}, status=400)
        return _render_part(
            request, plan, section, data, base_version, errors=errors, status=400, post=request.POST
        )
    try:
        row = save_section(plan, section, data, base_version, request.user)
    except Conflict as conflict:
        row = conflict.section
        context = _conflict_context(plan, section, row)
        if _wants_json(request):
            html = render_to_string("plans/_conflict.html", context, request=request)
            return JsonResponse({"conflict": True, "version": row.version, "html": html}, status=409)
        # The form keeps the version the person started from, so a plain "Bewaren" conflicts again;
        # only the explicit choice "Mijn tekst bewaren" carries the version it may overwrite.
        return _render_part(request, plan, section, data, base_version, conflict=context, status=409)
    _log_edit(plan, request.user, section)
    if _wants_json(request):
        nudges = {k: str(v) for k, v in content.nudges_for(section, data).items()}
        return JsonResponse({"version": row.version, "nudges": nudges})
    if "next" in request.POST:
        _previous, following = _neighbours(section)
        if following:
            return redirect("plans:part", plan.pk, following.key)
    if any(field.kind == "people" for field in section.fields):
        # Back to the same part: it now has an empty row for one more person.
        messages.success(request, gettext("Bewaard. Er staat nu een lege regel klaar voor nog iemand."))
        return redirect("plans:part", plan.pk, section.key)
    return redirect(reverse("plans:builder", args=[plan.pk]) + f"?bewaard={section.key}#part-{section.key}")


def _base_version(post):
    """The version the edit starts from: the form's, or the one the person chose to overwrite."""
    try:
        return int(post.get("overwrite") or post.get("version", ""))
    except ValueError:
        return -1


def _log_edit(plan, user, section):
    """One log line per person and part per quarter of an hour, so autosave does not flood the log."""
    recent = plan.log.filter(
        actor=user,
        action=AccessLog.Action.EDIT,
        detail=f"part={section.key}",
        at__gte=timezone.now() - timedelta(minutes=15),
    )
    if not recent.exists():
        log_access(plan, user, AccessLog.Action.EDIT, detail=f"part={section.key}")
