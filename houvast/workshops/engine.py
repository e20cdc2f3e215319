"""The session engine: who is acting and applying an action.

Every change goes through `perform()`: it checks the actor and the step, stores the change in one
transaction and bumps `Session.revision` when the group can see the change. What changed is returned
as a `Change`; `live.publish()` then sends it to every connected screen (docs/workshops.md).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .kinds import Action, get_kind
from .models import Participant, Session

PARTICIPANT_SESSION_KEY = "workshop_participants"


class ActionRefused(Exception):
    """A kind, clear message for the person; nothing was changed."""

    status = 400

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class Conflict(ActionRefused):
    """Someone else changed the same thing first; the client reloads the current state."""

    status = 409


@dataclass
class Actor:
    session: Session
    participant: Participant | None = None
    is_facilitator: bool = False
    user: object = None
    # The board on the projector: the whole room sees it, so it shows only what everyone may see.
    on_projector: bool = False
    # Rendering for a whole audience (every participant, say) rather than one person: nothing personal.
    shared: bool = False

    @property
    def for_all_participants(self):
        """Rendering the stage every participant shares: personal parts become empty places (slots)."""
        return self.shared and not self.is_facilitator and not self.on_projector

    @property
    def label(self):
        if self.is_facilitator:
            return "facilitator"
        return f"participant:{self.participant.pk}"


@dataclass
class Change:
    """What an action changed. `notes`: ids of post-its added or changed (or gone, when no longer found),
    so screens can be patched note by note; `personal`: participants whose own part of the screen changed
    because of someone else; `shared` False: only the actor's own, private part changed."""

    what: str
    notes: list = field(default_factory=list)
    personal: list = field(default_factory=list)
    shared: bool = True

    @classmethod
    def of(cls, result):
        if isinstance(result, Change):
            return result
        # Kinds that return a plain word: a private plan concerns nobody else.
        return cls(what=result, shared=result != "plan")


def group_name(code):
    return f"workshop-{code}"


def werkvorm_of(session):
    from houvast.content.werkvormen import get_werkvorm

    return get_werkvorm(session.werkvorm)


def steps_of(session):
    werkvorm = werkvorm_of(session)
    return list(werkvorm.steps) if werkvorm else []


def current_step(session):
    steps = steps_of(session)
    if not steps:
        return None
    return steps[min(session.step_index, len(steps) - 1)]


