"""Deliver one summary through a real SMTP server on loopback and read what arrived."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

from houvast.surveys.emails import send_summary

from .factories import add_responses, make_closed_round


class Collect:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.mark.django_db
def test_the_summary_arrives_as_html_text_and_pdf(smtp_server):
    controller, handler = smtp_server
    round_obj, _ = make_closed_round(min_responses=3)
    add_responses(round_obj, [[1] * 10, [5] * 10, [4] * 10], comment="Heel herkenbaar")
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=controller.port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
    ):
        send_summary(round_obj)
    assert len(handler.messages) == 1
    recipients, raw = handler.messages[0]
    assert recipients == ["carla@example.org"]
    message = message_from_bytes(raw, policy=policy.default)
    assert "Netwerk Oost" in message["subject"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "3 reacties" in text
    assert "Welke patronen vallen op?" in text
    assert 'bgcolor="#a3231a"' in html
    assert "<svg" not in html
    assert "class=" not in html
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    assert attachments[0].get_content_type() == "application/pdf"
    assert attachments[0].get_content().startswith(b"%PDF")
