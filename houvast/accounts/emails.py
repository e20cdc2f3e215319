"""One small function per kind of accounts email; each renders a template trio in templates/emails/."""

from django.conf import settings
from django.urls import reverse

from houvast.lib import emails

from .tokens import make_confirm_token


def send_confirm_email(user):
    url = settings.SITE_URL + reverse("accounts:confirm_email", args=[make_confirm_token(user)])
    hours = settings.EMAIL_CONFIRM_MAX_AGE // 3600
    emails.send(
        "confirm-email", user.email, {"user": user, "url": url, "hours": hours}, language=user.language
    )


def send_invitation(invitation, token, language=None):
    url = settings.SITE_URL + reverse("accounts:invitation", args=[token])
    context = {
        "invitation": invitation,
        "team": invitation.team,
        "inviter": invitation.invited_by,
        "url": url,
    }
    emails.send("invitation", invitation.email, context, language=language)
