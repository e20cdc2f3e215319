"""Storing a participant's answers: the writes of the submit a whole network sends in the same hour.

A first submit is the response and its answers in two INSERTs in one short transaction (SQLite writers queue
for it), or in one statement on PostgreSQL, written as SQL: the ORM's model instances, save() and
bulk_create() cost more than the INSERTs themselves. Nothing here reads or stores who sent the answers
(docs/surveys.md).
"""

from contextlib import nullcontext

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import Answer, Response

RESPONSE_COLUMNS = (
    "round_id, device_hash, source, discipline, closing_answer, draft, created, updated, submitted_at"
)
ANSWER_COLUMNS = "response_id, round_id, statement, value, comment, discipline"
INSERT_RESPONSE = (
    f"INSERT INTO {Response._meta.db_table} ({RESPONSE_COLUMNS}) "
    "VALUES (%s, %s, %s, %s, %s, '{}', %s, %s, %s) RETURNING id"
)


def _answer_rows(round_id, form):
    discipline = form.cleaned_data.get("discipline", "")
    return [(round_id, number, value, comment, discipline) for number, value, comment in form.answers()]


def _insert_answers(cursor, response_id, round_id, form):
    rows = _answer_rows(round_id, form)
    marks = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
    cursor.execute(
        f"INSERT INTO {Answer._meta.db_table} ({ANSWER_COLUMNS}) VALUES {marks}",
        [value for row in rows for value in (response_id, *row)],
    )


def _response_values(round_obj, device_hash, form, source):
    data = form.cleaned_data
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    closing = data.get("closing", "").strip()
    return [round_obj.pk, device_hash, source, data.get("discipline", ""), closing, now, now, now]


def _insert_in_one_statement(response_values, round_obj, form):
    """PostgreSQL: both INSERTs in one statement, atomic by itself, so no BEGIN and COMMIT round trips.
    Inside a surrounding transaction a savepoint keeps that usable after a double click's IntegrityError."""
    rows = _answer_rows(round_obj.pk, form)
    marks = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    sql = (
        f"WITH new AS ({INSERT_RESPONSE}) INSERT INTO {Answer._meta.db_table} ({ANSWER_COLUMNS}) "
        f"SELECT new.id, answer.* FROM new, (VALUES {marks}) AS answer"
    )
    nested = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with nested, connection.cursor() as cursor:
        cursor.execute(sql, [*response_values, *(value for row in rows for value in row)])


def _insert_in_a_transaction(response_values, round_obj, form):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(INSERT_RESPONSE, response_values)
        _insert_answers(cursor, cursor.fetchone()[0], round_obj.pk, form)


def create_response(round_obj, device_hash, form, source=Response.Source.ONLINE):
    """A first submit: the response and its answers; False when this device's response was made meanwhile
    (a double click)."""
    values = _response_values(round_obj, device_hash, form, source)
    insert = _insert_in_one_statement if connection.vendor == "postgresql" else _insert_in_a_transaction
    try:
        insert(values, round_obj, form)
    except IntegrityError:
        return False
    return True


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
