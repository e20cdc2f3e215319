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

from . import content
from .addresses import PlanAddresses
from .editing import PERSON_KEYS, Conflict, get_section_row, parse_section, save_section
from .guidance import MAX_PEOPLE, builder_order, get_section, guidance
from .models import AccessLog
from .overview import overview
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


def _person_labels():
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
    labels = _person_labels()
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


def _field_rows(section, data, errors, nudges, post=None):
    """What the template needs per field: the field, its value, its error and a gentle hint."""
    rows = []
    for field in section.fields:
        value = data.get(field.key)
        row = {
            "field": field,
            "value": value if value is not None else "",
            "error": errors.get(field.key),
            "nudge": nudges.get(field.key, ""),
        }
        if field.kind == "lines":
            row["count"] = len(content.lines(value))
        if field.kind == "approaches":
            row["choices"] = guidance().approaches
        if field.kind == "cards":
            row["choices"] = content.card_choices()
        if field.kind == "people":
            row["people"] = _people_rows(_posted_people(post) if post else value, errors)
            row["room_for_more"] = len(row["people"]) < MAX_PEOPLE
        if field.kind == "date" and value and value < timezone.localdate().isoformat():
            row["warning"] = gettext(
                "Deze dag is al voorbij. Kies een nieuwe dag om het plan samen te bekijken."
            )
        rows.append(row)
    return rows


def _error_summary(section, errors):
    """The error summary at the top of the form: each message links to the field it is about."""
    labels = {f.key: f.label for f in section.fields}
    people = _person_labels()
    summary = []
    for name, message in errors.items():
        if name in labels:
            summary.append({"anchor": f"f-{name}", "label": labels[name], "message": message})
        else:
            _prefix, number, key = name.split("-", 2)
            label = f"{gettext('Persoon')} {int(number) + 1}: {people[key][0]}"
            summary.append({"anchor": name, "label": label, "message": message})
    return summary


def _grouped(section, rows):
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


def _render_part(
    request, plan, section, data, version, errors=None, conflict=None, status=200, row=None, post=None
):
    errors = errors or {}
    nudges = content.nudges_for(section, data)
    rows = _field_rows(section, data, errors, nudges, post)
    previous, following = _neighbours(section)
    context = {
        "plan": plan,
        "section": section,
        "groups": _grouped(section, rows),
        "version": version,
        "errors": errors,
        "error_summary": _error_summary(section, errors),
        "signals_nudge": nudges.get("signals", ""),
        "crisis_numbers": crisis_numbers(plan.data()) if section.key in ("safety", "phase_crisis") else (),
        "is_professional": plan.role != PATIENT,
        "previous": previous,
        "following": following,
        "previous_name": _name(previous, plan.role != PATIENT) if previous else "",
        "following_name": _name(following, plan.role != PATIENT) if following else "",
        "conflict": conflict,
        "row": row,
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
        row = get_section_row(plan, key)
        log_access(plan, request.user, AccessLog.Action.VIEW, detail=f"part={section.key}")
        return _render_part(
            request, plan, section, row.data if row else {}, row.version if row else 0, row=row
        )

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
