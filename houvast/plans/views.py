"""The plan list, making a plan, colleagues' access and deleting a plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from houvast.lib.emails import MailNotSent

from .access_log import delete_plan, deletion_notice
from .forms import ColleaguesForm, DeleteForm, PlanForm
from .listing import VisiblePlans
from .models import AccessLog, Plan
from .patient_emails import send_plan_deleted
from .permissions import get_plan_for_user, log_access
from .search import MAX_QUERY

PLANS_PER_PAGE = 25


def professional_required(view):
    """Logged in as a professional; a patient account gets a 404 like any other stranger."""

    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_professional:
            raise Http404
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@login_required
def plan_list(request):
    """The plans this person may open, last changed first, 25 to a page, searchable by the patient's name."""
    query = request.GET.get("zoek", "").strip()[:MAX_QUERY]
    page = Paginator(VisiblePlans(request.user, query), PLANS_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "plans/list.html",
        {
            "page": page,
            "plans": page.object_list,
            "query": query,
            "is_professional": request.user.is_professional,
        },
    )


@professional_required
@require_http_methods(["GET", "POST"])
def plan_create(request):
    form = PlanForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        plan = Plan.objects.create(
            team=form.cleaned_data["team"],
            owner=request.user,
            patient_name=form.cleaned_data["patient_name"],
            patient_email=form.cleaned_data["patient_email"],
            language=form.cleaned_data["language"],
        )
        plan = get_plan_for_user(request.user, plan.pk)
        log_access(plan, request.user, AccessLog.Action.CREATE)
        messages.success(request, gettext("Het plan is gemaakt. Vul het samen met de patiënt in."))
        return redirect("plans:builder", plan.pk)
    return render(request, "plans/create.html", {"form": form})


@professional_required
@require_http_methods(["GET", "POST"])
def plan_colleagues(request, plan_id):
    """The owner chooses which colleagues in the plan's team may open and change it."""
    plan = get_plan_for_user(request.user, plan_id, owner_only=True)
    form = ColleaguesForm(
        request.POST if request.method == "POST" else None,
        plan=plan,
        initial={"colleagues": plan.colleagues.all()},
    )
    if request.method == "POST" and form.is_valid():
        chosen = list(form.cleaned_data["colleagues"])
        plan.colleagues.set(chosen)
        names = ", ".join(user.display_name for user in chosen) or "-"
        log_access(plan, request.user, AccessLog.Action.SETTINGS, detail=gettext("collega's: %s") % names)
        messages.success(request, gettext("De toegang voor collega's is bewaard."))
        return redirect("plans:builder", plan.pk)
    log_access(plan, request.user, AccessLog.Action.VIEW, detail=gettext("toegang collega's"))
    return render(request, "plans/colleagues.html", {"plan": plan, "form": form})


@professional_required
@require_http_methods(["GET", "POST"])
def plan_delete(request, plan_id):
    """Delete a plan with its versions and shares, on the patient's request (AVG); the log stays."""
    plan = get_plan_for_user(request.user, plan_id, owner_only=True)
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        name = plan.patient_name
        notice = deletion_notice(plan, request.user)
        delete_plan(plan, request.user)
        messages.success(
            request,
            gettext(
                "Het plan van %s is verwijderd, met alle versies en deellinks. Het logboek blijft bewaard."
            )
            % name,
        )
        _tell_patient(request, notice)
        return redirect("plans:list")
    log_access(plan, request.user, AccessLog.Action.VIEW, detail=gettext("verwijderen"))
    return render(request, "plans/delete.html", {"plan": plan, "form": form})


def _tell_patient(request, notice):
    if notice is None:
        messages.info(request, gettext("Er is geen e-mailadres van de patiënt, dus die kreeg geen bericht."))
        return
    try:
        send_plan_deleted(notice)
    except MailNotSent:
        messages.warning(
            request,
            gettext("De e-mail aan de patiënt kon niet worden verstuurd. Laat het de patiënt zelf weten."),
        )
