from django.utils import timezone

from .models import Invitation, Membership, OrganisationMembership


def teams_section(request):
    """The user's teams, invitations waiting for them, and the organisations they manage."""
    user = request.user
    if not user.is_professional:
        return None  # patients are not in teams; their plan is their dashboard
    memberships = Membership.objects.filter(user=user).select_related("team__organisation")
    invitations = Invitation.objects.filter(
        email__iexact=user.email, accepted=None, expires__gt=timezone.now()
    ).select_related("team", "invited_by")
    invitations = invitations.exclude(team__memberships__user=user)
    admin_of = OrganisationMembership.objects.filter(user=user, is_admin=True).select_related("organisation")
    return {
        "template": "accounts/_dashboard_teams.html",
        "memberships": memberships.order_by("team__name"),
        "invitations": invitations,
        "admin_of": admin_of,
    }


section = teams_section
