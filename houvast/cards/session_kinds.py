"""The four step kinds of the werkvorm "Vaardigheden versterken met je patiënt" (seed 004).

Storage: skills are workshop Notes of the step "wat-helpt" (step key "wat-helpt-eigen" and hidden
while still private to their author), dots are workshop Votes, the group's answers in
"terugval-bespreken" are SharedAnswers without a note, card picks are `SessionCardPick`s and the
mini-toolkit is the participant's ActionPlan (items `skill_1`, `skill_2`, `card`, `insight`;
`shared_key` "insight" when shared; `emailed_at` or, when the mail server was down, `email_failed`).
Session.state key: `cards_core` (ids of the 5–7 notes the group chose as core skills).
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from houvast.lib import emails
from houvast.lib.ratelimit import hit
from houvast.workshops.duplicates import duplicates_for
from houvast.workshops.engine import ActionRefused, Conflict, werkvorm_of
from houvast.workshops.kinds import Action, StepKind, register
from houvast.workshops.kinds.notes import (
    clean_text,
    note_delete,
    note_merge,
    note_split,
)
from houvast.workshops.models import ActionPlan, Note, SharedAnswer, Vote

from . import deck
from .models import SessionCardPick
from .text import nul_free

SKILLS_STEP = "wat-helpt"
# Private skills carry their own step key: ending a session un-hides every note, and these must stay
# off the board and out of the report.
PRIVATE_KEY = "wat-helpt-eigen"
DISCUSSION_STEP = "terugval-bespreken"
CORE_MIN, CORE_MAX = 5, 7
SKILL_VOTES = 3
MAX_PICKS = 2
ANSWER_MAX = 2000
TOOLKIT_TEXT_MAX = 280
TOOLKIT_SKILLS = ("skill_1", "skill_2")
EMAILS_PER_HOUR = 5


def _participant_only(actor, message):
    if actor.participant is None:
        raise ActionRefused(message)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- stap 1: wat helpt patiënten? --------------------------------------------------------------


def shared_skills(session):
    """The skills on the board (shared, not merged away), most dots first."""
    return (
        session.notes.filter(step_key=SKILLS_STEP, hidden=False, merged_into=None)
        .annotate(dots=Count("votes"))
        .prefetch_related("children")
        .order_by("-dots", "position", "id")
    )


def core_skills(session):
    """The skills the group chose; until the group chooses, the (at most seven) skills with dots."""
    skills = list(shared_skills(session))
    chosen = session.state.get("cards_core", [])
    if chosen:
        return [s for s in skills if s.pk in chosen]
    return [s for s in skills if s.dots][:CORE_MAX]


def skill_add(actor, data, step):
    text = clean_text(data.get("text"), _("Je vaardigheid is nog leeg. Schrijf er één vaardigheid op."))
    session = actor.session
    position = (session.notes.aggregate(m=Max("position"))["m"] or 0) + 1
    Note.objects.create(
        session=session,
        step_key=SKILLS_STEP if actor.is_facilitator else PRIVATE_KEY,
        author=actor.participant,
        by_facilitator=actor.is_facilitator,
        text=text,
        # A participant first writes for themselves; what the facilitator types is for the room.
        hidden=not actor.is_facilitator,
        position=position,
    )
    return "notes"


def skill_share(actor, data, step):
    """Put one of my private skills on the board, or all of them when no note is named."""
    _participant_only(actor, _("Wat de begeleider opschrijft, staat al op het bord."))
    mine = actor.session.notes.filter(step_key=PRIVATE_KEY, author=actor.participant)
    note_id = _int(data.get("note"))
    if note_id is not None:
        mine = mine.filter(pk=note_id)
    if not mine.exists():
        if note_id is not None:
            raise Conflict(_("Deze vaardigheid staat al op het bord of bestaat niet meer."))
        raise ActionRefused(_("Je hebt nog geen vaardigheden om te delen. Schrijf er eerst één op."))
    mine.update(hidden=False, step_key=SKILLS_STEP)
    return "notes"


def skill_merge(actor, data, step):
    """Merge two skills on the board; a private skill is never merged (nor merged into)."""
    on_board = shared_skills(actor.session)
    for key in ("note", "into"):
        if not on_board.filter(pk=_int(data.get(key))).exists():
            raise Conflict(_("Je kunt alleen vaardigheden samenvoegen die op het bord staan."))
    return note_merge(actor, data, step)


def skill_vote(actor, data, step):
    _participant_only(actor, _("Stemmen doen de deelnemers op hun eigen apparaat."))
    note = shared_skills(actor.session).filter(pk=_int(data.get("note"))).first()
    if note is None:
        raise Conflict(_("Op deze vaardigheid kun je niet (meer) stemmen. Misschien is hij samengevoegd."))
    existing = Vote.objects.filter(note=note, participant=actor.participant)
    if existing.exists():
        existing.delete()
        return "votes"
    used = Vote.objects.filter(
        participant=actor.participant, note__session=actor.session, note__step_key=SKILLS_STEP
    ).count()
    if used >= SKILL_VOTES:
        raise ActionRefused(
            _("Je hebt al je %(limit)s stippen gebruikt. Haal er eerst een weg als je wilt wisselen.")
            % {"limit": SKILL_VOTES}
        )
    Vote.objects.create(note=note, participant=actor.participant)
    return "votes"


def skill_core(actor, data, step):
    """The facilitator marks a skill as one of the group's core skills, or takes the mark away."""
    session = actor.session
    note = shared_skills(session).filter(pk=_int(data.get("note"))).first()
    if note is None:
        raise Conflict(_("Deze vaardigheid staat niet (meer) op het bord."))
    chosen = [pk for pk in session.state.get("cards_core", []) if pk != note.pk]
    if len(chosen) == len(session.state.get("cards_core", [])):
        if len(chosen) >= CORE_MAX:
            raise ActionRefused(
                _("Er zijn al %(max)s kernvaardigheden gekozen. Haal er eerst een weg.") % {"max": CORE_MAX}
            )
        chosen.append(note.pk)
    session.state = {**session.state, "cards_core": chosen}
    session.save(update_fields=["state"])
    return "core"


