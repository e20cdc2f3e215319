"""The live session engine: sessions, anonymous participants, post-its, votes, shared answers, plans.

The models know nothing about one werkvorm; what a step does lives in `kinds/`.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L, so a code read aloud or from a projector is typed right the first time.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
NOTE_MAX_LENGTH = 280
NAME_MAX_LENGTH = 40


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(value):
    """Accept codes typed in lower case, with spaces or dashes."""
    return "".join(ch for ch in (value or "").upper() if ch.isalnum())[: CODE_LENGTH + 4]


class Session(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Bezig")
        ENDED = "ended", _("Afgerond")

    code = models.CharField(max_length=CODE_LENGTH, unique=True)
    werkvorm = models.SlugField(max_length=80)
    team = models.ForeignKey("accounts.Team", models.CASCADE, related_name="workshop_sessions")
    facilitator = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    step_index = models.PositiveSmallIntegerField(default=0)
    # The countdown: remaining = duration + extra - elapsed - (now - started_at while running).
    timer_duration = models.PositiveIntegerField(default=0)
    timer_extra = models.IntegerField(default=0)
    timer_elapsed = models.PositiveIntegerField(default=0)
    timer_started_at = models.DateTimeField(null=True, blank=True)

    names_required = models.BooleanField(_("deelnemers vullen hun naam in"), default=False)
    hide_notes = models.BooleanField(_("post-its verbergen tot ik ze laat zien"), default=False)
    shared_screen = models.BooleanField(_("gedeeld scherm"), default=False)
    auto_timer = models.BooleanField(_("de timer start vanzelf bij elke stap"), default=False)
    votes_per_person = models.PositiveSmallIntegerField(default=2)
    # Small per-werkvorm state (the chosen focus, the chosen notes); each kind documents its keys.
    state = models.JSONField(default=dict, blank=True)
    # Bumped on every change; clients compare it to know whether their copy is current.
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.werkvorm} {self.code}"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    def timer_remaining(self, now=None):
        now = now or timezone.now()
        elapsed = self.timer_elapsed
        if self.timer_started_at:
            elapsed += int((now - self.timer_started_at).total_seconds())
        return self.timer_duration + self.timer_extra - elapsed

    @property
    def timer_running(self):
        return self.timer_started_at is not None


class Participant(models.Model):
    """Someone in a session without an account: a random token in their Django session, nothing else."""

    session = models.ForeignKey(Session, models.CASCADE, related_name="participants")
    token = models.CharField(max_length=64, unique=True)
    name = models.CharField(_("naam"), max_length=NAME_MAX_LENGTH, blank=True)
    joined = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["joined", "id"]

    def __str__(self):
        return self.name or f"#{self.pk}"

    @staticmethod
    def new_token():
        return secrets.token_urlsafe(32)


class Note(models.Model):
    """A post-it. `version` guards moves and edits: a stale version is refused (optimistic concurrency)."""

    class Column(models.TextChoices):
        NONE = "", _("Nog niet ingedeeld")
        OFTEN = "often", _("Veel ingezet")
        SOMETIMES = "sometimes", _("Soms ingezet")
        RARELY = "rarely", _("Zelden ingezet")

    session = models.ForeignKey(Session, models.CASCADE, related_name="notes")
    step_key = models.CharField(max_length=40)
    author = models.ForeignKey(Participant, models.SET_NULL, null=True, blank=True, related_name="notes")
    by_facilitator = models.BooleanField(default=False)
    text = models.CharField(max_length=NOTE_MAX_LENGTH)
    tags = models.JSONField(default=list, blank=True)
    column = models.CharField(max_length=10, choices=Column.choices, blank=True, default="")
    reasons = models.JSONField(default=list, blank=True)
    reason_other = models.CharField(max_length=NOTE_MAX_LENGTH, blank=True)
    hidden = models.BooleanField(default=False)
    merged_into = models.ForeignKey("self", models.SET_NULL, null=True, blank=True, related_name="children")
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text


class Vote(models.Model):
    """One dot on a note; a person has `Session.votes_per_person` dots."""

    note = models.ForeignKey(Note, models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, models.CASCADE, related_name="votes")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["note", "participant"], name="one_dot_per_note")]

    def __str__(self):
        return f"{self.participant} → {self.note}"


class SharedAnswer(models.Model):
    """A text the group writes together, e.g. the answer to one question about one note."""

    session = models.ForeignKey(Session, models.CASCADE, related_name="answers")
    note = models.ForeignKey(Note, models.CASCADE, null=True, blank=True, related_name="answers")
    key = models.CharField(max_length=40)
    text = models.TextField(max_length=2000, blank=True)
    version = models.PositiveIntegerField(default=0)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "note", "key"], name="one_answer_per_question")
        ]

    def __str__(self):
        return f"{self.key}: {self.text[:40]}"


class ActionPlan(models.Model):
    """A participant's private plan: `items` maps an item key to text; only `shared_key`'s item is shown."""

    session = models.ForeignKey(Session, models.CASCADE, related_name="plans")
    participant = models.OneToOneField(Participant, models.CASCADE, related_name="plan")
    items = models.JSONField(default=dict, blank=True)
    shared_key = models.CharField(max_length=40, blank=True)
    updated = models.DateTimeField(default=timezone.now)
    # Kept only until the reminder is sent, then cleared.
    reminder_email = models.EmailField(blank=True)
    reminder_due = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Set while one worker sends the reminder, so no other worker sends it too.
    reminder_claimed_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=5, default="nl")

    def __str__(self):
        return f"plan {self.participant}"

    @property
    def shared_text(self):
        return self.items.get(self.shared_key, "") if self.shared_key else ""
