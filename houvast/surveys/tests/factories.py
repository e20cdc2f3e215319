"""Small helpers to make rounds and responses in tests and benchmarks."""

import secrets
from datetime import timedelta

from django.utils import timezone

from houvast.surveys.models import Answer, Response, Round


def make_round(**extra):
    """An open round; returns (round, coordinator token)."""
    fields = {
        "network_name": "Netwerk Oost",
        "coordinator_name": "Carla Coördinator",
        "coordinator_email": "carla@example.org",
        "setting": "basis-ggz",
        "deadline": timezone.now() + timedelta(days=7),
        "status": Round.Status.OPEN,
        "activated_at": timezone.now(),
        **extra,
    }
    round_obj = Round(**fields)
    token = round_obj.set_coordinator_token()
    round_obj.save()
    return round_obj, token


def make_closed_round(**extra):
    """A round closed early, so it may show results (see releases.py); returns (round, coordinator token)."""
    return make_round(status=Round.Status.CLOSED, closed_at=timezone.now(), **extra)


def close_round(round_obj):
    Round.objects.filter(pk=round_obj.pk).update(status=Round.Status.CLOSED, closed_at=timezone.now())
    round_obj.refresh_from_db()


def add_responses(round_obj, rows, comment="", discipline="", source="online"):
    """rows: a list of answer lists (ten values each, 0 = weet ik niet)."""
    now = timezone.now()
    responses = Response.objects.bulk_create(
        [
            Response(
                round=round_obj,
                device_hash=secrets.token_hex(16),
                submitted_at=now,
                discipline=discipline,
                source=source,
            )
            for _ in rows
        ]
    )
    Answer.objects.bulk_create(
        [
            Answer(
                response=response,
                round=round_obj,
                statement=number,
                value=value,
                comment=comment,
                discipline=discipline,
            )
            for response, values in zip(responses, rows, strict=True)
            for number, value in enumerate(values, start=1)
        ],
        batch_size=2000,
    )
    return responses


def full_post(value="4", **extra):
    data = {f"s{n}": value for n in range(1, 11)}
    data.update(extra)
    return data
