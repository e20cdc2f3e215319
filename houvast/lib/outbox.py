"""A local outbox: every message becomes one .eml file that a developer can open or list."""

from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django.utils.crypto import get_random_string


def outbox_dir():
    path = Path(settings.EMAIL_OUTBOX_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
            name = f"{stamp}-{get_random_string(6)}.eml"
            (outbox_dir() / name).write_bytes(message.message().as_bytes(linesep="\n"))
            sent += 1
        return sent


def list_messages(limit=100):
    """Newest first, as (file name, parsed message) pairs."""
    from email import policy
    from email.parser import BytesParser

    files = sorted(outbox_dir().glob("*.eml"), reverse=True)[:limit]
    parser = BytesParser(policy=policy.default)
    return [(f.name, parser.parsebytes(f.read_bytes())) for f in files]
