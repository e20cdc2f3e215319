"""Small helpers to set up a live session and its participants in tests."""

from django.test import Client

from houvast.workshops.engine import PARTICIPANT_SESSION_KEY
from houvast.workshops.models import Participant, Session, new_code

WERKVORM = "interventies-in-de-praktijk"


def make_session(team, facilitator, **fields):
    fields.setdefault("timer_duration", 300)
    return Session.objects.create(
        code=new_code(), werkvorm=WERKVORM, team=team, facilitator=facilitator, **fields
    )


def participant_client(session, name=""):
    """A fresh browser (Client) that has joined the session; returns (client, participant)."""
    participant = Participant.objects.create(session=session, token=Participant.new_token(), name=name)
    client = Client()
    django_session = client.session
    django_session[PARTICIPANT_SESSION_KEY] = {session.code: participant.token}
    django_session.save()
    return client, participant


def act(client, session, name, step=None, **data):
    from django.urls import reverse

    if step is not None:
        data["step"] = step
    return client.post(
        reverse("workshops:action", args=[session.code, name]), data, HTTP_ACCEPT="application/json"
    )
