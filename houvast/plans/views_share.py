"""Read-only sharing with naasten or the GP: a link with an expiry date plus a separate access code."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import check_password, make_password
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from houvast.accounts.tokens import hash_token

from .forms_patient import AccessCodeForm, ShareForm
from .models import AccessLog, PlanShare
from .permissions import get_plan_for_user, log_access
from .reading import plan_language, read_context

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read aloud
CODE_LENGTH = 8
SESSION_KEY = "plan_shares"


def new_access_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(code):
    return "".join(ch for ch in code.upper() if ch.isalnum())


@login_required
def share_list(request, plan_id):
    """The patient's shares with when each was last used; a new one shows its link and code once."""
    plan = get_plan_for_user(request.user, plan_id, patient_only=True)
    new_share = None
    if request.method == "POST":
        form = ShareForm(request.POST)
        if form.is_valid():
            token, code = secrets.token_urlsafe(24), new_access_code()
            share = PlanShare.objects.create(
                plan=plan,
                label=form.cleaned_data["label"],
                expires=form.cleaned_data["expires"],
                token_hash=hash_token(token),
                code_hash=make_password(normalise_code(code)),
            )
            log_access(plan, request.user, AccessLog.Action.SHARE_CREATE, detail=share.label)
            new_share = {
                "share": share,
                "url": request.build_absolute_uri(reverse("plans:shared", args=[token])),
                "code": code,
            }
            form = ShareForm()
    else:
        form = ShareForm()
    shares = plan.shares.all()
    context = {"plan": plan, "form": form, "shares": shares, "new_share": new_share}
    return render(request, "plans/shares.html", context)


@require_POST
@login_required
def share_revoke(request, plan_id, share_id):
    plan = get_plan_for_user(request.user, plan_id, patient_only=True)
    share = get_object_or_404(PlanShare, pk=share_id, plan=plan)
    if PlanShare.objects.filter(pk=share.pk, revoked=None).update(revoked=timezone.now()):
        log_access(plan, request.user, AccessLog.Action.SHARE_REVOKE, detail=share.label)
    messages.success(request, _("De link voor %(label)s werkt niet meer.") % {"label": share.label})
    return redirect("plans:shares", plan.pk)


def _problem(request, share, status):
    if share is None:
        problem = "unknown"
    elif share.revoked:
        problem = "revoked"
    elif share.is_expired:
        problem = "expired"
    else:
        problem = "locked"
    return render(request, "plans/shared_problem.html", {"problem": problem, "share": share}, status=status)


def shared_plan(request, token):
    """What a naaste or GP opens: first the access code, then the plan, read-only."""
    share = PlanShare.objects.select_related("plan__team").filter(token_hash=hash_token(token)).first()
    if share is None:
        return _problem(request, None, 404)
    if not share.is_active:
        return _problem(request, share, 410)
    plan = share.plan
    opened = request.session.get(SESSION_KEY, [])
    if request.method == "POST":
        form = AccessCodeForm(request.POST)
        if form.is_valid():
            if check_password(normalise_code(form.cleaned_data["code"]), share.code_hash):
                request.session[SESSION_KEY] = [*opened, share.pk]
                return redirect("plans:shared", token)
            PlanShare.objects.filter(pk=share.pk).update(failed_attempts=F("failed_attempts") + 1)
            share.refresh_from_db()
            log_access(
                plan, None, AccessLog.Action.SHARE_FAILED, detail=share.label, actor_label=_("onbekend")
            )
            if share.is_locked:
                return _problem(request, share, 403)
            left = share.MAX_ATTEMPTS - share.failed_attempts
            form.add_error(
                "code",
                _("Deze code klopt niet. Kijk nog eens goed. Je kunt het nog %(left)s keer proberen.")
                % {"left": left},
            )
        return render(request, "plans/shared_code.html", {"form": form, "share": share}, status=200)
    if share.pk not in opened:
        return render(request, "plans/shared_code.html", {"form": AccessCodeForm(), "share": share})
    PlanShare.objects.filter(pk=share.pk).update(last_used=timezone.now())
    log_access(plan, None, AccessLog.Action.SHARE_VIEW, detail=share.label, actor_label=share.label)
    with plan_language(plan):
        context = read_context(plan)
        context["share"] = share
        response = render(request, "plans/shared_read.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
