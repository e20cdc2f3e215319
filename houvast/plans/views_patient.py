"""The patient's side of a plan: the invitation, their own plans, the phone read view and the access log."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from houvast.accounts.models import User
from houvast.lib.emails import MailNotSent

from .forms_patient import PatientAccountForm, PatientEditForm, PatientInviteForm, PlanLanguageForm
from .models import AccessLog, Plan
from .patient_emails import read_invite_token, send_patient_invite
from .permissions import OWNER, PATIENT, get_plan_for_user, log_access
from .reading import plan_language, read_context

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
LOG_LIMIT = 500


@login_required
def patient_invite(request, plan_id):
    """A professional invites the patient by email to their own login for this plan."""
    plan = get_plan_for_user(request.user, plan_id, manage=True)
    if request.method == "POST":
        form = PatientInviteForm(request.POST, team=plan.team)
        if form.is_valid() and _invite_sent(plan, form, request.user):
            plan.save(update_fields=["patient_email"])
            log_access(plan, request.user, AccessLog.Action.INVITE, detail=plan.patient_email)
            messages.success(
                request,
                _("De uitnodiging is verstuurd naar %(email)s. De link werkt twee weken.")
                % {"email": plan.patient_email},
            )
            return redirect("plans:patient_invite", plan.pk)
    else:
        form = PatientInviteForm(initial={"email": plan.patient_email, "language": plan.language})
    edit_form = PatientEditForm(initial={"patient_can_edit": plan.patient_can_edit})
    context = {
        "plan": plan,
        "form": form,
        "edit_form": edit_form,
        "plan_language": dict(settings.LANGUAGES).get(plan.language, plan.language),
    }
    return render(request, "plans/patient_invite.html", context)


@require_POST
@login_required
def patient_edit_setting(request, plan_id):
    """The professional decides whether the patient may change the plan or only read it."""
    plan = get_plan_for_user(request.user, plan_id, manage=True)
    form = PatientEditForm(request.POST)
    form.is_valid()  # a checkbox is always valid: unticked is False
    can_edit = form.cleaned_data["patient_can_edit"]
    if can_edit != plan.patient_can_edit:
        plan.patient_can_edit = can_edit
        plan.save(update_fields=["patient_can_edit"])
        detail = "patient_can_edit=" + ("yes" if can_edit else "no")
        log_access(plan, request.user, AccessLog.Action.SETTINGS, detail=detail)
    if can_edit:
        messages.success(request, _("Bewaard: de patiënt mag het plan aanpassen."))
    else:
        messages.success(request, _("Bewaard: de patiënt kan het plan lezen, maar niet aanpassen."))
    return redirect("plans:patient_invite", plan.pk)


def _invite_sent(plan, form, inviter):
    """Send the invitation to the typed address; on a mail server that is down, say so on the form."""
    old_email, plan.patient_email = plan.patient_email, form.cleaned_data["email"]
    try:
        send_patient_invite(plan, inviter, form.cleaned_data["language"])
    except MailNotSent:
        plan.patient_email = old_email
        form.add_error(
            None,
            _(
                "De e-mail kon nu niet worden verstuurd. Dat ligt niet aan het adres. "
                "Probeer het over een paar minuten opnieuw."
            ),
        )
        return False
    return True


def _invite_problem(request, problem, status, plan=None):
    return render(request, "plans/invite_problem.html", {"problem": problem, "plan": plan}, status=status)


def invite_accept(request, token):
    """The page behind the emailed link: make an account (or log in) and link it to the plan."""
    try:
        plan_id, email = read_invite_token(token)
    except signing.SignatureExpired:
        return _invite_problem(request, "expired", 410)
    except signing.BadSignature:
        return _invite_problem(request, "unknown", 404)
    plan = Plan.objects.filter(pk=plan_id).select_related("team").first()
    if plan is None or plan.patient_email.lower() != email:
        return _invite_problem(request, "unknown", 404)
    user = request.user
    if plan.patient_id is not None:
        if user.is_authenticated and plan.patient_id == user.pk:
            return redirect("plans:read", plan.pk)
        return _invite_problem(request, "used", 410, plan)
    if user.is_authenticated and user.email.lower() != email:
        return _invite_problem(request, "other_email", 403, plan)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and plan.team.memberships.filter(user=existing).exists():
        return _invite_problem(request, "team_member", 403, plan)
    if not user.is_authenticated and existing is not None:
        login_url = reverse("accounts:login") + "?next=" + request.path
        return render(request, "plans/invite_login.html", {"plan": plan, "login_url": login_url})
    form = None
    if request.method == "POST":
        if user.is_authenticated:
            return _link_patient(request, plan, user)
        form = PatientAccountForm(request.POST, email=email)
        if form.is_valid():
            with transaction.atomic():
                user = User.objects.create_user(
                    email=email,
                    password=form.cleaned_data["password1"],
                    name=form.cleaned_data["name"],
                    kind=User.Kind.PATIENT,
                    language=plan.language,
                    email_confirmed=True,
                )
            login(request, user, backend=MODEL_BACKEND)
            return _link_patient(request, plan, user)
    elif not user.is_authenticated:
        form = PatientAccountForm(email=email, initial={"name": plan.patient_name})
    return render(request, "plans/invite_accept.html", {"plan": plan, "form": form, "email": email})


def _link_patient(request, plan, user):
    """Claim the plan with a conditional update, so one invitation links one account only."""
    if not Plan.objects.filter(pk=plan.pk, patient=None).update(patient=user):
        return _invite_problem(request, "used", 410, plan)
    if not user.email_confirmed:
        user.email_confirmed = True
        user.save(update_fields=["email_confirmed"])
    plan.patient = user
    log_access(plan, user, AccessLog.Action.INVITE, detail=_("uitnodiging geaccepteerd"))
    messages.success(request, _("Welkom! Dit is jouw plan. Je kunt het hier altijd terugvinden."))
    return redirect("plans:read", plan.pk)


@login_required
def my_plans(request):
    plans = Plan.objects.filter(patient=request.user).select_related("owner", "team")
    return render(request, "plans/my_plans.html", {"plans": plans})


@login_required
def plan_read(request, plan_id):
    """The phone-friendly read view: one self-contained page, crisis part one tap away."""
    plan = get_plan_for_user(request.user, plan_id)
    log_access(plan, request.user, AccessLog.Action.PHONE)
    with plan_language(plan):
        context = read_context(plan)
        context.update(
            is_patient=plan.role == PATIENT,
            language_form=PlanLanguageForm(initial={"language": plan.language}),
        )
        response = render(request, "plans/read.html", context)
    # Always the newest version when online. The patient's own plan is kept on their device by the
    # service worker (offline_worker.js), which only keeps responses with this header.
    response["Cache-Control"] = "private, no-cache"
    if plan.role == PATIENT:
        response["X-Houvast-Offline"] = "yes"
    return response


def offline_worker(request):
    """The service worker that keeps the patient's read view readable without internet."""
    response = render(request, "plans/offline_worker.js", content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_POST
@login_required
def plan_set_language(request, plan_id):
    """Patient and clinicians may switch the language the plan is read and printed in."""
    plan = get_plan_for_user(request.user, plan_id)
    form = PlanLanguageForm(request.POST)
    if form.is_valid() and form.cleaned_data["language"] != plan.language:
        plan.language = form.cleaned_data["language"]
        plan.save(update_fields=["language"])
        log_access(plan, request.user, AccessLog.Action.SETTINGS, detail=f"language={plan.language}")
    return redirect("plans:read", plan.pk)


@login_required
def plan_log(request, plan_id):
    """Who looked at or changed the plan, newest first (the patient's "who looked at my plan")."""
    plan = get_plan_for_user(request.user, plan_id)
    log_access(plan, request.user, AccessLog.Action.LOG_VIEW)
    entries = list(plan.log.all()[:LOG_LIMIT])
    context = {
        "plan": plan,
        "entries": entries,
        "limit": LOG_LIMIT,
        "can_export": plan.role in (OWNER, PATIENT),
    }
    return render(request, "plans/access_log.html", context)
