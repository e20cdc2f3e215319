"""A stellingen round, its anonymous responses and the group's follow-up actions."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MIN_RESPONSES_FLOOR = 3
DONT_KNOW = 0  # "Weet ik niet / niet van toepassing": stored, never counted in the statistics.
SCALE = (1, 2, 3, 4, 5)


def new_token():
    return secrets.token_urlsafe(24)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def default_deadline():
    return timezone.now() + timedelta(days=14)


class Setting(models.TextChoices):
    BASIS = "basis-ggz", _("Basis-ggz")
    SPECIALISTISCH = "specialistische-ggz", _("Specialistische ggz")
    HUISARTS = "huisartsenzorg", _("Huisartsenzorg (POH-ggz)")
    ANDERS = "anders", _("Anders")


class Discipline(models.TextChoices):
    PSYCHIATER = "psychiater", _("Psychiater of arts")
    PSYCHOLOOG = "psycholoog", _("Psycholoog of psychotherapeut")
    VERPLEEGKUNDIGE = "verpleegkundige", _("Verpleegkundige of verpleegkundig specialist")
    POH = "poh-ggz", _("POH-ggz")
    AGOGISCH = "agogisch", _("Maatschappelijk werker of agogisch medewerker")
    ERVARING = "ervaringsdeskundige", _("Ervaringsdeskundige")
    ANDERS = "anders", _("Anders")


class Round(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Wacht op bevestiging")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Gesloten")

    network_name = models.CharField(_("naam van het netwerk"), max_length=120)
    coordinator_name = models.CharField(_("jouw naam"), max_length=120)
    coordinator_email = models.EmailField(_("jouw e-mailadres"))
    setting = models.CharField(_("setting"), max_length=30, choices=Setting.choices)
    deadline = models.DateTimeField(_("invuldatum"), default=default_deadline)
    invited_count = models.PositiveIntegerField(_("aantal uitgenodigde mensen"), null=True, blank=True)
    min_responses = models.PositiveIntegerField(_("minimum aantal reacties"), default=5)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    public_token = models.CharField(max_length=64, unique=True, default=new_token)
    coordinator_token_hash = models.CharField(max_length=64, unique=True)
    team = models.ForeignKey("accounts.Team", models.SET_NULL, null=True, blank=True, related_name="rounds")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="rounds"
    )
    previous = models.OneToOneField("self", models.SET_NULL, null=True, blank=True, related_name="next_round")
    created = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Per summary trigger: a worker claims it with a conditional UPDATE and marks it sent afterwards
    # (see tasks.py); a claim older than tasks.CLAIM_LEASE belongs to a worker that died.
    deadline_summary_claimed_at = models.DateTimeField(null=True, blank=True)
    deadline_summary_sent_at = models.DateTimeField(null=True, blank=True)
    manual_summary_requested_at = models.DateTimeField(null=True, blank=True)
    manual_summary_claimed_at = models.DateTimeField(null=True, blank=True)
    manual_summary_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["status", "deadline"], name="surveys_round_due")]

    def __str__(self):
        return self.network_name

    def set_coordinator_token(self):
        """Store only the hash; the returned token goes into the coordinator's email once."""
        token = new_token()
        self.coordinator_token_hash = hash_token(token)
        return token

    @property
    def is_open(self):
        return self.status == self.Status.OPEN and timezone.now() < self.deadline

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def is_finished(self):
        """Closed early, or past the deadline."""
        return self.status == self.Status.CLOSED or (
            self.status == self.Status.OPEN and timezone.now() >= self.deadline
        )

    def submitted_responses(self):
        return self.responses.filter(submitted_at__isnull=False)

    def response_count(self):
        return self.submitted_responses().count()

    def activate(self):
        self.status = self.Status.OPEN
        self.activated_at = timezone.now()
        self.save(update_fields=["status", "activated_at"])


class Release(models.Model):
    """Results the coordinator and the team may see: the responses with `released_in` ≤ `number`.

    Made only for a finished round and only when it adds at least `min_responses` online responses that no
    earlier release held (see releases.py); a released response can no longer be changed, so every page,
    download and mail of a release shows the same data, and two releases differ by at least k new people.
    """

    round = models.ForeignKey(Round, models.CASCADE, related_name="releases")
    number = models.PositiveSmallIntegerField()
    created = models.DateTimeField(auto_now_add=True)
    online_count = models.PositiveIntegerField()
    paper_count = models.PositiveIntegerField()
    # The release whose responses the breakdown per discipline comes from (None: no breakdown shown).
    disciplines_from = models.PositiveSmallIntegerField(null=True, blank=True)
    # The summary's grouped counts, comments and closing answers of this release, stored the first time a
    # summary is built (snapshot.py); a release never changes, so neither do they. Health data: never shown
    # in the admin.
    aggregates = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["round", "number"]
        constraints = [models.UniqueConstraint(fields=["round", "number"], name="surveys_one_release_number")]

    def __str__(self):
        return f"release {self.number} of {self.round_id}"

    @property
    def response_count(self):
        return self.online_count + self.paper_count


class Response(models.Model):
    """One participant's answers; `device_hash` keeps one response per device (no IP, no user agent)."""

    class Source(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("Papier")

    round = models.ForeignKey(Round, models.CASCADE, related_name="responses")
    device_hash = models.CharField(max_length=64)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ONLINE)
    discipline = models.CharField(_("discipline"), max_length=30, choices=Discipline.choices, blank=True)
    closing_answer = models.TextField(blank=True)
    draft = models.JSONField(default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The number of the first release that holds this response; from then on it cannot change.
    released_in = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "device_hash"], name="surveys_one_response_per_device")
        ]
        # Covers the live counts (releases.live_counts): an index-only count, also at 100,000 responses.
        indexes = [
            models.Index(
                fields=["round", "submitted_at", "source", "released_in"], name="surveys_response_counts"
            )
        ]

    def __str__(self):
        return f"response {self.pk} to {self.round_id}"


class Answer(models.Model):
    """A submitted answer; round and discipline are copied here so the summary is one GROUP BY."""

    response = models.ForeignKey(Response, models.CASCADE, related_name="answers")
    round = models.ForeignKey(Round, models.CASCADE, related_name="answers")
    statement = models.PositiveSmallIntegerField()
    value = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    discipline = models.CharField(max_length=30, blank=True)
    released_in = models.PositiveSmallIntegerField(null=True, blank=True)  # copied from the response

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "statement"], name="surveys_one_answer_per_statement")
        ]
        indexes = [
            models.Index(fields=["round", "statement", "value"], name="surveys_answer_stats"),
        ]

    def __str__(self):
        return f"{self.statement}: {self.value}"


class FollowUpAction(models.Model):
    """STAP 3: an improvement action the group agreed on (what, who, by when)."""

    round = models.ForeignKey(Round, models.CASCADE, related_name="actions")
    what = models.CharField(_("wat"), max_length=300)
    who = models.CharField(_("wie"), max_length=120)
    due = models.DateField(_("wanneer klaar"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "created"]

    def __str__(self):
        return self.what
