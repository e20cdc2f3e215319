"""Post-it actions any werkvorm can reuse in its own step kinds (add, delete, move, merge, split, reasons)."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..duplicates import find_duplicates
from ..engine import ActionRefused, Change, Conflict, steps_of
from ..models import NOTE_MAX_LENGTH, Note

TARGET_GROUPS = [
    ("angst", gettext_lazy("angst")),
    ("depressie", gettext_lazy("depressie")),
    ("psychose", gettext_lazy("psychose")),
    ("verslaving", gettext_lazy("verslaving")),
    ("lvb", gettext_lazy("LVB")),
    ("persoonlijkheid", gettext_lazy("persoonlijkheid")),
    ("trauma", gettext_lazy("trauma")),
    ("eetstoornis", gettext_lazy("eetstoornis")),
]
REASONS = [
    ("diagnose", gettext_lazy("type diagnose of ernst")),
    ("organisatie", gettext_lazy("organisatie of rolverdeling")),
    ("tijd", gettext_lazy("beschikbare tijd")),
    ("keten", gettext_lazy("samenwerking in de keten")),
    ("vaardigheden", gettext_lazy("eigen vaardigheden of voorkeuren")),
    ("anders", gettext_lazy("anders")),
]
TAG_MAX_LENGTH = 40


def visible_notes(actor, step_key=None):
    """Notes this actor may see: hidden ones only for their author and the facilitator, never on the
    projector (and never merged-away ones)."""
    notes = actor.session.notes.filter(merged_into=None)
    if step_key:
        notes = notes.filter(step_key=step_key)
    if not actor.is_facilitator or actor.on_projector:
        mine = Q(author=actor.participant) if actor.participant else Q(pk=None)
        notes = notes.filter(Q(hidden=False) | mine)
    return notes


# While a change is published, the post-its are read once for all audiences (see `one_board_read`).
_BOARD_READS = ContextVar("board_reads", default=None)


@contextmanager
def one_board_read():
    """Within this block, `board_list` reads a session's post-its from the database once; each audience
    then gets its part of that list. The block ends before anything else can change them."""
    token = _BOARD_READS.set({})
    try:
        yield
    finally:
        _BOARD_READS.reset(token)


def board_list(actor, step_key):
    """The post-its of a step this actor may see, with their merged children (as `visible_notes`)."""
    reads = _BOARD_READS.get()
    if reads is None or actor.participant is not None:
        return with_children(visible_notes(actor, step_key))
    key = (actor.session.pk, step_key)
    if key not in reads:
        reads[key] = with_children(actor.session.notes.filter(merged_into=None, step_key=step_key))
    if actor.is_facilitator and not actor.on_projector:
        return list(reads[key])
    return [note for note in reads[key] if not note.hidden]


def with_children(notes):
    """The notes as a list, each with `merged_children` (the notes merged into it), in one query."""
    notes = list(notes)
    children = {}
    if notes:
        merged = Note.objects.filter(merged_into__in=[n.pk for n in notes]).order_by("position", "id")
        for child in merged.only("pk", "text", "merged_into_id"):
            children.setdefault(child.merged_into_id, []).append(child)
    for note in notes:
        note.merged_children = children.get(note.pk, [])
    return notes


def without_nul(value):
    """The text without NUL characters: PostgreSQL refuses them, and nobody types one on purpose."""
    return (value or "").replace("\x00", "")


def clean_text(value, required_message=None):
    text = " ".join(without_nul(value).split())
    if not text:
        raise ActionRefused(required_message or _("Je post-it is nog leeg. Schrijf er één interventie op."))
    if len(text) > NOTE_MAX_LENGTH:
        raise ActionRefused(
            _(
                "Je post-it is %(length)s tekens lang. Er passen er %(max)s op. "
                "Maak hem korter of verdeel hem over twee post-its."
            )
            % {"length": len(text), "max": NOTE_MAX_LENGTH}
        )
    return text


def _note(actor, data, include_merged=False):
    try:
        note_id = int(data.get("note", ""))
    except ValueError:
        note_id = None
    notes = actor.session.notes.all() if include_merged else visible_notes(actor)
    note = notes.filter(pk=note_id).first() if note_id else None
    if note is None:
        raise Conflict(_("Deze post-it bestaat niet meer. Misschien heeft iemand hem net samengevoegd."))
    return note


def _check_version(note, data):
    sent = data.get("version")
    if sent and sent != str(note.version):
        raise Conflict(
            _(
                "Iemand anders heeft deze post-it net veranderd. "
                "Je ziet nu hoe hij er nu bij staat; probeer het zo nodig opnieuw."
            )
        )


def _save(note, *fields):
    """Save with a version check in the UPDATE itself, so two requests never both win."""
    updated = Note.objects.filter(pk=note.pk, version=note.version).update(
        version=note.version + 1, **{f: getattr(note, f) for f in fields}
    )
    if not updated:
        raise Conflict(
            _("Iemand anders heeft deze post-it net veranderd. Je ziet nu hoe hij er nu bij staat.")
        )
    note.version += 1


def note_add(actor, data, step):
    text = clean_text(data.get("text"))
    tags = [t for t in data.getlist("tags") if t in dict(TARGET_GROUPS)]
    free = " ".join(without_nul(data.get("tag_other")).split())[:TAG_MAX_LENGTH]
    if free:
        tags.append(free)
    column = data.get("column", "")
    if column not in Note.Column.values:
        column = ""
    session = actor.session
    step_key = data.get("step_key") or step.key
    if step_key not in {s.key for s in steps_of(session)}:
        raise ActionRefused(_("Deze stap bestaat niet. Laad de pagina opnieuw en probeer het nog eens."))
    position = (session.notes.aggregate(m=Max("position"))["m"] or 0) + 1
    note = Note.objects.create(
        session=session,
        step_key=step_key,
        author=actor.participant,
        by_facilitator=actor.is_facilitator,
        text=text,
        tags=tags,
        column=column,
        hidden=session.hide_notes and not session.state.get("revealed", False),
        position=position,
    )
    return Change("notes", notes=[note.pk])


def note_delete(actor, data, step):
    note = _note(actor, data)
    if not actor.is_facilitator and note.author_id != getattr(actor.participant, "pk", None):
        raise ActionRefused(_("Je kunt alleen je eigen post-its weghalen."))
    children = list(note.children.values_list("pk", flat=True))
    note.children.update(merged_into=None)
    author = note.author_id
    note_id = note.pk
    note.delete()
    # A facilitator who removes someone's hidden post-it changes that person's own list.
    personal = [author] if author and author != getattr(actor.participant, "pk", None) else []
    return Change("notes", notes=[note_id, *children], personal=personal)


def note_move(actor, data, step):
    note = _note(actor, data)
    _check_version(note, data)
    column = data.get("column", "")
    if column not in Note.Column.values:
        raise ActionRefused(_("Kies een van de drie kolommen."))
    note.column = column
    position = (actor.session.notes.filter(column=column).aggregate(m=Max("position"))["m"] or 0) + 1
    note.position = position
    _save(note, "column", "position")
    return Change("notes", notes=[note.pk])


def note_merge(actor, data, step):
    note = _note(actor, data)
    # The number as typed on a phone ("nr. 12", "#12") or sent by a button.
    digits = "".join(ch for ch in str(data.get("into", ""))[:20] if ch.isascii() and ch.isdigit())
    into_id = int(digits) if digits else None
    target = visible_notes(actor).filter(pk=into_id).first() if into_id else None
    if target is None or target.pk == note.pk:
        raise ActionRefused(_("Kies een andere post-it om deze mee samen te voegen."))
    _check_version(note, data)
    note.merged_into = target
    _save(note, "merged_into")
    tags = list(dict.fromkeys([*target.tags, *note.tags]))
    target.tags = tags
    children = list(note.children.values_list("pk", flat=True))
    note.children.update(merged_into=target)
    if not target.column:
        target.column = note.column
    _save(target, "tags", "column")
    personal = [note.author_id] if note.hidden and note.author_id else []
    return Change("notes", notes=[note.pk, target.pk, *children], personal=personal)


def note_split(actor, data, step):
    note = _note(actor, data)
    children = list(note.children.all())
    if not children:
        raise ActionRefused(_("Deze post-it is niet samengevoegd, dus er valt niets te splitsen."))
    Note.objects.filter(pk__in=[c.pk for c in children]).update(merged_into=None, column=note.column)
    _save(note, "column")
    return Change("notes", notes=[note.pk, *(c.pk for c in children)])


def note_reasons(actor, data, step):
    note = _note(actor, data)
    _check_version(note, data)
    reasons = [r for r in data.getlist("reasons") if r in dict(REASONS)]
    other = " ".join(without_nul(data.get("reason_other")).split())
    if len(other) > NOTE_MAX_LENGTH:
        raise ActionRefused(
            _("Die toelichting is te lang. Er passen %(max)s tekens in.") % {"max": NOTE_MAX_LENGTH}
        )
    if other and "anders" not in reasons:
        reasons.append("anders")
    note.reasons = reasons
    note.reason_other = other
    _save(note, "reasons", "reason_other")
    return Change("notes", notes=[note.pk])


def likely_duplicates(notes):
    """Pairs (a, b) of notes whose texts look alike; see duplicates.py (cached per revision there)."""
    return find_duplicates(notes)
