"""The stage: the part of the session page that changes while the session runs.

A stage is rendered for an audience (every participant, the facilitator, the projector) once per
revision and cached; what belongs to one participant only (their dots, their plan, their hidden
post-its) comes from the step kind's personal template and fills the stage's empty places (slots).
"""

import gzip
import hashlib
import re

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from houvast.lib.compression import deflate_part

from . import engine
from .kinds import get_kind

AUDIENCES = ("participant", "facilitator", "projector")
CACHE_SECONDS = 3600
# Forms in a shared stage carry this instead of a person's CSRF token; each screen puts in its own.
CSRF_PLACEHOLDER = "csrf-token-of-this-screen"
_SLOT = re.compile(r'<template data-slot="([\w-]+)">(.*?)</template>', re.S)


def clock(seconds):
    """Seconds as "m:ss" ("-0:30" once the time is up)."""
    sign = "-" if seconds < 0 else ""
    minutes, rest = divmod(abs(int(seconds)), 60)
    return f"{sign}{minutes}:{rest:02d}"


def audience_of(actor):
    if actor.on_projector:
        return "projector"
    return "facilitator" if actor.is_facilitator else "participant"


def audience_actor(session, audience):
    return engine.Actor(
        session=session,
        is_facilitator=audience == "facilitator",
        on_projector=audience == "projector",
        shared=True,
    )