def skills_context(actor, step):
    session = actor.session
    board = list(shared_skills(session))
    mine = []
    if actor.participant:
        mine = list(
            session.notes.filter(
                author=actor.participant, step_key__in=[SKILLS_STEP, PRIVATE_KEY], merged_into=None
            ).order_by("position", "id")
        )
        for note in mine:
            note.is_private = note.step_key == PRIVATE_KEY
    my_votes = set()
    if actor.participant:
        my_votes = set(
            Vote.objects.filter(
                participant=actor.participant, note__session=session, note__step_key=SKILLS_STEP
            ).values_list("note_id", flat=True)
        )
    core_ids = session.state.get("cards_core", [])
    return {
        "skills_board": board,
        "my_skills": mine,
        "my_private_count": sum(1 for n in mine if n.is_private),
        "my_votes": my_votes,
        "votes_left": max(0, SKILL_VOTES - len(my_votes)),
        "skill_votes": SKILL_VOTES,
        "core_ids": core_ids,
        "core_count": len(core_ids),
        "core_min": CORE_MIN,
        "core_max": CORE_MAX,
        "duplicates": duplicates_for(session, board, "board") if actor.is_facilitator else [],
    }


# --- stap 2: terugval bespreken ----------------------------------------------------------------


def _answer_key(index):
    return f"{DISCUSSION_STEP}-{index}"


def discussion_save(actor, data, step):
    session = actor.session
    index = _int(data.get("question"))
    if index is None or not 0 <= index < len(step.questions):
        raise ActionRefused(_("Deze vraag bestaat niet."))
    text = (data.get("text") or "").strip()
    if len(text) > ANSWER_MAX:
        raise ActionRefused(
            _("Dit antwoord is %(length)s tekens. Er passen er %(max)s in; maak het wat korter.")
            % {"length": len(text), "max": ANSWER_MAX}
        )
    answer = SharedAnswer.objects.filter(session=session, note=None, key=_answer_key(index)).first()
    if answer is None:
        answer = SharedAnswer.objects.create(session=session, key=_answer_key(index))
    sent = data.get("version")
    if sent and sent != str(answer.version):
        raise Conflict(_("Dit antwoord is net op een ander scherm aangepast. Je ziet nu de nieuwe tekst."))
    answer.text, answer.version, answer.updated = text, answer.version + 1, timezone.now()
    answer.save(update_fields=["text", "version", "updated"])
    return "answers"


def discussion_answers(session, questions):
    answers = {a.key: a for a in session.answers.filter(note=None, key__startswith=DISCUSSION_STEP)}
    return [
        {"index": i, "question": q, "answer": answers.get(_answer_key(i))} for i, q in enumerate(questions)
    ]


def discussion_context(actor, step):
    return {"discussion": discussion_answers(actor.session, step.questions), "answer_max": ANSWER_MAX}


# --- stap 3: gesprekskaartjes -------------------------------------------------------------------


