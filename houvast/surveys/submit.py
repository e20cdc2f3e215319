"""Storing a participant's answers: the writes of the submit a whole network sends in the same hour.

A first submit is the response and its answers in one short transaction of two INSERTs, written as SQL:
the ORM's model instances, save() and bulk_create() cost more than the INSERTs themselves (SQLite writers
queue for this transaction). Nothing here reads or stores who sent the answers (docs/surveys.md).
"""

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import Answer, Response

ANSWER_COLUMNS = ("response_id", "round_id", "statement", "value", "comment", "discipline")


def _insert_answers(cursor, response_id, round_id, form):
    discipline = form.cleaned_data.get("discipline", "")
    rows = [(response_id, round_id, n, value, comment, discipline) for n, value, comment in form.answers()]
    marks = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
    cursor.execute(
        f"INSERT INTO {Answer._meta.db_table} ({', '.join(ANSWER_COLUMNS)}) VALUES {marks}",
        [value for row in rows for value in row],
    )


def create_response(round_obj, device_hash, form, source=Response.Source.ONLINE):
    """A first submit: the response and its answers; the response's id, or None when this device's
    response was made meanwhile (a double click)."""
    data = form.cleaned_data
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {Response._meta.db_table} (round_id, device_hash, source, discipline, "
                "closing_answer, draft, created, updated, submitted_at) "
                "VALUES (%s, %s, %s, %s, %s, '{}', %s, %s, %s) RETURNING id",
                [
                    round_obj.pk,
                    device_hash,
                    source,
                    data.get("discipline", ""),
                    data.get("closing", "").strip(),
                    now,
                    now,
                    now,
                ],
            )
            response_id = cursor.fetchone()[0]
            _insert_answers(cursor, response_id, round_obj.pk, form)
    except IntegrityError:
        return None
    return response_id


def save_answers(response, form):
    """Replace the answers of an existing response (a draft, or answers sent before); False (and nothing
    changed) once a release holds it."""
    data = form.cleaned_data
    with transaction.atomic():
        # Lock the response: a double click (or two tabs) then replaces the answers one after the other,
        # and a release made meanwhile is seen here.
        locked = Response.objects.select_for_update().filter(pk=response.pk)
        state = locked.values("submitted_at", "released_in").first()
        if state is None or state["released_in"] is not None:
            return False
        if state["submitted_at"] is not None:  # a draft has no answers yet
            Answer.objects.filter(response_id=response.pk).delete()
        with connection.cursor() as cursor:
            _insert_answers(cursor, response.pk, response.round_id, form)
        now = timezone.now()
        Response.objects.filter(pk=response.pk).update(
            closing_answer=data.get("closing", "").strip(),
            discipline=data.get("discipline", ""),
            draft={},
            submitted_at=now,
            updated=now,
        )
    return True
