from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from houvast.accounts.permissions import teams_for_user
from houvast.lib.forms import EmailAddressField
from houvast.lib.pdf import PdfDownload, render_html, renders_pdf
from houvast.lib.qr import qr_svg
from houvast.lib.ratelimit import client_key, hit

from . import engine, first_load, join_limits, live
from .models import NAME_MAX_LENGTH, ActionPlan, Participant, Session, new_code, normalise_code
from .permissions import find_session, get_session_for_actor, get_session_for_team_member
from .retention import pdf_scope
from .stage import render_stage_for


def _werkvorm_or_404(slug):
    from houvast.content.werkvormen import get_werkvorm

    werkvorm = get_werkvorm(slug)
    if werkvorm is None or not werkvorm.live:
        raise Http404
    return werkvorm


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


class StartForm(forms.Form):
    team = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Team"), empty_label=None)
    names_required = forms.BooleanField(
        required=False, label=gettext_lazy("Vraag deelnemers om hun naam (anders doen ze anoniem mee)")
    )
    hide_notes = forms.BooleanField(
        required=False, label=gettext_lazy("Verberg post-its voor elkaar tot ik ze laat zien")
    )
    shared_screen = forms.BooleanField(
        required=False, label=gettext_lazy("Gedeeld scherm: ik typ post-its in voor de groep in de zaal")
    )
    auto_timer = forms.BooleanField(
        required=False, label=gettext_lazy("Start de timer vanzelf bij elke nieuwe stap")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams_for_user(user)


@login_required
def start(request, slug):
    werkvorm = _werkvorm_or_404(slug)
    if not request.user.is_professional:
        raise Http404
    form = StartForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        first = werkvorm.steps[0]
        for _attempt in range(10):
            try:
                with transaction.atomic():
                    session = Session.objects.create(
                        code=new_code(),
                        werkvorm=werkvorm.slug,
                        team=form.cleaned_data["team"],
                        facilitator=request.user,
                        names_required=form.cleaned_data["names_required"],
                        hide_notes=form.cleaned_data["hide_notes"],
                        shared_screen=form.cleaned_data["shared_screen"],
                        auto_timer=form.cleaned_data["auto_timer"],
                        timer_duration=first.minutes * 60,
                    )
                break
            except IntegrityError:
                continue
        return redirect("workshops:session", session.code)
    return render(request, "workshops/start.html", {"werkvorm": werkvorm, "form": form})


def _unknown_code_response(request):
    error = _("We kennen deze code niet. Kijk nog eens goed, of vraag de begeleider om de code.")
    return render(request, "workshops/join_form.html", {"error": error, "code": ""}, status=404)


@never_cache
@join_limits.browser_cookie
def join_form(request):
    error = ""
    code = ""
    status = 200
    if request.method == "POST":
        code = normalise_code(request.POST.get("code", ""))
        session = find_session(code) if code else None
        error = join_limits.refusal(request, session)
        if not error and code and session is None:
            error = join_limits.count_wrong_code(request)
        if error:
            status = 429
        elif not code:
            error = _("Vul de code van zes tekens in die de begeleider laat zien.")
            status = 400
        elif session is None:
            error = _(
                "We kennen de code %(code)s niet. Kijk nog eens goed, of vraag de begeleider om de code."
            ) % {"code": code}
            status = 400
        else:
            return redirect("workshops:join", code)
    return render(request, "workshops/join_form.html", {"error": error, "code": code}, status=status)


class JoinForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Je naam (mag ook een voornaam of bijnaam zijn)"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": gettext_lazy("Je naam mag hoogstens %(limit_value)d tekens lang zijn.")
        },
    )

    def __init__(self, *args, names_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        if names_required:
            self.fields["name"].required = True
            self.fields["name"].label = gettext_lazy("Je naam")
            self.fields["name"].error_messages["required"] = gettext_lazy(
                "De begeleider vraagt iedereen om een naam. Vul je naam in."
            )


@never_cache
@join_limits.browser_cookie
def join(request, code):
    session = find_session(code)
    if session is not None and engine.actor_for(request, session):
        return redirect("workshops:session", session.code)
    refused = join_limits.refusal(request, session)
    if refused:
        return _blocked_response(request, refused)
    if session is None:
        refused = join_limits.count_wrong_code(request)
        return _blocked_response(request, refused) if refused else _unknown_code_response(request)
    if not session.is_open:
        return render(request, "workshops/join_ended.html", {"session": session}, status=410)
    form = JoinForm(request.POST or None, names_required=session.names_required)
    if request.method == "POST" and form.is_valid():
        participant = Participant.objects.create(
            session=session, token=Participant.new_token(), name=form.cleaned_data["name"].strip()
        )
        engine.remember_participant(request, participant)
        join_limits.remember_address(request, session)
        live.publish_participant_count(session)
        return redirect("workshops:session", session.code)
    return render(
        request,
        "workshops/join.html",
        {"session": session, "form": form, "werkvorm": engine.werkvorm_of(session)},
    )


def _join_url(request, session):
    return request.build_absolute_uri(reverse("workshops:join", args=[session.code]))


def _join_qr(join_url):
    """Only the facilitator's page and the projector show it: drawing it costs ~3 ms per page."""
    return qr_svg(join_url, title=_("QR-code om mee te doen"))


def _page_context(request, session, actor, projector=False, extra=None, stage_html=None):
    """What the session page and the board show around the stage."""
    join_url = _join_url(request, session)
    if stage_html is None:
        stage_html = render_stage_for(request, actor, projector=projector, extra=extra)
    stage_url = reverse("workshops:stage", args=[session.code])
    return {
        "session": session,
        "actor": actor,
        "werkvorm": engine.werkvorm_of(session),
        "is_facilitator": actor.is_facilitator,
        "is_open": session.is_open,
        "stage_html": stage_html,
        "join_url": join_url,
        "qr": _join_qr(join_url) if actor.is_facilitator or projector else "",
        "stage_url": stage_url + ("?weergave=bord" if projector else ""),
        "language": get_language() or "nl",
        "projector": projector,
    }


def _render_session(request, session, actor, extra=None, status=200):
    if status == 200 and first_load.can_compress(request, session, actor, extra):
        ctx = _page_context(request, session, actor, stage_html=first_load.STAGE_PLACE)
        ctx["shared_first_load"] = True
        return first_load.compressed_page(request, session, "workshops/session.html", ctx)
    ctx = _page_context(request, session, actor, extra=extra)
    return render(request, "workshops/session.html", ctx, status=status)


def _blocked_response(request, message):
    return render(request, "workshops/join_form.html", {"error": message, "code": ""}, status=429)


@never_cache
@join_limits.browser_cookie
def session_page(request, code):
    """A wrong code counts as a failed guess, as on the join form, so this page is no way round its limit."""
    session = find_session(code)
    actor = engine.actor_for(request, session) if session else None
    if actor is not None:
        join_limits.remember_address(request, session)
        return _render_session(request, session, actor)
    refused = join_limits.refusal(request, session)
    if refused:
        return _blocked_response(request, refused)
    if session is None:
        refused = join_limits.count_wrong_code(request)
        return _blocked_response(request, refused) if refused else _unknown_code_response(request)
    if request.user.is_authenticated and not session.is_open:
        return redirect("workshops:report", session.code)
    if session.is_open:
        return redirect("workshops:join", session.code)
    raise Http404


@never_cache
def board(request, code):
    session, actor = get_session_for_actor(request, code)
    return render(request, "workshops/board.html", _page_context(request, session, actor, projector=True))


@require_POST
def action(request, code, name):
    session, actor = get_session_for_actor(request, code)
    try:
        change, revision = engine.perform(actor, name, request.POST)
    except engine.ActionRefused as refused:
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": refused.message}, status=refused.status)
        messages.error(request, refused.message)
        return redirect("workshops:session", session.code)
    transaction.on_commit(lambda: live.publish(session, change, revision))
    if _wants_json(request):
        return JsonResponse({"ok": True, "what": change.what, "revision": revision})
    if change.what == "ended":
        return redirect("workshops:report", session.code)
    return redirect("workshops:session", session.code)


class PlanEmailForm(forms.Form):
    email = EmailAddressField(
        label=gettext_lazy("Je e-mailadres"),
        error_messages={
            "invalid": gettext_lazy("Dit e-mailadres klopt niet. Kijk nog eens of er een @ in staat.")
        },
        help_text=gettext_lazy("We bewaren je adres niet, behalve voor de herinnering als je die wilt."),
    )
    reminder = forms.BooleanField(
        required=False, label=gettext_lazy("Stuur me over twee weken een herinnering")
    )


def _plan_email_refused(request, session, actor, problem, status=400):
    """The kind message, with the address and choice still filled in (also without JavaScript)."""
    if _wants_json(request):
        return JsonResponse({"ok": False, "message": problem}, status=status)
    messages.error(request, problem)
    typed = {"email": request.POST.get("email", ""), "reminder": request.POST.get("reminder") == "on"}
    return _render_session(request, session, actor, {"plan_email_typed": typed}, status=status)


@require_POST
def plan_email(request, code):
    from houvast.lib.emails import MailNotSent

    from .emails import REMINDER_AFTER, send_plan_email
    from .tasks import send_plan_reminder

    session, actor = get_session_for_actor(request, code)
    plan = ActionPlan.objects.filter(participant=actor.participant).first() if actor.participant else None
    form = PlanEmailForm(request.POST)
    problem = ""
    if plan is None or not any(plan.items.values()):
        problem = _("Schrijf eerst je mini-actieplan en sla het op; dan kun je het mailen.")
    elif not form.is_valid():
        problem = " ".join(form.errors.get("email", [])) or _("Vul je e-mailadres in.")
    elif not hit("workshop-plan-email", client_key(request), 5, 3600):
        problem = _("Je hebt je plan al een paar keer gemaild. Probeer het over een uur opnieuw.")
    if problem:
        return _plan_email_refused(request, session, actor, problem)
    address = form.cleaned_data["email"]
    with_reminder = form.cleaned_data["reminder"]
    plan.language = get_language() or "nl"
    try:
        send_plan_email(plan, address, with_reminder)
    except MailNotSent:
        problem = _(
            "Het mailen lukt nu even niet. Je plan is wel bewaard. Probeer het over een paar minuten "
            "opnieuw, of zet de herinnering in je agenda met de link hieronder."
        )
        return _plan_email_refused(request, session, actor, problem, status=503)
    # Only once the plan was mailed: keep the address for the reminder the person asked for.
    if with_reminder:
        plan.reminder_email = address
        plan.reminder_due = timezone.now() + REMINDER_AFTER
        plan.reminder_sent_at = None
    plan.save(update_fields=["language", "reminder_email", "reminder_due", "reminder_sent_at"])
    if with_reminder:
        task = send_plan_reminder
        if task.get_backend().supports_defer:
            task = task.using(run_after=plan.reminder_due + timedelta(minutes=1))
            task.enqueue(plan.pk)
    message = _("We hebben je mini-actieplan gemaild naar %(email)s.") % {"email": address}
    if with_reminder:
        message += " " + _("Over twee weken krijg je een herinnering.")
    if _wants_json(request):
        return JsonResponse({"ok": True, "message": message, "what": "plan", "revision": session.revision})
    messages.success(request, message)
    return redirect("workshops:session", session.code)


def plan_ics_download(request, code):
    from .ics import plan_ics

    session, actor = get_session_for_actor(request, code)
    plan = ActionPlan.objects.filter(participant=actor.participant).first() if actor.participant else None
    if plan is None:
        raise Http404
    response = HttpResponse(plan_ics(plan), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mini-actieplan.ics"'
    return response


@login_required
def report(request, code):
    from .report import report_context

    session = get_session_for_team_member(request, code)
    return render(request, "workshops/report.html", report_context(session))


@renders_pdf
@login_required
def report_pdf(request, code):
    from .report import report_context

    session = get_session_for_team_member(request, code)
    html = render_html("workshops/report_pdf.html", report_context(session), request=request)
    return PdfDownload(html, f"verslag-{session.code}.pdf", scope=pdf_scope(session))


@login_required
def report_csv(request, code):
    from .report import report_csv as build_csv

    session = get_session_for_team_member(request, code)
    response = HttpResponse(build_csv(session), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="verslag-{session.code}.csv"'
    return response
