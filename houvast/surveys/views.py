import csv
import hashlib
import random
import secrets

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from houvast.lib import ratelimit
from houvast.lib.emails import MailNotSent
from houvast.lib.pdf import PdfDownload, render_html, renders_pdf
from houvast.lib.qr import qr_svg

from . import charts, emails, releases
from .content import statement_set
from .forms import (
    ActionForm,
    DeadlineForm,
    ResponseForm,
    RoundRequestForm,
    draft_from_post,
    empty_response_fields,
    end_of_day,
)
from .models import Answer, Response, Round
from .permissions import (
    get_round_and_response_for_participant,
    get_round_for_coordinator,
    get_round_for_participant,
    is_round_id,
)
from .retention import pdf_scope
from .submit import create_response, save_answers
from .summary import build_summary
from .tasks import schedule_sweep, send_summary_task

DEVICE_COOKIE = "houvast_apparaat"
REQUESTS_PER_HOUR = 10
NEW_RESPONSES_PER_HOUR = 60


# The coordinator: requesting and confirming a round


def start(request):
    teams = []
    if request.user.is_authenticated and request.user.is_professional:
        from houvast.accounts.permissions import teams_for_user

        teams = list(teams_for_user(request.user))
    initial = {"deadline": (timezone.localdate() + timezone.timedelta(days=14)), "min_responses": 5}
    if request.user.is_authenticated:
        initial.update(coordinator_name=request.user.name, coordinator_email=request.user.email)
    form = RoundRequestForm(request.POST or None, initial=initial, teams=teams)
    limited = False
    if request.method == "POST":
        if not ratelimit.hit("surveys:request", ratelimit.client_key(request), REQUESTS_PER_HOUR, 3600):
            limited = True
        elif form.is_valid():
            return _create_round(request, form)
    status = 429 if limited else 400 if form.errors else 200
    context = {"form": form, "limited": limited, "content": statement_set()}
    return render(request, "surveys/start.html", context, status=status)


def _create_round(request, form, previous=None):
    data = form.cleaned_data
    team = data.get("team")
    round_obj = Round(
        network_name=data["network_name"],
        coordinator_name=data["coordinator_name"],
        coordinator_email=data["coordinator_email"],
        setting=data["setting"],
        deadline=end_of_day(data["deadline"]),
        invited_count=data.get("invited_count"),
        min_responses=data["min_responses"],
        language=translation.get_language() or settings.LANGUAGE_CODE,
        team=team,
        created_by=request.user if request.user.is_authenticated else None,
    )
    token = round_obj.set_coordinator_token()
    # A logged-in professional mailing themselves needs no confirmation, once their own address is confirmed.
    trusted = (
        team is not None
        and request.user.email_confirmed
        and data["coordinator_email"].lower() == request.user.email.lower()
    )
    if trusted:
        round_obj.status = Round.Status.OPEN
        round_obj.activated_at = timezone.now()
    round_obj.save()
    try:
        emails.send_confirmation(round_obj, token)
    except MailNotSent:
        if trusted:
            messages.warning(
                request,
                _(
                    "De ronde staat open, maar de e-mail met je beheerlink kon nu niet worden verstuurd. "
                    "Je vindt de ronde ook op je overzicht."
                ),
            )
            schedule_sweep()
            return redirect("surveys:manage", key=str(round_obj.pk))
        round_obj.delete()  # without the confirmation mail nobody can open it
        form.add_error(
            None,
            _(
                "De bevestigingsmail kon nu niet worden verstuurd. Wat je hebt ingevuld staat er nog; "
                "probeer het over een paar minuten opnieuw."
            ),
        )
        context = {"form": form, "limited": False, "content": statement_set()}
        return render(request, "surveys/start.html", context, status=503)
    if trusted:
        schedule_sweep()
        messages.success(request, _("De ronde staat open. We hebben je de beheerlink ook gemaild."))
        return redirect("surveys:manage", key=str(round_obj.pk))
    return redirect("surveys:requested")


def requested(request):
    return render(request, "surveys/requested.html")


def _manage_url(key, name="surveys:manage", *args):
    return reverse(name, args=[key, *args])


