"""The five step kinds of the werkvorm "Interventies in de praktijk" (seeds 000/001).

Session.state keys used here: "focus" ("tijdens" | "afronding"), "chosen" (list of note ids, 1–2).
"""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..duplicates import duplicates_for
from ..engine import ActionRefused, Change, Conflict
from ..models import ActionPlan, Note, SharedAnswer, Vote
from . import Action, StepKind, register
from .notes import (
    REASONS,
    TARGET_GROUPS,
    board_list,
    note_add,
    note_delete,
    note_merge,
    note_move,
    note_reasons,
    note_split,
    with_children,
    without_nul,
)

FOCUS_CHOICES = [
    ("tijdens", gettext_lazy("Tijdens de behandeling (doorlopend terugval voorkomen)")),
    ("afronding", gettext_lazy("Richting afronding (terugvalpreventie borgen na behandeling)")),
]
COLUMNS = [
    (Note.Column.OFTEN, gettext_lazy("Veel ingezet")),
    (Note.Column.SOMETIMES, gettext_lazy("Soms ingezet")),
    (Note.Column.RARELY, gettext_lazy("Zelden ingezet")),
]
MAX_CHOSEN = 2
NOTES_STEP = "interventies"
PLAN_ITEMS = [
    ("interventie", gettext_lazy("1 interventie die ik de komende twee weken vaker ga toepassen")),
    (
        "afspraak",
        gettext_lazy("1 afspraak die ik beter wil borgen (bijv. betrekken van huisarts of naasten)"),
    ),
    ("belemmering", gettext_lazy("1 belemmering die ik met mijn team wil bespreken")),
]
PLAN_ITEM_MAX = 500
ANSWER_MAX = 2000


def focus_label(session):
    return dict(FOCUS_CHOICES).get(session.state.get("focus"), "")


def focus_context(actor, step):
    return {"focus_label": focus_label(actor.session)}


def set_focus(actor, data, step):
    focus = data.get("focus")
    if focus not in dict(FOCUS_CHOICES):
        raise ActionRefused(_("Kies een van de twee mogelijkheden."))
    session = actor.session
    session.state = {**session.state, "focus": focus}
    session.save(update_fields=["state"])
    return "focus"


def board_notes(actor):
    """The notes this actor may see, the three columns and the unsorted ones (in one query)."""
    notes = board_list(actor, NOTES_STEP)
    columns = [
        {"key": key, "label": label, "number": number, "notes": [n for n in notes if n.column == key]}
        for number, (key, label) in enumerate(COLUMNS, start=1)
    ]
    unsorted = [n for n in notes if not n.column]
    return notes, columns, unsorted


def _hidden_pending(session):
    return session.hide_notes and not session.state.get("revealed", False)


def _duplicates(actor, notes):
    """Suggestions to merge, computed once per revision for what this audience may see."""
    variant = "all" if actor.is_facilitator and not actor.on_projector else "visible"
    return duplicates_for(actor.session, notes, variant)


def common_context(actor, step):
    from ..engine import werkvorm_of

    session = actor.session
    notes, columns, unsorted = board_notes(actor)
    tray = {"key": "", "label": Note.Column.NONE.label, "number": 0, "notes": unsorted}
    return {
        "focus_choices": FOCUS_CHOICES,
        "focus_label": focus_label(session),
        "target_groups": TARGET_GROUPS,
        "reason_choices": REASONS,
        "columns": columns,
        "all_columns": [tray, *columns],
        "unsorted": unsorted,
        "notes": notes,
        "werkvorm": werkvorm_of(session),
        "hidden_count": session.notes.filter(hidden=True, merged_into=None).count()
        if _hidden_pending(session)
        else 0,
        "personal_slots": actor.for_all_participants and _hidden_pending(session),
    }


def notes_context(actor, step):
    ctx = common_context(actor, step)
    show = not actor.session.hide_notes or actor.is_facilitator
    ctx["duplicates"] = _duplicates(actor, ctx["notes"]) if show else []
    return ctx


def cluster_context(actor, step):
    ctx = common_context(actor, step)
    ctx["duplicates"] = _duplicates(actor, ctx["notes"])
    ctx["column_choices"] = COLUMNS
    return ctx


def my_hidden_context(actor, step):
    """A participant's own post-its that the others cannot see yet."""
    session = actor.session
    mine = []
    if actor.participant and _hidden_pending(session):
        mine = with_children(
            session.notes.filter(author=actor.participant, hidden=True, merged_into=None, step_key=NOTES_STEP)
        )
    return {"my_hidden": mine, "column_choices": COLUMNS, "reason_choices": REASONS}


def notes_list_id(note):
    return "notes-list"


