"""Post-it actions any werkvorm can reuse in its own step kinds (add, delete, move, merge, split, reasons)."""

import difflib
import re

from django.db.models import Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..engine import ActionRefused, Conflict, steps_of
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
    return notes.select_related("author").prefetch_related("children")


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
    Note.objects.create(
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
    return "notes"


def note_delete(actor, data, step):
    note = _note(actor, data)
    if not actor.is_facilitator and note.author_id != getattr(actor.participant, "pk", None):
        raise ActionRefused(_("Je kunt alleen je eigen post-its weghalen."))
    note.children.update(merged_into=None)
    note.delete()
    return "notes"


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
    return "notes"


def note_merge(actor, data, step):
    note = _note(actor, data)
    try:
        into_id = int(data.get("into", ""))
    except ValueError:
        into_id = None
    target = visible_notes(actor).filter(pk=into_id).first() if into_id else None
    if target is None or target.pk == note.pk:
        raise ActionRefused(_("Kies een andere post-it om deze mee samen te voegen."))
    _check_version(note, data)
    note.children.update(merged_into=target)
    note.merged_into = target
    _save(note, "merged_into")
    tags = list(dict.fromkeys([*target.tags, *note.tags]))
    target.tags = tags
    if not target.column:
        target.column = note.column
    _save(target, "tags", "column")
    return "notes"


def note_split(actor, data, step):
    note = _note(actor, data)
    children = list(note.children.all())
    if not children:
        raise ActionRefused(_("Deze post-it is niet samengevoegd, dus er valt niets te splitsen."))
    Note.objects.filter(pk__in=[c.pk for c in children]).update(merged_into=None, column=note.column)
    _save(note, "column")
    return "notes"


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
    return "notes"


def _words(text):
    return " ".join(re.findall(r"\w+", text.lower()))


def likely_duplicates(notes, threshold=0.75):
    """Pairs (a, b) of notes whose texts look alike ("psycho-educatie" / "psycho-educatie geven")."""
    pairs = []
    prepared = [(n, _words(n.text)) for n in notes]
    for i, (a, ta) in enumerate(prepared):
        for b, tb in prepared[i + 1 :]:
            if not ta or not tb:
                continue
            short, long = sorted((ta, tb), key=len)
            contained = len(short) >= 5 and short in long
            if contained or difflib.SequenceMatcher(None, ta, tb).ratio() >= threshold:
                pairs.append((a, b))
    return pairs
