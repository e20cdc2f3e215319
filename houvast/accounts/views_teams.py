"""Organisations, teams (netwerken), members, roles and email invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from houvast.lib.emails import MailNotSent
from houvast.lib.ids import parse_id
from houvast.lib.ratelimit import hit

from .emails import send_invitation
from .forms import InviteForm, OrganisationForm, OrganisationSettingsForm, RoleForm, TeamForm
from .models import Invitation, Membership, OrganisationMembership, User
from .permissions import (
    get_membership_for_user,
    get_organisation_for_admin,
    organisations_for_user,
    require_professional,
)
from .plan_handover import hand_over, handover_form, handover_page, plan_count
from .tokens import hash_token, new_invitation_token
from .two_factor import has_device
from .views import MAIL_NOT_SENT

ADMIN = Membership.Role.ADMIN


@login_required
def organisation_create(request):
    require_professional(request.user)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            organisation = form.save()
            OrganisationMembership.objects.create(organisation=organisation, user=request.user, is_admin=True)
        messages.success(request, _("De organisatie is gemaakt. Maak nu je eerste team."))
        return redirect(f"{reverse('accounts:team_create')}?organisatie={organisation.pk}")
    return render(request, "accounts/organisation_create.html", {"form": form})


@login_required
def organisation_settings(request, organisation_id):
    organisation = get_organisation_for_admin(request.user, organisation_id)
    form = OrganisationSettingsForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De instellingen van de organisatie zijn opgeslagen."))
        return redirect("accounts:organisation", organisation.pk)
    members = [
        {"user": m.user, "is_admin": m.is_admin, "two_factor": has_device(m.user)}
        for m in organisation.memberships.select_related("user").order_by("user__name", "user__email")
    ]
    context = {
        "organisation": organisation,
        "form": form,
        "members": members,
        "teams": organisation.teams.all(),
    }
    return render(request, "accounts/organisation_settings.html", context)


@login_required
def team_create(request):
    require_professional(request.user)
    organisations = organisations_for_user(request.user)
    if not organisations.exists():
        return redirect("accounts:organisation_create")
    chosen = parse_id(request.GET.get("organisatie", ""))
    initial = {"organisation": organisations.filter(pk=chosen).first() if chosen else None}
    form = TeamForm(request.POST or None, organisations=organisations, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            team = form.save()
            Membership.objects.create(team=team, user=request.user, role=ADMIN)
        messages.success(request, _("Het team is gemaakt. Nodig nu je collega's uit."))
        return redirect("accounts:team", team.pk)
    return render(request, "accounts/team_create.html", {"form": form})


def _render_team(request, membership, invite_form=None, status=200):
    team = membership.team
    memberships = list(team.memberships.select_related("user").order_by("role", "user__name", "user__email"))
    admin_count = sum(1 for m in memberships if m.is_admin)
    for m in memberships:
        m.is_last_admin = m.is_admin and admin_count == 1
        m.role_form = RoleForm(initial={"role": m.role}, prefix=f"m{m.pk}")
    context = {
        "team": team,
        "membership": membership,
        "memberships": memberships,
        "is_admin": membership.is_admin,
        "invite_form": invite_form or InviteForm(team=team),
        "invitations": team.invitations.filter(accepted=None, expires__gt=timezone.now()).order_by("email")
        if membership.is_admin
        else [],
    }
    return render(request, "accounts/team.html", context, status=status)


@login_required
def team(request, team_id):
    return _render_team(request, get_membership_for_user(request.user, team_id))


@require_POST
@login_required
def invite(request, team_id):
    membership = get_membership_for_user(request.user, team_id, admin=True)
    team = membership.team
    form = InviteForm(request.POST, team=team)
    if not form.is_valid():
        return _render_team(request, membership, invite_form=form, status=400)
    if not request.user.email_confirmed:
        # Invitations carry the team's name to any address: only from people whose own address is real.
        form.add_error(
            "email",
            _(
                "Bevestig eerst je eigen e-mailadres met de link in je mailbox. "
                "Daarna kun je collega's uitnodigen."
            ),
        )
        return _render_team(request, membership, invite_form=form, status=403)
    if not hit("invite", str(request.user.pk), 50, 60 * 60):
        form.add_error(
            "email", _("Je hebt het afgelopen uur veel mensen uitgenodigd. Probeer het later opnieuw.")
        )
        return _render_team(request, membership, invite_form=form, status=429)
    email = form.cleaned_data["email"]
    token, token_hash = new_invitation_token()
    with transaction.atomic():
        team.invitations.filter(email__iexact=email, accepted=None).delete()
        invitation = Invitation.objects.create(
            team=team,
            email=email,
            role=form.cleaned_data["role"],
            token_hash=token_hash,
            invited_by=request.user,
        )
    existing = User.objects.filter(email__iexact=email).first()
    try:
        send_invitation(invitation, token, language=existing.language if existing else None)
    except MailNotSent:
        invitation.delete()  # nobody received its link
        form.add_error("email", MAIL_NOT_SENT)
        return _render_team(request, membership, invite_form=form, status=503)
    messages.success(request, _("We hebben een uitnodiging gestuurd naar %(email)s.") % {"email": email})
    return redirect("accounts:team", team.pk)


@require_POST
@login_required
def revoke_invitation(request, team_id, invitation_id):
    team = get_membership_for_user(request.user, team_id, admin=True).team
    invitation = get_object_or_404(Invitation, pk=invitation_id, team=team, accepted=None)
    invitation.delete()
    messages.success(
        request, _("De uitnodiging voor %(email)s is ingetrokken.") % {"email": invitation.email}
    )
    return redirect("accounts:team", team.pk)


def _other_membership(team, membership_id):
    try:
        return Membership.objects.select_related("user").get(pk=membership_id, team=team)
    except (Membership.DoesNotExist, ValueError):
        raise Http404 from None


def _is_last_admin(member):
    """Called inside a transaction; locks the team's beheerders so two requests cannot both pass."""
    admins = Membership.objects.select_for_update().filter(team_id=member.team_id, role=ADMIN)
    return member.is_admin and list(admins.values_list("pk", flat=True)) == [member.pk]