def column_list_id(note):
    return f"notes-{note.column or 'unsorted'}"


# --- verdieping --------------------------------------------------------------------------------


def rarely_notes(session):
    return (
        session.notes.filter(merged_into=None, column=Note.Column.RARELY, hidden=False)
        .annotate(dots=Count("votes"))
        .order_by("-dots", "position", "id")
    )


def toggle_vote(actor, data, step):
    if actor.participant is None:
        raise ActionRefused(_("Stemmen doen de deelnemers op hun eigen apparaat."))
    try:
        note = rarely_notes(actor.session).get(pk=int(data.get("note", "")))
    except (Note.DoesNotExist, ValueError):
        raise Conflict(_("Op deze post-it kun je niet (meer) stemmen.")) from None
    existing = Vote.objects.filter(note=note, participant=actor.participant)
    if existing.exists():
        existing.delete()
        return "votes"
    used = Vote.objects.filter(participant=actor.participant, note__session=actor.session).count()
    limit = actor.session.votes_per_person
    if used >= limit:
        raise ActionRefused(
            _("Je hebt al je %(limit)s stippen gebruikt. Haal er eerst een weg als je wilt wisselen.")
            % {"limit": limit}
        )
    Vote.objects.create(note=note, participant=actor.participant)
    return "votes"


def choose_note(actor, data, step):
    session = actor.session
    try:
        note = rarely_notes(session).get(pk=int(data.get("note", "")))
    except (Note.DoesNotExist, ValueError):
        raise Conflict(_("Deze post-it staat niet (meer) bij ‘zelden ingezet’.")) from None
    chosen = list(session.state.get("chosen", []))
    if note.pk in chosen:
        chosen.remove(note.pk)
    elif len(chosen) >= MAX_CHOSEN:
        raise ActionRefused(_("Er zijn al twee interventies gekozen. Haal er eerst een weg."))
    else:
        chosen.append(note.pk)
    session.state = {**session.state, "chosen": chosen}
    session.save(update_fields=["state"])
    return "chosen"


def chosen_notes(session):
    ids = session.state.get("chosen", [])
    by_id = {n.pk: n for n in session.notes.filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id]


def save_answer(actor, data, step):
    session = actor.session
    questions = list(step.questions)
    key = data.get("key", "")
    number = key[1:]
    if not (key.startswith("q") and number.isascii() and number.isdigit() and int(number) < len(questions)):
        raise ActionRefused(_("Deze vraag bestaat niet."))
    try:
        note_id = int(data.get("note", ""))
    except ValueError:
        note_id = None
    if note_id not in session.state.get("chosen", []):
        raise Conflict(_("Deze interventie is niet meer gekozen. Je ziet nu de actuele keuze."))
    text = without_nul(data.get("text")).strip()
    if len(text) > ANSWER_MAX:
        raise ActionRefused(
            _("Dit antwoord is %(length)s tekens. Er passen er %(max)s in; maak het wat korter.")
            % {"length": len(text), "max": ANSWER_MAX}
        )
    answer, _created = SharedAnswer.objects.get_or_create(session=session, note_id=note_id, key=key)
    sent = data.get("version")
    if sent and sent != str(answer.version):
        raise Conflict(
            _(
                "Iemand anders heeft dit antwoord net aangepast. "
                "Je ziet nu de nieuwe tekst; vul hem zo nodig aan."
            )
        )
    updated = SharedAnswer.objects.filter(pk=answer.pk, version=answer.version).update(
        text=text, version=answer.version + 1, updated=timezone.now()
    )
    if not updated:
        raise Conflict(_("Iemand anders heeft dit antwoord net aangepast. Je ziet nu de nieuwe tekst."))
    return "answers"


def my_votes_context(actor, step):
    """A participant's own dots: which notes they voted for and how many dots are left."""
    session = actor.session
    my_votes = set()
    if actor.participant:
        my_votes = set(
            Vote.objects.filter(participant=actor.participant, note__session=session).values_list(
                "note_id", flat=True
            )
        )
    return {
        "rarely": list(rarely_notes(session)),
        "my_votes": my_votes,
        "votes_left": max(0, session.votes_per_person - len(my_votes)),
        "chosen_ids": session.state.get("chosen", []),
    }


def verdieping_context(actor, step):
    session = actor.session
    notes = list(rarely_notes(session))
    chosen = chosen_notes(session)
    answers = {(a.note_id, a.key): a for a in session.answers.all()}
    deepened = []
    for note in chosen:
        deepened.append(
            {
                "note": note,
                "questions": [
                    {"key": f"q{i}", "text": q, "answer": answers.get((note.pk, f"q{i}"))}
                    for i, q in enumerate(step.questions)
                ],
            }
        )
    return {
        "rarely": notes,
        "personal_slots": actor.for_all_participants,
        "chosen_ids": [n.pk for n in chosen],
        "deepened": deepened,
        "max_chosen": MAX_CHOSEN,
        "focus_label": focus_label(session),
    }


