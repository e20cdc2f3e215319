import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from houvast.accounts.models import Team

from .guidance import get_section
from .search import search_key


class Plan(models.Model):
    """A patient's terugvalpreventieplan; its contents live in one PlanSection per part."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    team = models.ForeignKey(Team, models.CASCADE, related_name="plans")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="owned_plans")
    colleagues = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="shared_plans")
    patient_name = models.CharField(_("naam patiënt"), max_length=150)
    search_name = models.CharField(max_length=300, blank=True, editable=False)  # search_key(patient_name)
    patient_email = models.EmailField(_("e-mailadres patiënt"), blank=True)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="patient_plans"
    )
    patient_can_edit = models.BooleanField(_("patiënt mag het plan aanpassen"), default=True)
    language = models.CharField(
        _("taal van het plan"), max_length=5, choices=settings.LANGUAGES, default="nl"
    )
    review_date = models.DateField(null=True, blank=True)
    reminder_sent_for = models.DateField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["patient_name"]
        indexes = [
            # The plan list: a clinician's plans, last changed first, one page at a time. With the team and
            # the id in it, counting and paging a clinician's plans reads only this index (listing.py).
            models.Index(fields=["owner", "-updated", "team", "id"], name="plan_owner_list"),
        ]

    def __str__(self):
        return self.patient_name

    def save(self, *args, **kwargs):
        self.search_name = search_key(self.patient_name)[:300]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "patient_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    def data(self):
        """All parts as {part key: {field key: value}}."""
        return {s.key: s.data for s in self.sections.all()}


class PlanSection(models.Model):
    """One part of the plan; `version` goes up by one on every save (optimistic concurrency)."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="sections")
    key = models.CharField(max_length=40)
    data = models.JSONField(default=dict)
    version = models.PositiveIntegerField(default=0)
    updated = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="one_section_per_key")]

    def __str__(self):
        return f"{self.plan} · {self.key}"


class PlanVersion(models.Model):
    """A version patient and clinician agreed on ("vastgesteld"), with a full copy of the contents."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    agreed_at = models.DateTimeField(default=timezone.now)
    professional_name = models.CharField(max_length=150)
    patient_name = models.CharField(max_length=150)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="one_version_number")]

    def __str__(self):
        return f"{self.plan} · {self.number}"


class PlanInvitation(models.Model):
    """An emailed invitation for the patient to get their own login; the token is stored as a hash."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="invitations")
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField()
    accepted = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.email} → {self.plan}"

    @property
    def is_expired(self):
        return timezone.now() >= self.expires


class PlanShare(models.Model):
    """A read-only link for a naaste or the GP; link token and access code are stored only as hashes."""

    MAX_ATTEMPTS = 5

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="shares")
    label = models.CharField(_("voor wie"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=128)
    expires = models.DateField(_("geldig tot en met"))
    created = models.DateTimeField(default=timezone.now)
    revoked = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveIntegerField(default=0)
    last_used = models.DateTimeField(null=True, blank=True)
    times_used = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.plan} · {self.label}"

    @property
    def is_expired(self):
        return timezone.localdate() > self.expires

    @property
    def is_locked(self):
        return self.failed_attempts >= self.MAX_ATTEMPTS

    @property
    def is_active(self):
        return not (self.revoked or self.is_expired or self.is_locked)


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The access log is append-only")

    def delete(self):
        raise PermissionError("The access log is append-only; only the retention purge removes entries")


class AccessLog(models.Model):
    """Append-only record of every read and change of a plan (NEN 7513): who, in which role, what, when.

    An entry outlives its plan: `plan` becomes NULL when the plan is deleted, `plan_uuid` and
    `plan_label` stay, until the retention purge (ACCESS_LOG_RETENTION_DAYS after the deletion).
    On PostgreSQL a trigger refuses any other UPDATE or DELETE (migration 0003).
    """

    class Action(models.TextChoices):
        CREATE = "create", _("plan gemaakt")
        VIEW = "view", _("plan bekeken")
        EDIT = "edit", _("plan aangepast")
        SETTINGS = "settings", _("instellingen aangepast")
        INVITE = "invite", _("patiënt uitgenodigd")
        VERSION = "version", _("versie vastgesteld")
        VERSION_VIEW = "version_view", _("eerdere versie bekeken")
        PDF = "pdf", _("PDF gedownload")
        CARD = "card", _("zakkaart gedownload")
        PHONE = "phone", _("telefoonweergave geopend")
        FHIR = "fhir", _("FHIR-export gedownload")
        EXPORT = "export", _("alle gegevens gedownload")
        LOG_VIEW = "log_view", _("logboek bekeken")
        LOG_EXPORT = "log_export", _("logboek gedownload")
        SHARE_CREATE = "share_create", _("deellink gemaakt")
        SHARE_REVOKE = "share_revoke", _("deellink ingetrokken")
        SHARE_VIEW = "share_view", _("bekeken via deellink")
        SHARE_FAILED = "share_failed", _("verkeerde toegangscode")
        TRANSFER = "transfer", _("andere behandelaar")
        DELETE = "delete", _("plan verwijderd")

    class Role(models.TextChoices):
        CLINICIAN = "clinician", _("behandelaar")
        PATIENT = "patient", _("patiënt")
        RELATIVE = "relative", _("naaste")
        ADMIN = "admin", _("beheerder")

    class Source(models.TextChoices):
        WEB = "web", _("website")
        SHARE_LINK = "share_link", _("deellink")
        EXPORT = "export", _("export")
        SYSTEM = "system", _("systeem")

    plan = models.ForeignKey(Plan, models.SET_NULL, null=True, related_name="log")
    plan_uuid = models.UUIDField(db_index=True)
    plan_label = models.CharField(max_length=200)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    actor_label = models.CharField(max_length=200)
    actor_role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    on_behalf_of = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.WEB)
    action = models.CharField(max_length=20, choices=Action.choices)
    detail = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(default=timezone.now)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The access log is append-only")
        if self.plan is not None and not self.plan_label:
            self.plan_uuid, self.plan_label = self.plan.pk, str(self.plan)[:200]
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The access log is append-only")

    def detail_display(self):
        """The detail in words, in the reader's language: settings and parts are stored as `key=value`."""
        key, _sep, value = self.detail.partition("=")
        if key == "part":
            section = get_section(value)
            return str(section.patient_heading) if section else value
        if key == "language":
            name = dict(settings.LANGUAGES).get(value, value)
            return _("taal: %(language)s") % {"language": name}
        if key == "patient_can_edit":
            return (
                _("de patiënt mag het plan aanpassen")
                if value == "yes"
                else _("de patiënt mag het plan alleen lezen")
            )
        return self.detail
