"""One WebSocket per open session page. It only relays "something changed" messages; all changes go
through HTTP views (engine.perform), so the database is always the truth."""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .engine import PARTICIPANT_SESSION_KEY, group_name
from .models import Participant, Session, normalise_code

# Sent as the close code when the socket belongs to nobody in this session: the client stops retrying.
CLOSE_NOT_ALLOWED = 4403


@database_sync_to_async
def _allowed(scope, code):
    """The revision when the socket belongs to the facilitator or a participant of this session, else None."""
    session = Session.objects.filter(code=code).first()
    if session is None:
        return None
    user = scope.get("user")
    if user is not None and user.is_authenticated and user.pk == session.facilitator_id:
        return session.revision
    django_session = scope.get("session")
    tokens = django_session.get(PARTICIPANT_SESSION_KEY, {}) if django_session is not None else {}
    token = tokens.get(code) if isinstance(tokens, dict) else None
    if token and Participant.objects.filter(session=session, token=token).exists():
        return session.revision
    return None


class SessionConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.code = normalise_code(self.scope["url_route"]["kwargs"]["code"])
        self.group = None
        revision = await _allowed(self.scope, self.code)
        if revision is None:
            # Accept first so the browser sees our close code (a refused handshake only shows 1006).
            await self.accept()
            await self.close(code=CLOSE_NOT_ALLOWED)
            return
        self.group = group_name(self.code)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        # A (re)connecting client compares this with its copy and reloads when it is behind.
        await self.send_json({"type": "hello", "revision": revision})

    async def disconnect(self, close_code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        # Clients only send pings; anything that is not JSON is ignored instead of closing the socket.
        try:
            content = json.loads(text_data or "")
        except ValueError:
            return
        await self.receive_json(content, **kwargs)

    async def receive_json(self, content, **kwargs):
        if self.group and isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def session_changed(self, event):
        await self.send_json({"type": "changed", "what": event["what"], "revision": event["revision"]})
