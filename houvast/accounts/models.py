from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, email_confirmed=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in: a professional, or a patient invited to their own plan."""

    class Kind(models.TextChoices):
        PROFESSIONAL = "professional", _("Professional")
        PATIENT = "patient", _("Patiënt")

    email = models.EmailField(_("e-mailadres"), unique=True)
    name = models.CharField(_("naam"), max_length=150, blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.PROFESSIONAL)
    language = models.CharField(
        _("taal"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    email_confirmed = models.BooleanField(_("e-mailadres bevestigd"), default=False)
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("medewerker"), default=False)
    date_joined = models.DateTimeField(_("aangemeld op"), default=timezone.now)

    objects = UserManager()

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    def __str__(self):
        return self.name or self.email

    @property
    def display_name(self):
        return self.name or self.email

    @property
    def signup_unfinished(self):
        """Signed up, but the link in the confirmation mail was never used: the account cannot log in yet."""
        return not self.is_active and not self.email_confirmed and self.last_login is None

    @property
    def is_professional(self):
        return self.kind == self.Kind.PROFESSIONAL

    @property
    def is_patient(self):
        return self.kind == self.Kind.PATIENT


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=120)
    require_two_factor = models.BooleanField(_("tweestapsverificatie verplicht"), default=False)
    created = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name


class OrganisationMembership(models.Model):
    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="organisation_memberships"
    )
    is_admin = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="one_org_membership")]

    def __str__(self):
        return f"{self.user} @ {self.organisation}"


class Team(models.Model):
    """A team or network (netwerk) of professionals; most things in Houvast belong to a team."""

    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="teams")
    name = models.CharField(_("naam"), max_length=120)
    created = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "beheerder", _("Beheerder")
        MEMBER = "lid", _("Lid")

    team = models.ForeignKey(Team, models.CASCADE, related_name="memberships", verbose_name=_("team"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships", verbose_name=_("account")
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created = models.DateTimeField(_("lid sinds"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="one_team_membership")]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self):
        return f"{self.user} in {self.team} ({self.role})"

    @property
    def is_admin(self):
        return self.role == self.Role.ADMIN


class Invitation(models.Model):
    """An emailed invitation to join a team; the link holds a random token, stored only as a hash."""

    team = models.ForeignKey(Team, models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Membership.Role.choices, default=Membership.Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField()
    accepted = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.email} → {self.team}"

    def save(self, *args, **kwargs):
        if not self.expires:
            self.expires = self.created + timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
        super().save(*args, **kwargs)

    @property
    def is_expired(self):
        return timezone.now() >= self.expires
