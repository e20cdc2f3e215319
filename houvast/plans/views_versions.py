"""Vaststellen (an agreed version), the list of versions, reading one and comparing two side by side."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

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
    page = Paginator(plan.versions.defer("data"), VERSIONS_PER_PAGE).get_page(request.GET.get("pagina"))
    numbers = list(plan.versions.values_list("number", flat=True))
    return render(
        request,
        "plans/versions.html",
        {
            "plan": plan,
            "page": page,
            "versions": page.object_list,
            "can_agree": plan.role != PATIENT,
            "old_options": _version_options(numbers, numbers[0] if numbers else None),
            "new_options": _version_options(numbers, None),
        },
    )


def _version_options(numbers, selected):
    """The <option>s of a compare menu, built in Python: a plan may have a thousand versions.

    The numbers are integers from the database, so only the translated label needs escaping, once.
    """
    label = escape(gettext("Versie %(number)s"))
    return mark_safe(  # noqa: S308 - integers and one escaped label
        "".join(
            f'<option value="{n}"{" selected" if n == selected else ""}>{label % {"number": n}}</option>'
            for n in numbers
            if isinstance(n, int)
        )
    )


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


def _side(plan, value):
    """A version number or "nu" (the current contents) as (label, data)."""
    if value == CURRENT:
        return gettext("Nu (nog niet vastgesteld)"), plan.data()
    version = _get_version(plan, value)
    return gettext("Versie %(number)s van %(date)s") % {
        "number": version.number,
        "date": version.agreed_at.strftime("%d-%m-%Y"),
    }, version.data


@login_required
def compare(request, plan_id):
    """Two versions side by side: what was added, changed and removed."""
    plan = get_plan_for_user(request.user, plan_id)
    old_label, old_data = _side(plan, request.GET.get("van", ""))
    new_label, new_data = _side(plan, request.GET.get("naar", CURRENT))
    changes = diff.compare(old_data, new_data)
    log_access(
        plan,
        request.user,
        AccessLog.Action.VERSION_VIEW,
        detail=f"{request.GET.get('van', '')} ↔ {request.GET.get('naar', CURRENT)}",
    )
    return render(
        request,
        "plans/compare.html",
        {
            "plan": plan,
            "old_label": old_label,
            "new_label": new_label,
            "changes": changes,
            "counts": diff.summary(changes),
            "van": request.GET.get("van", ""),
            "naar": request.GET.get("naar", CURRENT),
        },
    )
