"""One WebSocket per open session page. It relays what `live.publish()` sends; all changes go through HTTP
views (engine.perform), so the database is always the truth and a (re)connecting screen resyncs."""

import json
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from . import live
from .engine import PARTICIPANT_SESSION_KEY, group_name
from .models import Participant, Session, normalise_code

# Sent as the close code when the socket belongs to nobody in this session: the client stops retrying.
CLOSE_NOT_ALLOWED = 4403
# Clients only send small pings; anything larger is ignored unread.
MAX_FRAME = 16 * 1024


@database_sync_to_async
def _who(scope, code):
    """(revision, audience, participant id) of the facilitator or a participant here, or None."""
    session = Session.objects.filter(code=code).first()
    if session is None:
        return None
    user = scope.get("user")
    django_session = scope.get("session")
    if user is not None and user.is_authenticated and user.pk == session.facilitator_id:
        if not _second_factor_done(user, django_session):
            return None
        return session.revision, "facilitator", None
    tokens = django_session.get(PARTICIPANT_SESSION_KEY, {}) if django_session is not None else {}
    token = tokens.get(code) if isinstance(tokens, dict) else None
    if isinstance(token, str) and token:
        participant = Participant.objects.filter(session=session, token=token).first()
        if participant is not None:
            return session.revision, "participant", participant.pk
    return None


def _second_factor_done(user, django_session):
    """As on every page (RequireTwoFactorMiddleware): a user who needs a second factor has verified one in
    this browser session (django-otp keeps the device there)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.models import Device

    from houvast.accounts.two_factor import needs_two_factor

    if not needs_two_factor(user):
        return True
    persistent_id = django_session.get(DEVICE_ID_SESSION_KEY) if django_session is not None else None
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    return device is not None and device.user_id == user.pk and device.confirmed


def _query(scope):
    try:
        return parse_qs(scope.get("query_string", b"").decode("ascii", "ignore"))
    except ValueError:
        return {}


class SessionConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.code = normalise_code(self.scope["url_route"]["kwargs"]["code"])
        self.groups_joined = []
        found = await _who(self.scope, self.code)
        if found is None:
            # Accept first so the browser sees our close code (a refused handshake only shows 1006).
            await self.accept()
            await self.close(code=CLOSE_NOT_ALLOWED)
            return
        revision, audience, participant_id = found
        query = _query(self.scope)
        if query.get("weergave") == ["bord"]:
            audience = "projector"
        language = (query.get("taal") or [""])[0]
        if language not in live.languages():
            language = settings.LANGUAGE_CODE
        groups = [group_name(self.code), live.audience_group(self.code, audience, language)]
        if participant_id is not None and audience == "participant":
            groups.append(live.person_group(self.code, participant_id))
        await database_sync_to_async(live.register_screen)(self.code, audience, language)
        for group in groups:
            await self.channel_layer.group_add(group, self.channel_name)
        self.groups_joined = groups
        await self.accept()
        # A (re)connecting client compares this with its copy and reloads when it is behind.
        await self.send(text_data=json.dumps({"type": "hello", "revision": revision}))

    async def disconnect(self, close_code):
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        """Clients only send pings; anything else (binary, too large, not JSON, too deep) is ignored."""
        if not self.groups_joined or not text_data or len(text_data) > MAX_FRAME:
            return
        try:
            content = json.loads(text_data)
        except (ValueError, RecursionError):
            return
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send(text_data='{"type":"pong"}')

    async def dispatch(self, message):
        """Relayed messages and pings touch no database: skip Channels' per-message hop to the sync thread
        (`aclose_old_connections`), which was a quarter of a hall's CPU per change, once per socket."""
        if message["type"] == "session.message":
            await self.session_message(message)
        elif message["type"] == "websocket.receive" and self.groups_joined:
            await self.receive(message.get("text"), message.get("bytes"))
        else:
            await super().dispatch(message)

    async def session_message(self, event):
        """Relay a message of `live.publish()`: text, or a long one as gzip-compressed bytes."""
        if event.get("bytes") is not None:
            await self.send(bytes_data=event["bytes"])
        else:
            await self.send(text_data=event["text"])