LAST_ADMIN = gettext_lazy(
    "Een team heeft altijd minstens één beheerder nodig. Maak eerst iemand anders beheerder."
)


@require_POST
@login_required
def change_role(request, team_id, membership_id):
    team = get_membership_for_user(request.user, team_id, admin=True).team
    member = _other_membership(team, membership_id)
    form = RoleForm(request.POST, prefix=f"m{member.pk}")
    if not form.is_valid():
        messages.error(request, _("Kies een rol: beheerder of lid."))
        return redirect("accounts:team", team.pk)
    with transaction.atomic():
        if form.cleaned_data["role"] != ADMIN and _is_last_admin(member):
            messages.error(request, LAST_ADMIN)
            return redirect("accounts:team", team.pk)
        member.role = form.cleaned_data["role"]
        member.save(update_fields=["role"])
    messages.success(
        request,
        _("%(name)s is nu %(role)s.")
        % {"name": member.user.display_name, "role": member.get_role_display().lower()},
    )
    return redirect("accounts:team", team.pk)


def _leave_organisation_without_teams(user, organisation):
    """Someone with no team left in an organisation is no longer part of it (unless they run it)."""
    if not Membership.objects.filter(user=user, team__organisation=organisation).exists():
        OrganisationMembership.objects.filter(user=user, organisation=organisation, is_admin=False).delete()


NOBODY_TO_TAKE_OVER = gettext_lazy(
    "%(name)s is nog de behandelaar van plannen in dit team, en er is niemand anders in het team die ze "
    "kan overnemen. Nodig eerst een collega uit; die kan de plannen dan overnemen."
)


@require_POST
@login_required
def remove_member(request, team_id, membership_id):
    """A member who is the clinician of plans goes only after a beheerder chose who takes them over."""
    team = get_membership_for_user(request.user, team_id, admin=True).team
    member = _other_membership(team, membership_id)
    count = plan_count(team, member.user)
    form = handover_form(request, team, member.user) if count else None
    if form is not None and not form.fields["new_owner"].queryset.exists():
        messages.error(request, NOBODY_TO_TAKE_OVER % {"name": member.user.display_name})
        return redirect("accounts:team", team.pk)
    if form is not None and not form.is_valid():
        return handover_page(request, team, member, form, count)
    with transaction.atomic():
        if _is_last_admin(member):
            messages.error(request, LAST_ADMIN)
            return redirect("accounts:team", team.pk)
        if form is not None:
            hand_over(team, member.user, form, request.user)
        member.delete()
        _leave_organisation_without_teams(member.user, team.organisation)
    if member.user_id == request.user.pk:
        messages.success(request, _("Je hebt het team %(team)s verlaten.") % {"team": team.name})
        return redirect("dashboard")
    messages.success(request, _("%(name)s zit niet meer in het team.") % {"name": member.user.display_name})
    return redirect("accounts:team", team.pk)


