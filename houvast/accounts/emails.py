"""One small function per kind of accounts email; each renders a template trio in templates/emails/."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from houvast.lib import emails

from .tokens import make_confirm_token


def _with_next(url, next_url):
    if next_url and next_url != reverse("dashboard"):
        return f"{url}?{urlencode({'next': next_url})}"
    return url


def send_confirm_email(user, next_url=None):
    url = settings.SITE_URL + reverse("accounts:confirm_email", args=[make_confirm_token(user)])
    url = _with_next(url, next_url)
    hours = settings.EMAIL_CONFIRM_MAX_AGE // 3600
    emails.send(
        "confirm-email", user.email, {"user": user, "url": url, "hours": hours}, language=user.language
    )


def send_signup_existing(user, next_url=None):
    """Someone tried to sign up with the address of an existing account: tell its owner, not the visitor."""
    context = {
        "user": user,
        "login_url": _with_next(settings.SITE_URL + reverse("accounts:login"), next_url),
        "reset_url": settings.SITE_URL + reverse("accounts:password_reset"),
    }
    emails.send("signup-existing", user.email, context, language=user.language)


def send_invitation(invitation, token, language=None):
    url = settings.SITE_URL + reverse("accounts:invitation", args=[token])
    context = {
        "invitation": invitation,
        "team": invitation.team,
        "inviter": invitation.invited_by,
        "url": url,
    }
    emails.send("invitation", invitation.email, context, language=language)
