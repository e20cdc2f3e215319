"""Vaststellen (an agreed version), the list of versions, reading one and comparing two side by side."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_http_methods

from houvast.lib.dates import day_month_year_time
from houvast.lib.ids import parse_id

from . import content, diff
from .forms import VersionForm
from .models import AccessLog, PlanVersion
from .permissions import PATIENT, get_plan_for_user, log_access

CURRENT = "nu"
VERSIONS_PER_PAGE = 25


@login_required
@require_http_methods(["GET", "POST"])
def agree(request, plan_id):
    """Record the current contents as the version patient and clinician agree on."""
    plan = get_plan_for_user(request.user, plan_id, manage=True)
    data = plan.data()
    empty = content.empty_elements(data)
    initial = {"professional_name": request.user.display_name, "patient_name": plan.patient_name}
    form = VersionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and not empty and form.is_valid():
        version = _create_version(plan, data, form.cleaned_data)
        log_access(plan, request.user, AccessLog.Action.VERSION, detail=str(version.number))
        messages.success(request, gettext("Versie %s is vastgesteld.") % version.number)
        return redirect("plans:versions", plan.pk)
    if request.method == "GET":
        log_access(plan, request.user, AccessLog.Action.VIEW, detail=gettext("vaststellen"))
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/agree.html", {"plan": plan, "form": form, "empty": empty}, status=status)


def _create_version(plan, data, cleaned):
    for _attempt in range(3):
        try:
            with transaction.atomic():
                last = plan.versions.aggregate(n=Max("number"))["n"] or 0
                return PlanVersion.objects.create(
                    plan=plan,
                    number=last + 1,
                    data=data,
                    professional_name=cleaned["professional_name"],
                    patient_name=cleaned["patient_name"],
                    note=cleaned["note"],
                )
        except IntegrityError:
            continue
    raise IntegrityError("could not number the version")


@login_required
def versions(request, plan_id):
    """The agreed versions, newest first, 25 to a page; the contents of a version are not read here."""
    plan = get_plan_for_user(request.user, plan_id)
    log_access(plan, request.user, AccessLog.Action.VIEW, detail=gettext("versies"))
    stats = plan.versions.aggregate(count=Count("pk"), latest=Max("number"))
    listed = PlanVersion.objects.filter(plan=plan).values_list(
        "number", "agreed_at", "professional_name", "patient_name", "note"
    )
    paginator = Paginator(listed, VERSIONS_PER_PAGE)
    paginator.count = stats["count"]  # known from the query above: no second COUNT
    page = paginator.get_page(request.GET.get("pagina"))
    version_url = _version_url(plan)
    label = gettext("Versie %(n)s")  # the msgid of version.html's heading, looked up once for all rows
    rows = [
        {
            "number": number,
            "label": label % {"n": number},
            "url": version_url(number),
            "agreed_at": day_month_year_time(agreed_at),
            "names": f"{professional} · {patient}",
            "note": note,
        }
        for number, agreed_at, professional, patient, note in page.object_list
    ]
    return render(
        request,
        "plans/versions.html",
        {
            "plan": plan,
            "page": page,
            "versions": rows,
            "can_agree": plan.role != PATIENT,
            "latest": stats["latest"],
            "compare": {"van": stats["latest"], "naar": ""},
        },
    )


def _version_url(plan):
    """The address of each version from one reverse(): they differ only in the number at the end."""
    prefix = reverse("plans:versions", args=[plan.pk])
    return lambda number: f"{prefix}{number}/"


def _get_version(plan, number):
    try:
        return plan.versions.get(number=int(number))
    except (PlanVersion.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


@login_required
def version_detail(request, plan_id, number):
    plan = get_plan_for_user(request.user, plan_id)
    version = _get_version(plan, number)
    log_access(plan, request.user, AccessLog.Action.VERSION_VIEW, detail=str(version.number))
    return render(
        request,
        "plans/version.html",
        {"plan": plan, "version": version, "parts": content.display(version.data)},
    )


def _side(plan, value, errors, name):
    """A version number, or nothing or "nu" for the current contents, as (label, data).

    A number that is no version of this plan gives a message in `errors[name]` instead.
    """
    if value == CURRENT or (not value and name == "naar"):
        return gettext("Nu (nog niet vastgesteld)"), plan.data()
    if not value:
        errors[name] = gettext("Vul het nummer van de oude versie in.")
        return None
    if not (value.isascii() and value.isdecimal()):
        errors[name] = gettext("Dit is geen nummer. Vul alleen cijfers in, zoals 3.")
        return None
    number = parse_id(value)
    version = plan.versions.filter(number=number).first() if number else None
    if version is None:
        latest = plan.versions.aggregate(n=Max("number"))["n"]
        errors[name] = (
            ngettext(
                "Er is geen versie %(number)s. Er is alleen versie 1.",
                "Er is geen versie %(number)s. Kies een nummer van 1 tot en met %(latest)s.",
                latest,
            )
            % {"number": value, "latest": latest}
            if latest
            else gettext("Er is nog geen versie vastgesteld.")
        )
        return None
    return gettext("Versie %(number)s van %(date)s") % {
        "number": version.number,
        "date": version.agreed_at.strftime("%d-%m-%Y"),
    }, version.data


@login_required
def compare(request, plan_id):
    """Two versions side by side: what was added, changed and removed.

    The numbers are typed (a plan may have a thousand versions, too many for a menu); a number that
    is no version of this plan shows the form again with what was typed and what to do.
    """
    plan = get_plan_for_user(request.user, plan_id)
    van, naar = request.GET.get("van", "").strip(), request.GET.get("naar", "").strip()
    errors = {}
    old = _side(plan, van, errors, "van")
    new = _side(plan, naar, errors, "naar")
    if errors:
        log_access(plan, request.user, AccessLog.Action.VIEW, detail=gettext("versies"))
        latest = plan.versions.aggregate(n=Max("number"))["n"]
        context = {"plan": plan, "errors": errors, "latest": latest, "compare": {"van": van, "naar": naar}}
        return render(request, "plans/compare.html", context, status=400)
    (old_label, old_data), (new_label, new_data) = old, new
    changes = diff.compare(old_data, new_data)
    log_access(plan, request.user, AccessLog.Action.VERSION_VIEW, detail=f"{van} ↔ {naar or CURRENT}")
    return render(
        request,
        "plans/compare.html",
        {
            "plan": plan,
            "old_label": old_label,
            "new_label": new_label,
            "changes": changes,
            "counts": diff.summary(changes),
            "van": van,
            "naar": naar or CURRENT,
        },
    )