@require_POST
@login_required
def leave(request, team_id):
    membership = get_membership_for_user(request.user, team_id)
    team = membership.team
    count = plan_count(team, request.user)
    form = None
    if count and not membership.is_admin:
        messages.error(
            request,
            _(
                "Je bent nog de behandelaar van plannen in dit team. Vraag een beheerder van het team om je "
                "uit het team te halen; die kiest wie je plannen overneemt."
            ),
        )
        return redirect("accounts:team", team.pk)
    if count:
        form = handover_form(request, team, request.user)
        if not form.fields["new_owner"].queryset.exists():
            messages.error(request, NOBODY_TO_TAKE_OVER % {"name": request.user.display_name})
            return redirect("accounts:team", team.pk)
        if not form.is_valid():
            return handover_page(request, team, membership, form, count)
    with transaction.atomic():
        if _is_last_admin(membership):
            messages.error(
                request,
                _(
                    "Je bent de enige beheerder van dit team. "
                    "Maak eerst iemand anders beheerder, dan kun je het team verlaten."
                ),
            )
            return redirect("accounts:team", team.pk)
        if form is not None:
            hand_over(team, request.user, form, request.user)
        membership.delete()
        _leave_organisation_without_teams(request.user, team.organisation)
    messages.success(request, _("Je hebt het team %(team)s verlaten.") % {"team": team.name})
    return redirect("dashboard")


def invitation(request, token):
    """The page behind the emailed link: explain any problem, ask to log in, or let the invitee join."""
    invitation = (
        Invitation.objects.select_related("team__organisation", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
    context = {"invitation": invitation, "team": invitation.team if invitation else None}
    if invitation is None:
        return render(request, "accounts/invitation_problem.html", {"problem": "unknown"}, status=404)
    if invitation.accepted:
        return render(request, "accounts/invitation_problem.html", {**context, "problem": "used"}, status=410)
    if invitation.is_expired:
        return render(
            request, "accounts/invitation_problem.html", {**context, "problem": "expired"}, status=410
        )
    user = request.user
    if not user.is_authenticated:
        context["has_account"] = User.objects.filter(email__iexact=invitation.email).exists()
        return render(request, "accounts/invitation_login.html", context)
    if user.email.lower() != invitation.email.lower():
        return render(
            request, "accounts/invitation_problem.html", {**context, "problem": "other_email"}, status=403
        )
    if request.method == "POST":
        claimed = Invitation.objects.filter(pk=invitation.pk, accepted=None).update(accepted=timezone.now())
        if not claimed:
            return render(
                request, "accounts/invitation_problem.html", {**context, "problem": "used"}, status=410
            )
        team = invitation.team
        with transaction.atomic():
            Membership.objects.get_or_create(team=team, user=user, defaults={"role": invitation.role})
            OrganisationMembership.objects.get_or_create(organisation=team.organisation, user=user)
            if not user.email_confirmed:
                user.email_confirmed = True
                user.save(update_fields=["email_confirmed"])
        messages.success(request, _("Welkom in het team %(team)s!") % {"team": team.name})
        return redirect("accounts:team", team.pk)
    return render(request, "accounts/invitation_accept.html", context)


@require_POST
@login_required
def accept_from_dashboard(request, invitation_id):
    """A confirmed address may accept an invitation to it straight from the dashboard."""
    user = request.user
    invitation = Invitation.objects.filter(
        pk=invitation_id, email__iexact=user.email, accepted=None, expires__gt=timezone.now()
    ).first()
    if invitation is None:
        raise Http404
    if not user.email_confirmed:
        messages.warning(request, _("Bevestig eerst je e-mailadres, of gebruik de link in de uitnodiging."))
        return redirect("dashboard")
    if not Invitation.objects.filter(pk=invitation.pk, accepted=None).update(accepted=timezone.now()):
        raise Http404
    team = invitation.team
    with transaction.atomic():
        Membership.objects.get_or_create(team=team, user=user, defaults={"role": invitation.role})
        OrganisationMembership.objects.get_or_create(organisation=team.organisation, user=user)
    messages.success(request, _("Welkom in het team %(team)s!") % {"team": team.name})
    return redirect("accounts:team", team.pk)