def stage_context(actor, projector=False, with_step=True):
    """What _stage.html needs. `with_step` False leaves out the step's own context (the post-its, the
    suggestions) for a render whose step part comes from the cache: only the kind's frame context."""
    session = actor.session
    actor.on_projector = projector or actor.on_projector
    werkvorm = engine.werkvorm_of(session)
    steps = list(werkvorm.steps) if werkvorm else []
    step = engine.current_step(session)
    kind = get_kind(step.kind) if step else None
    now = timezone.now()
    elapsed_minutes = int(((session.ended_at or now) - session.created).total_seconds() // 60)
    ctx = {
        "session": session,
        "actor": actor,
        "werkvorm": werkvorm,
        "steps": steps,
        "step": step,
        "kind": kind,
        "is_facilitator": actor.is_facilitator,
        "is_open": session.is_open,
        "timer_remaining": session.timer_remaining(now),
        "timer_text": clock(max(0, session.timer_remaining(now))),
        "projector": actor.on_projector,
        "timer_running": session.timer_running,
        "elapsed_minutes": elapsed_minutes,
        "participant_count": session.participants.count(),
        "is_last_step": step is not None and step.number >= len(steps),
        "personal": has_personal(session, kind) and actor.for_all_participants,
        # A participant's screen (often a phone): the thing to do comes before the longer explanation.
        "participant_view": actor.for_all_participants
        or (actor.participant is not None and not actor.on_projector),
    }
    if actor.shared:
        ctx["csrf_token"] = CSRF_PLACEHOLDER
    if kind and kind.frame_context:
        ctx.update(kind.frame_context(actor, step))
    if not with_step:
        return ctx
    if kind and kind.context:
        ctx.update(kind.context(actor, step))
    if actor.shared and kind is not None and kind.note_template and "notes" in ctx:
        ctx["note_html"] = note_fragments(kind, ctx, ctx["notes"])
    return ctx


def note_fragments(kind, ctx, notes):
    """Each post-it as this audience sees it, {id: html}: rendered once per version of the note (every
    change to a note bumps its version) and then read from the cache in one round trip."""
    audience = audience_of(ctx["actor"])
    language = translation.get_language() or "nl"
    prefix = f"workshop-note:{ctx['step'].key}:{int(ctx['is_open'])}:{audience}:{language}"
    keys = {note.pk: f"{prefix}:{note.pk}:{note.version}" for note in notes}
    found = cache.get_many(list(keys.values()))
    fragments, missing = {}, {}
    for note in notes:
        html = found.get(keys[note.pk])
        if html is None:
            html = render_to_string(kind.note_template, {**ctx, "note": note})
            missing[keys[note.pk]] = html
        fragments[note.pk] = html
    if missing:
        cache.set_many(missing, CACHE_SECONDS)
    return fragments


def has_personal(session, kind):
    return bool(kind and kind.personal_template and kind.has_personal and kind.has_personal(session))


def board_fingerprint(session):
    """Every post-it of the session as it stands (id, version, place, hidden, merged), in a short hash:
    one narrow query, no model instances. A change to a post-it's text, column or reasons bumps its
    version; hiding, revealing, merging and splitting change the other columns."""
    rows = session.notes.order_by("pk").values_list(
        "pk", "version", "step_key", "column", "position", "hidden", "merged_into_id"
    )
    return hashlib.blake2b(repr(list(rows)).encode(), digest_size=12).hexdigest()


def step_body_key(session, kind, audience, language):
    """The cache key of a post-it step's own part for an audience, or None for other kinds. Besides the
    post-its, the part shows only session settings that are in the key; a timer change, a join or a new
    revision elsewhere in the session leaves it as it is."""
    if kind is None or not kind.note_template:
        return None
    state = session.state or {}
    return (
        f"workshop-step-body:{session.pk}:{session.step_index}:{session.status}:{audience}:{language}:"
        f"{int(session.hide_notes)}{int(bool(state.get('revealed')))}{int(session.shared_screen)}:"
        f"{board_fingerprint(session)}"
    )


def _stage_key(session, audience, language):
    # The revision changes with every change made through the engine; the step and status are in the key
    # too, for changes made outside it (an operator, a test).
    return (
        f"workshop-stage:{session.pk}:{session.revision}:{session.step_index}:{session.status}:"
        f"{audience}:{language}"
    )


def render_shared(session, audience, language):
    """The stage as everyone in this audience sees it, rendered once per revision (the facilitator's, with
    the live participant count, each time: there is one facilitator). On a post-it step, the step's own
    part is rendered once per state of the post-its: a new revision that left them alone (the timer, a
    setting) renders only the frame around it."""
    key = _stage_key(session, audience, language)
    html = cache.get(key) if audience != "facilitator" else None
    if html is None:
        with translation.override(language):
            step = engine.current_step(session)
            kind = get_kind(step.kind) if step else None
            body_key = step_body_key(session, kind, audience, language)
            body = cache.get(body_key) if body_key else None
            actor = audience_actor(session, audience)
            ctx = stage_context(actor, with_step=body is None)
            if body_key and body is None:
                body = render_to_string(kind.template, ctx)
                cache.set(body_key, body, CACHE_SECONDS)
            ctx["step_body"] = mark_safe(body) if body is not None else None
            html = render_to_string("workshops/_stage.html", ctx)
        if audience != "facilitator":
            cache.set(key, html, CACHE_SECONDS)
    return html


def shared_audience(actor, projector=False):
    """The audience whose shared stage this screen can use as it is (its own parts are fetched apart and
    its page script puts in its CSRF token), or None: the facilitator's own screen, per-person steps."""
    if projector or actor.on_projector:
        return "projector"
    if actor.participant is None:
        return None
    step = engine.current_step(actor.session)
    kind = get_kind(step.kind) if step else None
    return None if kind is not None and kind.per_person else "participant"


def shared_gzip(session, audience, language):
    """The shared stage gzip-compressed once per revision: the same bytes for every screen of the audience.
    It holds nothing one person may see and another not (no CSRF token, no personal parts), so compressing
    it gives a BREACH attack no secret to find."""
    key = _stage_key(session, audience, language) + ":gzip"
    body = cache.get(key)
    if body is None:
        html = render_shared(session, audience, language)
        body = gzip.compress(html.encode(), compresslevel=3, mtime=0)  # ~1 ms for a hall's board
        cache.set(key, body, CACHE_SECONDS)
    return body


def shared_deflate(session, audience, language):
    """The shared stage as raw deflate blocks, compressed once per revision, to stand inside a participant's
    first load of the session page between parts that are stored uncompressed (first_load.py)."""
    key = _stage_key(session, audience, language) + ":deflate"
    body = cache.get(key)
    if body is None:
        # Level 6: once per revision, ~2 ms for 150 post-its, a quarter smaller than level 3.
        body = deflate_part(render_shared(session, audience, language).encode(), level=6)
        cache.set(key, body, CACHE_SECONDS)
    return body


def render_personal(actor, extra=None):
    """The participant's own part of the current step: `<template data-slot>` blocks, or ""."""
    session = actor.session
    step = engine.current_step(session)
    kind = get_kind(step.kind) if step else None
    if actor.participant is None or not has_personal(session, kind):
        return ""
    ctx = {
        "session": session,
        "actor": actor,
        "step": step,
        "is_open": session.is_open,
        "is_facilitator": False,
        "projector": False,
        "csrf_token": CSRF_PLACEHOLDER,
    }
    if kind.personal_context:
        ctx.update(kind.personal_context(actor, step))
    ctx.update(extra or {})
    return render_to_string(kind.personal_template, ctx)


def fill_slots(html, personal):
    """Put the personal parts into the shared stage's empty places (for a page rendered on the server)."""
    for key, content in _SLOT.findall(personal):
        html = html.replace(f'<div data-slot="{key}"></div>', f'<div data-slot="{key}">{content}</div>', 1)
        html = html.replace(
            f'<div data-slot="{key}" class="inline-form"></div>',
            f'<div data-slot="{key}" class="inline-form">{content}</div>',
            1,
        )
    return html


def render_stage_for(request, actor, projector=False, extra=None):
    """One person's complete stage: the shared one, their own parts filled in, their CSRF token."""
    session = actor.session
    actor.on_projector = projector or actor.on_projector
    step = engine.current_step(session)
    kind = get_kind(step.kind) if step else None
    language = translation.get_language() or "nl"
    if actor.participant is not None and not actor.on_projector and kind is not None and kind.per_person:
        ctx = stage_context(actor)
        ctx.update(extra or {})
        html = render_to_string("workshops/_stage.html", ctx, request=request)
    else:
        html = render_shared(session, audience_of(actor), language)
        if actor.participant is not None and not actor.on_projector:
            html = fill_slots(html, render_personal(actor, extra))
            html = html.replace(
                f'data-owner="{actor.participant.pk}" hidden', f'data-owner="{actor.participant.pk}"'
            )
    return html.replace(CSRF_PLACEHOLDER, get_token(request))
