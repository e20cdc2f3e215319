"""Sending a change to every screen of a session: rendered once per audience, pushed over the sockets.

Each socket joins three groups: the session's (participant counts), its audience's in its language
("everyone who participates, in Dutch") and, for a participant, their own. After an action,
`publish()` builds one message per audience and language that is connected and sends it, serialised
once, to that group:

- "patch": the changed post-its and the small regions around them (counts, suggestions), for steps
  whose kind renders post-its one by one; the screen applies it on top of the previous revision;
- "stage": the whole shared stage (a new step, a vote, a timer change for the facilitator);
- "timer": the countdown only;
- "changed": the screen fetches its own stage over HTTP (kinds where every participant sees a
  different stage, in small groups).

Personal parts never travel in these messages; a screen fetches its own part after its own action,
after a new step, or when told by a "personal" message. docs/workshops.md explains the choice.
"""

import gzip
import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from . import engine, stage
from .kinds import get_kind
from .kinds.notes import one_board_read

REGISTRY_SECONDS = 24 * 3600


def audience_group(code, audience, language):
    return f"workshop-{code}-{audience}-{language}"


def person_group(code, participant_id):
    return f"workshop-{code}-p{participant_id}"


def languages():
    return [code for code, _name in settings.LANGUAGES]


def _registry_key(code, audience, language):
    return f"workshop-audience:{code}:{audience}:{language}"


# Audiences with a socket in this process, by session code: exact, and never evicted like a cache entry.
_LOCAL_SCREENS = {}


def register_screen(code, audience, language):
    """Remember that this audience in this language has a screen open, so changes are rendered for it:
    in this process, and in the cache for the other app processes (Redis at scale)."""
    _LOCAL_SCREENS.setdefault(code, set()).add((audience, language))
    cache.set(_registry_key(code, audience, language), 1, REGISTRY_SECONDS)


def connected_audiences(code):
    keys = {
        _registry_key(code, audience, language): (audience, language)
        for audience in stage.AUDIENCES
        for language in languages()
    }
    found = cache.get_many(list(keys))
    local = _LOCAL_SCREENS.get(code, set())
    return [pair for key, pair in keys.items() if key in found or pair in local]


# A message this long goes as one gzip-compressed binary frame, compressed once for the whole group: a
# hall's stage (150 post-its, some 450 KB of HTML) becomes ~25 KB on every phone, and the server does not
# compress it again per socket (`manage.py serve` turns WebSocket per-message deflate off).
COMPRESS_FROM = 2048


def frame(payload):
    """The channel-layer event that carries this message to the sockets of a group."""
    text = payload if isinstance(payload, str) else json.dumps(payload, separators=(",", ":"))
    if len(text) < COMPRESS_FROM:
        return {"type": "session.message", "text": text}
    return {"type": "session.message", "bytes": gzip.compress(text.encode(), compresslevel=6, mtime=0)}


def read_frame(event):
    """The message in an event made by `frame` (for tests and the benchmark's screens)."""
    if event.get("bytes") is not None:
        return json.loads(gzip.decompress(event["bytes"]))
    return json.loads(event["text"])


def _send(group, payload):
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(group, frame(payload))


def publish(session, change, revision):
    """Send this change (already committed as `revision`) to every connected screen of the session.

    What is sent shows the state now, which may already include a later change: applying it is harmless,
    as every message puts notes and regions in their current form."""
    session.refresh_from_db()
    if change.shared:
        with one_board_read():
            for audience, language in connected_audiences(session.code):
                with translation.override(language):
                    message = build_message(session, change, audience, language)
                message["revision"] = revision
                _send(audience_group(session.code, audience, language), message)
    for participant_id in change.personal:
        _send(person_group(session.code, participant_id), {"type": "personal"})


def publish_participant_count(session):
    """A join changes a number on the facilitator's screen, not anyone's stage."""
    count = session.participants.count()
    _send(engine.group_name(session.code), {"type": "count", "participants": count})


def build_message(session, change, audience, language):
    step = engine.current_step(session)
    kind = get_kind(step.kind) if step else None
    revision = session.revision
    if audience == "participant" and kind is not None and kind.per_person:
        return {"type": "changed", "revision": revision}
    if change.what == "timer" and audience != "facilitator":
        return {"type": "timer", "revision": revision, **timer_state(session)}
    if change.what == "notes" and change.notes and kind is not None and kind.note_template:
        return {"type": "patch", "revision": revision, "ops": note_ops(session, change, kind, audience)}
    return {
        "type": "stage",
        "revision": revision,
        "step": step.key if step else "",
        "html": stage.render_shared(session, audience, language),
    }


def timer_state(session):
    remaining = session.timer_remaining()
    return {
        "remaining": remaining,
        "running": session.timer_running,
        "text": stage.clock(max(0, remaining)),
    }


def note_ops(session, change, kind, audience):
    """Operations that turn the previous revision's stage into this one: each changed note rendered
    once for the audience (or removed when it is gone for them), then the regions around the notes."""
    actor = stage.audience_actor(session, audience)
    ctx = stage.stage_context(actor)
    notes = ctx.get("notes", [])
    by_id = {note.pk: note for note in notes}
    rendered = ctx.get("note_html", {})
    ops = []
    for note_id in dict.fromkeys(change.notes):
        note = by_id.get(note_id)
        if note is None:
            ops.append({"op": "remove", "id": f"note-{note_id}"})
            continue
        parent = kind.note_parent(note)
        siblings = [n for n in notes if kind.note_parent(n) == parent]
        after = siblings[siblings.index(note) + 1 :]
        ops.append(
            {
                "op": "put",
                "id": f"note-{note.pk}",
                "parent": parent,
                "before": f"note-{after[0].pk}" if after else "",
                "html": rendered.get(note.pk) or render_to_string(kind.note_template, {**ctx, "note": note}),
            }
        )
    if kind.regions:
        ops.append({"op": "regions", "html": render_to_string(kind.regions, ctx)})
    return ops