@never_cache
def manage(request, key):
    round_obj = get_round_for_coordinator(request, key, pending_ok=True)
    if round_obj.is_pending:
        by_email = not key.isdigit()
        return render(request, "surveys/confirm.html", {"round": round_obj, "key": key, "by_email": by_email})
    release, counts = releases.current_with_counts(round_obj)
    participant_url = emails.participant_url(round_obj)
    invitation = render_to_string(
        "surveys/invitation.txt", {"round": round_obj, "url": participant_url}, request=request
    )
    context = {
        "round": round_obj,
        "key": key,
        "release": release,
        "counts": counts,
        "participant_url": participant_url,
        "qr": qr_svg(
            participant_url, title=_("QR-code naar de stellingen van %(name)s") % {"name": round_obj}
        ),
        "invitation": invitation,
        "actions": round_obj.actions.all(),
        "previous_actions": round_obj.previous.actions.all() if round_obj.previous else [],
        "action_form": ActionForm(),
        "deadline_form": DeadlineForm(initial={"deadline": timezone.localdate(round_obj.deadline)}),
        "next_round": Round.objects.filter(previous=round_obj).first(),
    }
    return render(request, "surveys/manage.html", context)


@require_POST
def confirm(request, key):
    round_obj = get_round_for_coordinator(request, key, pending_ok=True)
    if key.isdigit():
        raise Http404  # only the link in the confirmation email proves the address
    if round_obj.is_pending:
        round_obj.activate()
        schedule_sweep()
        messages.success(request, _("Gelukt: de ronde staat open. Deel nu de link met je netwerk."))
    return redirect(_manage_url(key))


@never_cache
def count(request, key):
    """The coordinator's live poll: counts only, never anything about the answers."""
    round_obj = get_round_for_coordinator(request, key)
    context = {
        "round": round_obj,
        "key": key,
        "counts": releases.live_counts(round_obj),
        "release": releases.latest(round_obj),
    }
    return render(request, "surveys/_count.html", context)


@require_POST
def extend(request, key):
    round_obj = get_round_for_coordinator(request, key)
    form = DeadlineForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("deadline", []):
            messages.error(request, error)
        return redirect(_manage_url(key) + "#beheer")
    _reopen(round_obj, end_of_day(form.cleaned_data["deadline"]))
    messages.success(request, _("De invuldatum is aangepast. Deelnemers kunnen weer invullen."))
    return redirect(_manage_url(key) + "#beheer")


def _reopen(round_obj, deadline):
    """A new deadline is a new moment to send the summary."""
    round_obj.deadline = deadline
    round_obj.status = Round.Status.OPEN
    round_obj.closed_at = None
    round_obj.deadline_summary_sent_at = None
    round_obj.deadline_summary_claimed_at = None
    round_obj.save(
        update_fields=[
            "deadline",
            "status",
            "closed_at",
            "deadline_summary_sent_at",
            "deadline_summary_claimed_at",
        ]
    )
    schedule_sweep()


def _close(round_obj):
    """Close an open round once (a conditional UPDATE) and send its summary; True if this call closed it."""
    closed = Round.objects.filter(pk=round_obj.pk, status=Round.Status.OPEN).update(
        status=Round.Status.CLOSED, closed_at=timezone.now()
    )
    if closed:
        send_summary_task.enqueue(round_obj.pk, "deadline")
    return bool(closed)


@require_POST
def close(request, key):
    round_obj = get_round_for_coordinator(request, key)
    if _close(round_obj):
        messages.success(request, _("De ronde is gesloten. De groepssamenvatting komt naar je e-mail."))
    return redirect(_manage_url(key))


@require_POST
def reopen(request, key):
    round_obj = get_round_for_coordinator(request, key)
    deadline = round_obj.deadline
    if deadline <= timezone.now() + timezone.timedelta(days=1):
        deadline = end_of_day(timezone.localdate() + timezone.timedelta(days=7))
    _reopen(round_obj, deadline)
    messages.success(
        request,
        _("De ronde is weer open tot en met %(date)s.")
        % {"date": timezone.localdate(deadline).strftime("%d-%m-%Y")},
    )
    return redirect(_manage_url(key))