def card_pick(actor, data, step):
    """Choose a card, or put a chosen card back; a third card is refused kindly."""
    _participant_only(actor, _("Kaartjes kiezen doen de deelnemers op hun eigen apparaat."))
    card = deck.get_card(data.get("card"))
    if card is None:
        raise ActionRefused(_("Dit kaartje kennen we niet. Kies een kaartje uit de lijst."))
    picks = SessionCardPick.objects.filter(session=actor.session, participant=actor.participant)
    existing = picks.filter(slug=card.slug)
    if existing.exists():
        existing.delete()
        return "cards"
    if picks.count() >= MAX_PICKS:
        raise ActionRefused(
            _(
                "Je hebt al twee kaartjes gekozen. Wil je dit kaartje? "
                "Haal dan eerst een van je twee kaartjes weg."
            )
        )
    SessionCardPick.objects.create(session=actor.session, participant=actor.participant, slug=card.slug)
    return "cards"


def chosen_cards(session):
    """[(card, how often chosen)], most chosen first, then in deck order."""
    counts = session.card_picks.values("slug").annotate(n=Count("id"))
    found = [(deck.get_card(row["slug"]), row["n"]) for row in counts]
    return sorted([(c, n) for c, n in found if c], key=lambda item: (-item[1], item[0].number))


def cards_context(actor, step):
    session = actor.session
    mine = []
    if actor.participant:
        mine = list(
            SessionCardPick.objects.filter(session=session, participant=actor.participant).values_list(
                "slug", flat=True
            )
        )
    return {
        "all_cards": deck.all_cards(),
        "my_picks": mine,
        "my_cards": deck.cards_for(mine),
        "picks_left": max(0, MAX_PICKS - len(mine)),
        "max_picks": MAX_PICKS,
        "chosen_cards": chosen_cards(session),
        "pickers": session.card_picks.values("participant").distinct().count(),
    }


# --- stap 4: mini-toolkit ------------------------------------------------------------------------


def _toolkit_text(data, key, too_long):
    text = " ".join((data.get(key) or "").split())
    if len(text) > TOOLKIT_TEXT_MAX:
        raise ActionRefused(too_long % {"max": TOOLKIT_TEXT_MAX, "length": len(text)})
    return text


def toolkit_save(actor, data, step):
    _participant_only(actor, _("De mini-toolkit maakt iedere deelnemer op het eigen apparaat."))
    too_long = _("Een vaardigheid mag hoogstens %(max)s tekens hebben; deze heeft er %(length)s.")
    items = {key: _toolkit_text(data, key, too_long) for key in TOOLKIT_SKILLS}
    items["insight"] = _toolkit_text(
        data, "insight", _("Je inzicht is %(length)s tekens. Er passen er %(max)s in; maak het wat korter.")
    )
    slug = data.get("card") or ""
    if slug and deck.get_card(slug) is None:
        raise ActionRefused(_("Dit kaartje kennen we niet. Kies een kaartje uit de lijst."))
    items["card"] = slug
    if not any(items[key] for key in TOOLKIT_SKILLS):
        raise ActionRefused(_("Schrijf ten minste één vaardigheid op die je vaker wilt ondersteunen."))
    share = data.get("share_insight") == "on" and bool(items["insight"])
    plan, _created = ActionPlan.objects.get_or_create(session=actor.session, participant=actor.participant)
    was_shared = plan.shared_text
    plan.items = {**{k: v for k, v in plan.items.items() if k in ("emailed_at", "email_failed")}, **items}
    plan.shared_key = "insight" if share else ""
    plan.updated = timezone.now()
    plan.save(update_fields=["items", "shared_key", "updated"])
    # Only a change to what the group sees concerns the others; the rest of the toolkit stays private.
    return "insights" if (was_shared or plan.shared_text) else "plan"


def toolkit_lines(plan):
    """The toolkit as (label, text) pairs, for the screen and the email."""
    items = plan.items if plan else {}
    card = deck.get_card(items.get("card"))
    return [
        (_("Vaardigheid 1 die ik vaker wil ondersteunen"), items.get("skill_1", "")),
        (_("Vaardigheid 2 die ik vaker wil ondersteunen"), items.get("skill_2", "")),
        (_("Het kaartje dat ik als eerste inzet"), str(card.title) if card else ""),
        (_("Mijn inzicht"), items.get("insight", "")),
    ]


