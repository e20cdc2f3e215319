"""The one place that answers: may this person see this session? Anything else answers 404."""

from django.http import Http404

from houvast.accounts.permissions import is_team_member

from .engine import actor_for
from .models import Session, normalise_code


def find_session(code):
    """The session with this code, or None (for views that must count a wrong code before answering)."""
    return Session.objects.select_related("team", "facilitator").filter(code=normalise_code(code)).first()


def get_session(code):
    session = find_session(code)
    if session is None:
        raise Http404
    return session


def get_session_for_actor(request, code):
    """(session, actor) for the facilitator or a participant of the session, else Http404."""
    session = get_session(code)
    actor = actor_for(request, session)
    if actor is None:
        raise Http404
    return session, actor


def get_session_for_team_member(request, code):
    """The session when the user is in its team (reports stay available to the team)."""
    session = get_session(code)
    if not is_team_member(request.user, session.team):
        raise Http404
    return session
