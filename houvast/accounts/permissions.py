"""The one place that answers: may this user see this team or organisation? Anything else answers 404."""

from django.http import Http404

from .models import Membership, OrganisationMembership, Team


def require_professional(user):
    """Organisations and teams are for professionals; a patient account gets 404."""
    if not user.is_authenticated or not user.is_professional:
        raise Http404


def teams_for_user(user):
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user).select_related("organisation")


def get_membership_for_user(user, team_id, admin=False):
    """Return the user's Membership of the team (a beheerder's when `admin`), else raise Http404."""
    memberships = Membership.objects.select_related("team__organisation", "user")
    try:
        membership = memberships.get(team_id=team_id, user=user) if user.is_authenticated else None
    except (Membership.DoesNotExist, ValueError, TypeError):
        membership = None
    if membership is None or (admin and not membership.is_admin):
        raise Http404
    return membership


def get_team_for_user(user, team_id, admin=False):
    """Return the team if the user is a member (an admin when `admin`), else raise Http404."""
    return get_membership_for_user(user, team_id, admin=admin).team


def is_team_member(user, team):
    return user.is_authenticated and Membership.objects.filter(team=team, user=user).exists()


def organisations_for_user(user):
    """Organisations the user belongs to; a member may start a new team in them."""
    from .models import Organisation

    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).order_by("name")


def get_organisation_for_admin(user, organisation_id):
    """Return the organisation if the user administers it, else raise Http404."""
    try:
        membership = OrganisationMembership.objects.select_related("organisation").get(
            organisation_id=organisation_id, user=user, is_admin=True
        )
    except (OrganisationMembership.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    return membership.organisation
