"""Render and send an email from a template trio: <name>-subject.txt, -body.txt, -body.html.

Templates live in each app's `templates/emails/`. Every kind of message has its own small
function in the app's emails.py that calls `send()` here.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

log = logging.getLogger(__name__)


class MailNotSent(Exception):
    """The mail server could not be reached or refused the message; views show a kind message."""


def render_subject(name, context):
    """A subject is plain text: rendered without HTML escaping ("Noord & Zuid" stays as typed) and on one
    line, so no value can add a header."""
    template = get_template(f"emails/{name}-subject.txt").template
    return " ".join(template.render(Context(context, autoescape=False)).split())


def render(name, context):
    ctx = {"SITE_URL": settings.SITE_URL, "SITE_NAME": settings.SITE_NAME, **context}
    subject = render_subject(name, ctx)
    text = render_to_string(f"emails/{name}-body.txt", ctx)
    html = render_to_string(f"emails/{name}-body.html", ctx)
    return subject, text, html


def send(name, to, context, language=None, attachments=(), headers=None):
    """Send one message to one address; attachments are (filename, bytes, mimetype) tuples."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        subject, text, html = render(name, context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[to], headers={"Auto-Submitted": "auto-generated", **(headers or {})}
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        log.warning("Mail %s could not be sent: %s", name, error)
        raise MailNotSent(str(error)) from error
    return message