@require_POST
def send_now(request, key):
    round_obj = get_round_for_coordinator(request, key)
    Round.objects.filter(pk=round_obj.pk).update(
        manual_summary_requested_at=timezone.now(), manual_summary_sent_at=None
    )
    send_summary_task.enqueue(round_obj.pk, "manual")
    messages.success(
        request,
        _("De groepssamenvatting is onderweg naar %(email)s.") % {"email": round_obj.coordinator_email},
    )
    return redirect(_manage_url(key))


@require_POST
def add_action(request, key):
    round_obj = get_round_for_coordinator(request, key)
    form = ActionForm(request.POST)
    if form.is_valid():
        action = form.save(commit=False)
        action.round = round_obj
        action.save()
        messages.success(request, _("De verbeteractie is bewaard."))
        return redirect(_manage_url(key) + "#acties")
    context = {"round": round_obj, "key": key, "action_form": form, "actions": round_obj.actions.all()}
    return render(request, "surveys/action_form.html", context, status=400)


@require_POST
def delete_action(request, key, action_id):
    round_obj = get_round_for_coordinator(request, key)
    round_obj.actions.filter(pk=action_id).delete()
    messages.success(request, _("De verbeteractie is verwijderd."))
    return redirect(_manage_url(key) + "#acties")


@require_POST
def repeat(request, key):
    """A new round for the same network; the summary then shows how the group moved."""
    round_obj = get_round_for_coordinator(request, key)
    existing = Round.objects.filter(previous=round_obj).first()
    if existing:
        messages.info(request, _("Er is al een herhaalronde. Je beheerlink daarvan staat in je e-mail."))
        return redirect(_manage_url(key))
    new = Round(
        network_name=round_obj.network_name,
        coordinator_name=round_obj.coordinator_name,
        coordinator_email=round_obj.coordinator_email,
        setting=round_obj.setting,
        invited_count=round_obj.invited_count,
        min_responses=round_obj.min_responses,
        language=round_obj.language,
        team=round_obj.team,
        created_by=request.user if request.user.is_authenticated else None,
        previous=round_obj,
        status=Round.Status.OPEN,
        activated_at=timezone.now(),
        deadline=end_of_day(timezone.localdate() + timezone.timedelta(days=14)),
    )
    token = new.set_coordinator_token()
    try:
        new.save()
    except IntegrityError:
        return redirect(_manage_url(key))
    schedule_sweep()
    try:
        emails.send_confirmation(new, token)
    except MailNotSent:
        messages.warning(
            request,
            _(
                "De herhaalronde staat open, maar de e-mail met de nieuwe beheerlink kon nu niet worden "
                "verstuurd. Bewaar het adres van deze pagina: dat is je beheerlink."
            ),
        )
    else:
        messages.success(request, _("De herhaalronde staat open. Deel de nieuwe link met je netwerk."))
    return redirect("surveys:manage", key=str(new.pk) if is_round_id(key) else token)


# The coordinator: results


def _require_enough(summary):
    if not summary.enough:
        raise Http404


@never_cache
def summary_page(request, key):
    round_obj = get_round_for_coordinator(request, key)
    summary = build_summary(round_obj)
    context = emails.summary_context(summary)
    context["key"] = key
    return render(request, "surveys/summary.html", context)


@renders_pdf
def summary_pdf(request, key):
    round_obj = get_round_for_coordinator(request, key)
    summary = build_summary(round_obj)
    _require_enough(summary)
    filename = f"groepssamenvatting-{round_obj.pk}.pdf"
    return PdfDownload(emails.summary_html(summary), filename, scope=pdf_scope(round_obj))


