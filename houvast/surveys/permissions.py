"""The one place that answers: may this request manage this round? Anything else answers 404.

A coordinator reaches a round with the private token from their email; a logged-in member of the
round's team reaches it by its id. Participants reach a round only with its public token.
"""

import functools

from django.db import connection
from django.http import Http404

from houvast.accounts.permissions import teams_for_user
from houvast.lib.sql import column, table

from .models import Response, Round, hash_token


def is_round_id(key):
    """A team member's key is the round's id (plain ASCII digits); a coordinator's key is a long token."""
    return key.isascii() and key.isdigit() and len(key) < 16


def get_round_for_coordinator(request, key, pending_ok=False):
    """A round that is still waiting for its email confirmation is only reachable where `pending_ok`
    (the page that shows the confirm button); every other control answers 404 until it is confirmed,
    so nobody can open a round, and have mail sent, in the name of an address that did not confirm."""
    if is_round_id(key):
        if not request.user.is_authenticated:
            raise Http404
        round_obj = Round.objects.filter(pk=int(key), team__in=teams_for_user(request.user)).first()
    else:
        round_obj = Round.objects.filter(coordinator_token_hash=hash_token(key)).first()
    if round_obj is None or (round_obj.is_pending and not pending_ok):
        raise Http404
    return round_obj


def get_round_for_participant(token):
    return get_round_and_response_for_participant(token, None)[0]


def get_round_and_response_for_participant(token, device_hash):
    """The round (never a pending one) and the response of the device with `device_hash` in it (None when
    it has none, or `device_hash` is None), in one statement: the answer page, its submit and the thanks
    page, which a whole network opens and sends in the same hour.

    The statement is written once per process from the models' tables: the ORM's two queries cost ~0.5 ms
    a request, as much as the rest of the submit's work."""
    sql, round_columns, response_columns = _round_and_response_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [device_hash, token, Round.Status.PENDING])
        row = cursor.fetchone()
    if row is None:
        raise Http404
    round_obj = _from_row(Round, round_columns, row[: len(round_columns)])
    response_row = row[len(round_columns) :]
    if response_row[0] is None:  # the device has no response in this round
        return round_obj, None
    return round_obj, _from_row(Response, response_columns, response_row)


@functools.cache
def _round_and_response_sql(vendor):
    """The statement, and per model its fields with the converters the ORM applies to their values (cached
    per database vendor)."""

    def columns(model, alias):
        return ", ".join(f"{alias}.{column(model, field.name)}" for field in model._meta.concrete_fields)

    own = (
        f"o.{column(Response, 'round')} = r.{column(Round, Round._meta.pk.name)} "
        f"AND o.{column(Response, 'device_hash')} = %s"
    )
    sql = (
        f"SELECT {columns(Round, 'r')}, {columns(Response, 'o')} FROM {table(Round)} r "
        f"LEFT JOIN {table(Response)} o ON {own} "
        f"WHERE r.{column(Round, 'public_token')} = %s AND r.{column(Round, 'status')} <> %s"
    )
    return sql, _converters(Round), _converters(Response)


def _converters(model):
    found = []
    for field in model._meta.concrete_fields:
        col = field.get_col(model._meta.db_table)
        found.append((field, col, connection.ops.get_db_converters(col) + col.get_db_converters(connection)))
    return found


def _from_row(model, fields, values):
    """A model instance from a row of its concrete fields, converted as the ORM converts them."""
    converted = []
    for (_field, col, converters), value in zip(fields, values, strict=True):
        for converter in converters:
            value = converter(value, col, connection)
        converted.append(value)
    return model.from_db(connection.alias, [field.attname for field, _col, _c in fields], converted)


def rounds_for_user(user):
    if not user.is_authenticated:
        return Round.objects.none()
    return Round.objects.filter(team__in=teams_for_user(user)).select_related("team")
