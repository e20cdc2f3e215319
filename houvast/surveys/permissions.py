"""The one place that answers: may this request manage this round? Anything else answers 404.

A coordinator reaches a round with the private token from their email; a logged-in member of the
round's team reaches it by its id. Participants reach a round only with its public token.
"""

from django.http import Http404

from houvast.accounts.permissions import teams_for_user

from .models import Round, hash_token


def is_round_id(key):
    """A team member's key is the round's id (plain ASCII digits); a coordinator's key is a long token."""
    return key.isascii() and key.isdigit() and len(key) < 16


def get_round_for_coordinator(request, key, pending_ok=False):
    """A round that is still waiting for its email confirmation is only reachable where `pending_ok`
    (the page that shows the confirm button); every other control answers 404 until it is confirmed,
    so nobody can open a round, and have mail sent, in the name of an address that did not confirm."""
    if is_round_id(key):
        if not request.user.is_authenticated:
            raise Http404
        round_obj = Round.objects.filter(pk=int(key), team__in=teams_for_user(request.user)).first()
    else:
        round_obj = Round.objects.filter(coordinator_token_hash=hash_token(key)).first()
    if round_obj is None or (round_obj.is_pending and not pending_ok):
        raise Http404
    return round_obj


def get_round_for_participant(token):
    round_obj = Round.objects.filter(public_token=token).exclude(status=Round.Status.PENDING).first()
    if round_obj is None:
        raise Http404
    return round_obj


def rounds_for_user(user):
    if not user.is_authenticated:
        return Round.objects.none()
    return Round.objects.filter(team__in=teams_for_user(user)).select_related("team")