# --- actieplan -------------------------------------------------------------------------------


def save_plan(actor, data, step):
    if actor.participant is None:
        raise ActionRefused(_("Het mini-actieplan schrijft iedere deelnemer op het eigen apparaat."))
    items = {}
    for key, _label in PLAN_ITEMS:
        text = without_nul(data.get(key)).strip()
        if len(text) > PLAN_ITEM_MAX:
            raise ActionRefused(
                _("Eén van je punten is te lang. Er passen %(max)s tekens in per punt.")
                % {"max": PLAN_ITEM_MAX}
            )
        items[key] = text
    shared = data.get("shared_key", "")
    if shared not in dict(PLAN_ITEMS) or not items.get(shared):
        shared = ""
    plan, _created = ActionPlan.objects.get_or_create(session=actor.session, participant=actor.participant)
    was_shared = plan.shared_text
    plan.items, plan.shared_key, plan.updated = items, shared, timezone.now()
    plan.save(update_fields=["items", "shared_key", "updated"])
    # Only a change to what the group sees is sent to everyone; the rest of the plan stays private.
    return Change("shared_actions", shared=bool(was_shared or plan.shared_text))


def shared_actions(session):
    return [
        p.shared_text for p in session.plans.exclude(shared_key="").order_by("updated", "pk") if p.shared_text
    ]


def actieplan_context(actor, step):
    return {
        "shared_actions": shared_actions(actor.session),
        "focus_label": focus_label(actor.session),
        "personal_slots": actor.for_all_participants,
    }


def my_plan_context(actor, step):
    plan = None
    if actor.participant:
        plan = ActionPlan.objects.filter(participant=actor.participant).first()
    items = plan.items if plan else {}
    return {
        "plan": plan,
        "plan_items": [{"key": k, "label": label, "value": items.get(k, "")} for k, label in PLAN_ITEMS],
        "plan_max": PLAN_ITEM_MAX,
    }


# A participant's own post-its that are still hidden from the others: their personal part of both steps.
MY_HIDDEN_NOTES = {
    "personal_template": "workshops/kinds/_my_hidden_notes.html",
    "personal_context": my_hidden_context,
    "has_personal": _hidden_pending,
}
NOTE_ACTIONS = {
    "note.add": Action(note_add),
    "note.delete": Action(note_delete),
    "note.merge": Action(note_merge),
    "note.split": Action(note_split),
}

register(
    StepKind(
        name="focus",
        template="workshops/kinds/_focus.html",
        actions={"focus.set": Action(set_focus, facilitator_only=True)},
        context=lambda actor, step: {
            "focus_choices": FOCUS_CHOICES,
            "focus_label": focus_label(actor.session),
        },
    )
)
register(
    StepKind(
        name="interventies",
        template="workshops/kinds/_interventies.html",
        actions=NOTE_ACTIONS,
        context=notes_context,
        frame_context=focus_context,
        note_template="workshops/kinds/_interventies_note.html",
        note_parent=notes_list_id,
        regions="workshops/kinds/_interventies_regions.html",
        **MY_HIDDEN_NOTES,
    )
)
register(
    StepKind(
        name="cluster",
        template="workshops/kinds/_cluster.html",
        actions={**NOTE_ACTIONS, "note.move": Action(note_move), "note.reasons": Action(note_reasons)},
        context=cluster_context,
        frame_context=focus_context,
        note_template="workshops/kinds/_cluster_note.html",
        note_parent=column_list_id,
        regions="workshops/kinds/_cluster_regions.html",
        **MY_HIDDEN_NOTES,
    )
)
register(
    StepKind(
        name="verdieping",
        template="workshops/kinds/_verdieping.html",
        actions={
            "vote.toggle": Action(toggle_vote),
            "note.choose": Action(choose_note, facilitator_only=True),
            "answer.save": Action(save_answer),
        },
        context=verdieping_context,
        personal_template="workshops/kinds/_my_votes.html",
        personal_context=my_votes_context,
        has_personal=lambda session: True,
    )
)
register(
    StepKind(
        name="actieplan",
        template="workshops/kinds/_actieplan.html",
        actions={"plan.save": Action(save_plan)},
        context=actieplan_context,
        personal_template="workshops/kinds/_my_plan.html",
        personal_context=my_plan_context,
        has_personal=lambda session: True,
    )
)