def toolkit_email(actor, data, step):
    """Mail the toolkit to the participant; the address is used once and not stored."""
    _participant_only(actor, _("De mini-toolkit maakt iedere deelnemer op het eigen apparaat."))
    plan = ActionPlan.objects.filter(participant=actor.participant).first()
    if plan is None or not any(plan.items.get(key) for key in TOOLKIT_SKILLS):
        raise ActionRefused(_("Bewaar eerst je mini-toolkit; dan kun je hem mailen."))
    address = (data.get("email") or "").strip()
    try:
        validate_email(address)
    except ValidationError:
        raise ActionRefused(_("Dit e-mailadres klopt niet. Kijk nog eens of er een @ in staat.")) from None
    if not hit("cards-toolkit-email", str(actor.participant.pk), EMAILS_PER_HOUR, 3600):
        raise ActionRefused(
            _("Je hebt je mini-toolkit al een paar keer gemaild. Probeer het over een uur opnieuw.")
        )
    context = {"lines": toolkit_lines(plan), "werkvorm": werkvorm_of(actor.session)}
    language = get_language() or "nl"
    transaction.on_commit(lambda: _send_toolkit(plan.pk, address, context, language))
    items = {k: v for k, v in plan.items.items() if k != "email_failed"}
    plan.items = {**items, "emailed_at": timezone.now().isoformat()}
    plan.save(update_fields=["items"])
    return "plan"


def _send_toolkit(plan_id, address, context, language):
    """Send after the commit; when the mail server is down, note it so the participant is told kindly."""
    try:
        emails.send("cards-toolkit", address, context, language=language)
    except emails.MailNotSent:
        plan = ActionPlan.objects.filter(pk=plan_id).first()
        if plan is not None:
            items = {k: v for k, v in plan.items.items() if k != "emailed_at"}
            plan.items = {**items, "email_failed": timezone.now().isoformat()}
            plan.save(update_fields=["items"])


def shared_insights(session):
    return [
        p.shared_text
        for p in session.plans.filter(shared_key="insight").order_by("updated", "pk")
        if p.shared_text
    ]


def toolkit_context(actor, step):
    session = actor.session
    plan = ActionPlan.objects.filter(participant=actor.participant).first() if actor.participant else None
    items = plan.items if plan else {}
    my_picks = []
    if actor.participant:
        my_picks = list(
            SessionCardPick.objects.filter(session=session, participant=actor.participant).values_list(
                "slug", flat=True
            )
        )
    others = [c for c in deck.all_cards() if c.slug not in my_picks]
    return {
        "toolkit": items,
        "toolkit_saved": plan is not None and any(items.get(k) for k in TOOLKIT_SKILLS),
        "toolkit_emailed": bool(items.get("emailed_at")),
        "toolkit_email_failed": bool(items.get("email_failed")),
        "toolkit_shared": bool(plan and plan.shared_text),
        "toolkit_max": TOOLKIT_TEXT_MAX,
        "my_cards": deck.cards_for(my_picks),
        "other_cards": others,
        "core_skills": core_skills(session),
        "shared_insights": shared_insights(session),
    }


# --- the report ----------------------------------------------------------------------------------


def report_data(session):
    """What the session report shows for this werkvorm; never a private toolkit, only shared insights."""
    werkvorm = werkvorm_of(session)
    step = werkvorm.get_step(DISCUSSION_STEP) if werkvorm else None
    return {
        "core_skills": core_skills(session),
        "core_chosen": bool(session.state.get("cards_core")),
        "other_skills": [
            s for s in shared_skills(session) if s.pk not in {c.pk for c in core_skills(session)}
        ],
        "discussion": discussion_answers(session, step.questions if step else []),
        "chosen_cards": chosen_cards(session),
        "shared_insights": shared_insights(session),
    }


register(
    StepKind(
        name="wat-helpt",
        template="cards/kinds/_wat_helpt.html",
        actions={
            "skill.add": Action(nul_free(skill_add)),
            "skill.share": Action(nul_free(skill_share)),
            "note.delete": Action(nul_free(note_delete)),
            "note.merge": Action(nul_free(skill_merge)),
            "note.split": Action(nul_free(note_split)),
            "skill.vote": Action(nul_free(skill_vote)),
            "skill.core": Action(nul_free(skill_core), facilitator_only=True),
        },
        context=skills_context,
        per_person=True,
        report_template="cards/kinds/_report_wat_helpt.html",
    )
)
register(
    StepKind(
        name="terugval-bespreken",
        template="cards/kinds/_terugval_bespreken.html",
        actions={"discussion.save": Action(nul_free(discussion_save), facilitator_only=True)},
        context=discussion_context,
        per_person=True,
        report_template="cards/kinds/_report_terugval_bespreken.html",
    )
)
register(
    StepKind(
        name="kaartjes",
        template="cards/kinds/_kaartjes.html",
        actions={"card.pick": Action(nul_free(card_pick))},
        context=cards_context,
        per_person=True,
        report_template="cards/kinds/_report_kaartjes.html",
    )
)
register(
    StepKind(
        name="toolkit",
        template="cards/kinds/_toolkit.html",
        actions={
            "toolkit.save": Action(nul_free(toolkit_save)),
            "toolkit.email": Action(nul_free(toolkit_email)),
        },
        context=toolkit_context,
        per_person=True,
        report_template="cards/kinds/_report_toolkit.html",
    )
)