def csv_download(request, key):
    """One row per response of the current release in a shuffled order, without times, devices, sources
    or disciplines."""
    round_obj = get_round_for_coordinator(request, key)
    release = releases.current(round_obj)
    if release is None:
        raise Http404
    numbers = statement_set().numbers
    released = round_obj.responses.filter(released_in__lte=release.number)
    responses = list(released.order_by("id").values_list("id", "closing_answer"))
    random.Random(round_obj.public_token).shuffle(responses)
    answers = {}
    rows = Answer.objects.filter(round=round_obj, released_in__lte=release.number)
    for response_id, statement, value, comment in rows.values_list(
        "response_id", "statement", "value", "comment"
    ):
        answers.setdefault(response_id, {})[statement] = (value, comment)
    http = HttpResponse(content_type="text/csv; charset=utf-8")
    http["Content-Disposition"] = f'attachment; filename="stellingen-{round_obj.pk}.csv"'
    http.write("\ufeff")
    writer = csv.writer(http)
    labels = {0: _("weet ik niet")}
    header = [_("reactie")]
    for n in numbers:
        header += [_("stelling %(n)s") % {"n": n}, _("toelichting %(n)s") % {"n": n}]
    writer.writerow([*header, _("wat zou je willen veranderen")])
    for index, (response_id, closing) in enumerate(responses, start=1):
        row = [index]
        for n in numbers:
            value, comment = answers.get(response_id, {}).get(n, ("", ""))
            row += [labels.get(value, value), _csv_safe(comment)]
        writer.writerow([*row, _csv_safe(closing)])
    return http