def actor_for(request, session):
    """The facilitator (the logged-in user who started it) or a participant by the token in their session."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.pk == session.facilitator_id:
        return Actor(session=session, is_facilitator=True, user=user)
    token = request.session.get(PARTICIPANT_SESSION_KEY, {}).get(session.code)
    if token:
        participant = Participant.objects.filter(session=session, token=token).first()
        if participant:
            return Actor(session=session, participant=participant)
    return None


def remember_participant(request, participant):
    tokens = dict(request.session.get(PARTICIPANT_SESSION_KEY, {}))
    tokens[participant.session.code] = participant.token
    request.session[PARTICIPANT_SESSION_KEY] = tokens


# --- generic actions of the facilitator -------------------------------------------------------


def _reset_timer(session, step):
    session.timer_duration = (step.minutes if step else 0) * 60
    session.timer_extra = 0
    session.timer_elapsed = 0
    session.timer_started_at = None


def _go_to(actor, index):
    session = actor.session
    steps = steps_of(session)
    if not 0 <= index < len(steps):
        raise ActionRefused(_("Er is geen stap meer in die richting."))
    session.step_index = index
    _reset_timer(session, steps[index])
    if session.auto_timer and session.timer_duration:
        session.timer_started_at = timezone.now()
    session.save(
        update_fields=["step_index", "timer_duration", "timer_extra", "timer_elapsed", "timer_started_at"]
    )
    return "step"


def step_next(actor, data, step):
    return _go_to(actor, actor.session.step_index + 1)


def step_previous(actor, data, step):
    return _go_to(actor, actor.session.step_index - 1)


def timer_start(actor, data, step):
    session = actor.session
    if session.timer_started_at is None:
        session.timer_started_at = timezone.now()
        session.save(update_fields=["timer_started_at"])
    return "timer"


def timer_pause(actor, data, step):
    session = actor.session
    if session.timer_started_at is not None:
        now = timezone.now()
        session.timer_elapsed += int((now - session.timer_started_at).total_seconds())
        session.timer_started_at = None
        session.save(update_fields=["timer_elapsed", "timer_started_at"])
    return "timer"


def timer_extend(actor, data, step):
    try:
        minutes = int(data.get("minutes", "2"))
    except ValueError:
        minutes = 2
    minutes = max(1, min(minutes, 30))
    session = actor.session
    session.timer_extra += minutes * 60
    session.save(update_fields=["timer_extra"])
    return "timer"


def timer_reset(actor, data, step):
    session = actor.session
    _reset_timer(session, step)
    session.save(update_fields=["timer_duration", "timer_extra", "timer_elapsed", "timer_started_at"])
    return "timer"


def notes_reveal(actor, data, step):
    actor.session.notes.filter(hidden=True).update(hidden=False, version=F("version") + 1)
    state = dict(actor.session.state)
    state["revealed"] = True
    actor.session.state = state
    actor.session.save(update_fields=["state"])
    return "notes"


def options_save(actor, data, step):
    session = actor.session
    session.shared_screen = data.get("shared_screen") == "on"
    session.names_required = data.get("names_required") == "on"
    session.hide_notes = data.get("hide_notes") == "on"
    session.auto_timer = data.get("auto_timer") == "on"
    session.save(update_fields=["shared_screen", "names_required", "hide_notes", "auto_timer"])
    return "options"


def session_end(actor, data, step):
    session = actor.session
    timer_pause(actor, data, step)
    session.status = Session.Status.ENDED
    session.ended_at = timezone.now()
    session.save(update_fields=["status", "ended_at"])
    session.notes.filter(hidden=True).update(hidden=False)
    from .tasks import send_report

    transaction.on_commit(lambda: send_report.enqueue(session.pk))
    return "ended"


GENERIC_ACTIONS = {
    "step.next": Action(step_next, facilitator_only=True),
    "step.previous": Action(step_previous, facilitator_only=True),
    "timer.start": Action(timer_start, facilitator_only=True),
    "timer.pause": Action(timer_pause, facilitator_only=True),
    "timer.extend": Action(timer_extend, facilitator_only=True),
    "timer.reset": Action(timer_reset, facilitator_only=True),
    "notes.reveal": Action(notes_reveal, facilitator_only=True),
    "options.save": Action(options_save, facilitator_only=True),
    "session.end": Action(session_end, facilitator_only=True),
}


def find_action(session, name):
    step = current_step(session)
    if name in GENERIC_ACTIONS:
        return GENERIC_ACTIONS[name], step
    if step is not None:
        action = get_kind(step.kind).actions.get(name)
        if action is not None:
            return action, step
    return None, step


def perform(actor, name, data):
    """Apply one action for the actor; return (Change, new revision). Raises ActionRefused."""
    with transaction.atomic():
        # Lock the session row (PostgreSQL) so step changes and actions are applied one after another.
        session = Session.objects.select_for_update().get(pk=actor.session.pk)
        actor.session = session
        if not session.is_open:
            raise ActionRefused(_("Deze sessie is afgerond. Je kunt niets meer veranderen."))
        action, step = find_action(session, name)
        sent_step = data.get("step")
        if sent_step and step is not None and sent_step != step.key and name not in GENERIC_ACTIONS:
            raise ActionRefused(
                _("Deze stap is al voorbij. De begeleider is nu bij stap %(number)s: %(title)s.")
                % {"number": step.number, "title": step.title}
            )
        if action is None:
            raise ActionRefused(_("Dat kan nu niet in deze stap."))
        if action.facilitator_only and not actor.is_facilitator:
            raise ActionRefused(_("Alleen de begeleider kan dat doen."))
        change = Change.of(action.handler(actor, data, step))
        if change.shared:
            Session.objects.filter(pk=session.pk).update(revision=F("revision") + 1)
            session.refresh_from_db(fields=["revision"])
    return change, session.revision
