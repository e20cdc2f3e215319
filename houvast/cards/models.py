import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import deck


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class CardSelection(models.Model):
    """Cards a professional chose for one patient; the label holds no health data (initials, a pseudonym)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="card_selections")
    team = models.ForeignKey("accounts.Team", models.CASCADE, related_name="card_selections")
    label = models.CharField(_("label"), max_length=60)
    slugs = models.JSONField(default=list)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated"]

    def __str__(self):
        return self.label

    @property
    def cards(self):
        return deck.cards_for(self.slugs)


class CardPick(models.Model):
    """A card the patient chose in the "kies een kaartje" view."""

    selection = models.ForeignKey(CardSelection, models.CASCADE, related_name="picks")
    slug = models.SlugField(max_length=60)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.slug

    @property
    def card(self):
        return deck.get_card(self.slug)


class ShareLink(models.Model):
    """A link that shows one card without an account; only a hash of its token is stored."""

    DAY_CHOICES = (7, 30, 90)

    selection = models.ForeignKey(CardSelection, models.CASCADE, related_name="share_links")
    slug = models.SlugField(max_length=60)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField()
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.slug} ({self.created:%Y-%m-%d})"

    @classmethod
    def create(cls, selection, slug, user, days):
        """Make a link and return (link, token); the token is shown once and never stored."""
        token = secrets.token_urlsafe(24)
        now = timezone.now()
        link = cls.objects.create(
            selection=selection,
            slug=slug,
            token_hash=hash_token(token),
            created_by=user,
            created=now,
            expires=now + timedelta(days=days),
        )
        return link, token

    @classmethod
    def find(cls, token):
        if not token or len(token) > 100:
            return None
        return cls.objects.filter(token_hash=hash_token(token)).first()

    @property
    def card(self):
        return deck.get_card(self.slug)

    @property
    def is_expired(self):
        return timezone.now() >= self.expires

    @property
    def is_active(self):
        return self.revoked is None and not self.is_expired


class SessionCardPick(models.Model):
    """A card a participant of a live werkvorm session chose in the step "Gesprekskaartjes" (two at most)."""

    session = models.ForeignKey("workshops.Session", models.CASCADE, related_name="card_picks")
    participant = models.ForeignKey("workshops.Participant", models.CASCADE, related_name="card_picks")
    slug = models.SlugField(max_length=60)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "slug"], name="one_pick_per_card_and_participant")
        ]

    def __str__(self):
        return self.slug

    @property
    def card(self):
        return deck.get_card(self.slug)