def _csv_safe(text):
    """Spreadsheets run cells that start with = + - @ as formulas; a leading quote stops that."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@renders_pdf
def paper_pdf(request, key):
    """The paper form shows the statements (content) and the round's network, deadline and coordinator: those
    and the language name it in the PDF cache, so a repeat renders no HTML."""
    round_obj = get_round_for_coordinator(request, key)

    def html():
        context = {"round": round_obj, "content": statement_set(), "choices": charts.answer_labels()}
        return render_html("surveys/paper_pdf.html", context)

    shown = [
        round_obj.network_name,
        round_obj.deadline,
        round_obj.coordinator_name,
        translation.get_language(),
    ]
    filename = f"stellingen-op-papier-{round_obj.pk}.pdf"
    return PdfDownload(html, filename, scope=pdf_scope(round_obj), key=["paper", round_obj.pk, *shown])


def paper_entry(request, key):
    """The coordinator types in a paper form: it is part of the next release, but never counts towards its
    minimum (releases.py), since whoever types it in could make it up."""
    round_obj = get_round_for_coordinator(request, key)
    form = ResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        create_response(round_obj, "paper-" + secrets.token_hex(16), form, source=Response.Source.PAPER)
        messages.success(request, _("Het papieren formulier is toegevoegd. Je kunt het volgende invoeren."))
        if _check_complete(round_obj):
            messages.info(request, _("Iedereen die je uitnodigde heeft nu gereageerd. De ronde is gesloten."))
        return redirect(_manage_url(key, "surveys:paper_entry"))
    status = 400 if form.errors else 200
    context = {
        "round": round_obj,
        "key": key,
        "form": form,
        "paper_count": round_obj.responses.filter(source="paper", submitted_at__isnull=False).count(),
    }
    return render(request, "surveys/paper_entry.html", context, status=status)


@never_cache
def present(request, key, number):
    round_obj = get_round_for_coordinator(request, key)
    summary = build_summary(round_obj)
    numbers = statement_set().numbers
    if number not in numbers:
        raise Http404
    result = next((r for r in summary.results if r.number == number), None)
    index = numbers.index(number)
    context = {
        "round": round_obj,
        "key": key,
        "summary": summary,
        "statement": statement_set().get(number),
        "result": result,
        "legend": charts.legend_items(),
        "previous_number": numbers[index - 1] if index > 0 else None,
        "next_number": numbers[index + 1] if index + 1 < len(numbers) else None,
        "position": index + 1,
        "total": len(numbers),
    }
    return render(request, "surveys/present.html", context)


def poster(request, key):
    round_obj = get_round_for_coordinator(request, key)
    url = emails.participant_url(round_obj)
    title = _("QR-code naar de stellingen van %(name)s") % {"name": round_obj}
    return render(
        request,
        "surveys/poster.html",
        {"round": round_obj, "key": key, "url": url, "qr": qr_svg(url, scale=10, title=title)},
    )


# The participant


def _device_token(request):
    token = request.COOKIES.get(DEVICE_COOKIE, "")
    if len(token) < 20 or len(token) > 64:
        token = secrets.token_urlsafe(24)
    return token


def _device_hash(token, public_token):
    """Per round (its public token), so the same device cannot be followed from one round to the next."""
    return hashlib.sha256(f"{token}:{public_token}".encode()).hexdigest()


def _set_device_cookie(response, token):
    response.set_cookie(
        DEVICE_COOKIE,
        token,
        max_age=60 * 60 * 24 * 365,
        path="/stellingen/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _initial_for(response):
    if response is None:
        return {}
    if response.submitted_at and not response.draft:
        initial = {"closing": response.closing_answer, "discipline": response.discipline}
        for answer in response.answers.all():
            initial[f"s{answer.statement}"] = str(answer.value)
            initial[f"c{answer.statement}"] = answer.comment
        return initial
    return dict(response.draft)


def _response_for_device(round_obj, device_hash):
    try:
        response, _created = Response.objects.get_or_create(round=round_obj, device_hash=device_hash)
    except IntegrityError:
        response = Response.objects.get(round=round_obj, device_hash=device_hash)
    return response


@never_cache
def respond(request, token):
    device = _device_token(request)
    device_hash = _device_hash(device, token)
    known = request.COOKIES.get(DEVICE_COOKIE) == device  # a new device has no response yet
    round_obj, existing = get_round_and_response_for_participant(token, device_hash if known else None)
    if not round_obj.is_open:
        return render(request, "surveys/closed.html", {"round": round_obj})
    if releases.is_final(existing):
        status = 409 if request.method == "POST" else 200
        return render(request, "surveys/released.html", {"round": round_obj}, status=status)
    limited = False
    if request.method == "POST":
        form = ResponseForm(request.POST)
        if form.is_valid() and (existing is None or existing.submitted_at is None):
            # A script without cookies must not fill a round (and trigger the "everyone answered"
            # summary): new responses are counted per address. Generous for a team behind one address.
            client = f"{ratelimit.client_key(request)}:{round_obj.pk}"
            limited = not ratelimit.hit("surveys:respond", client, NEW_RESPONSES_PER_HOUR, 3600)
        if form.is_valid() and not limited:
            first_time = True
            if existing is not None or not create_response(round_obj, device_hash, form):
                response = existing or _response_for_device(round_obj, device_hash)
                first_time = response.submitted_at is None
                if not save_answers(response, form):
                    return render(request, "surveys/released.html", {"round": round_obj}, status=409)
            _check_complete(round_obj)
            http = redirect("surveys:thanks", token=token)
            if not first_time:
                messages.success(request, _("Je antwoorden zijn bijgewerkt."))
            return _set_device_cookie(http, device)
        response = existing or _response_for_device(round_obj, device_hash)
        Response.objects.filter(pk=response.pk).update(draft=draft_from_post(request.POST))
        status = 429 if limited else 400
    else:
        # A first visit shows the empty form's fieldsets, rendered once (forms.empty_response_fields).
        initial = _initial_for(existing)
        form = ResponseForm(initial=initial) if initial else None
        status = 200
    context = {
        "round": round_obj,
        "form": form,
        "empty_fields": empty_response_fields() if form is None else None,
        "content": statement_set(),
        "submitted": bool(existing and existing.submitted_at),
        "has_draft": bool(existing and existing.draft),
        "limited": limited,
    }
    return _set_device_cookie(render(request, "surveys/respond.html", context, status=status), device)


@require_POST
def save_draft(request, token):
    """Autosave while answering: stores the typed form as it is, without validating it."""
    round_obj = get_round_for_participant(token)
    if not round_obj.is_open:
        return HttpResponse(status=410)
    if not ratelimit.hit("surveys:draft", ratelimit.client_key(request), 1200, 3600):
        return HttpResponse(status=429)
    device = _device_token(request)
    draft = draft_from_post(request.POST)
    if draft:
        response = _response_for_device(round_obj, _device_hash(device, round_obj.public_token))
        Response.objects.filter(pk=response.pk, released_in=None).update(draft=draft, updated=timezone.now())
    return _set_device_cookie(HttpResponse(status=204), device)


def thanks(request, token):
    round_obj = get_round_for_participant(token)
    return render(request, "surveys/thanks.html", {"round": round_obj})


def _check_complete(round_obj):
    """Everyone invited answered: the round closes by itself, as with "Nu sluiten" (results come only from a
    finished round). True if this call closed it."""
    if round_obj.invited_count and round_obj.response_count() >= round_obj.invited_count:
        return _close(round_obj)
    return False
