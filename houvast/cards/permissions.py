"""The one place that answers: may this user see this card selection? Anything else answers 404."""

from django.http import Http404

from houvast.accounts.permissions import teams_for_user

from .models import CardSelection, ShareLink


def selections_for_user(user):
    """A professional's own selections, in teams they still belong to."""
    if not user.is_authenticated or not user.is_professional:
        return CardSelection.objects.none()
    return CardSelection.objects.filter(owner=user, team__in=teams_for_user(user)).select_related("team")


def get_selection_for_user(user, selection_id):
    try:
        return selections_for_user(user).get(pk=selection_id)
    except (CardSelection.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_share_link_for_user(user, selection_id, link_id):
    selection = get_selection_for_user(user, selection_id)
    try:
        return selection.share_links.get(pk=link_id)
    except (ShareLink.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
