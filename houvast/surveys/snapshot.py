"""What the summary of a release needs from the database, aggregated once and stored with the release.

A release is final (releases.py): no response it holds can change, so its counts, comments and breakdown per
discipline are fixed the moment it is made. They are computed in SQL (GROUP BY, COUNT) the first time a
summary of the release is built (usually by the summary mail when the round closes) and kept in
`Release.aggregates`; every later page, PDF and mail reads that one row instead of 100,000 responses.
A round that reopens and gets k new responses makes a new release with its own snapshot; the retention purge
empties the snapshots of the rounds whose answers it deletes (retention.py).

The snapshot holds the grouped rows as the queries return them, and the comments and closing answers in their
shuffled order; summary.py shapes them.
"""

import random

from django.db.models import Count

from . import releases
from .models import Answer, Release, Response

VERSION = 1  # raise when the stored shape changes: older snapshots are then computed again


def release_aggregates(round_obj, release):
    """The stored snapshot of `release`, computed and stored first when there is none (yet)."""
    stored = Release.objects.filter(pk=release.pk).order_by().values_list("aggregates", flat=True).first()
    if stored and stored.get("version") == VERSION:
        return stored
    aggregates = compute(round_obj, release)
    Release.objects.filter(pk=release.pk).update(aggregates=aggregates)
    return aggregates


def compute(round_obj, release):
    """The snapshot as plain JSON: lists of grouped rows."""
    upto, breakdown_from = release.number, release.disciplines_from
    aggregates = {"version": VERSION, "disciplines": None}
    if breakdown_from is not None:
        by_group = _answers_by_group(round_obj, breakdown_from)
        groups = releases.discipline_groups(round_obj, breakdown_from)
        aggregates["disciplines"] = {
            "groups": [[key, online, paper] for key, (online, paper) in sorted(groups.items())],
            "answers": by_group,
        }
    if breakdown_from == upto:  # one pass over the answers gives both
        totals = {}
        for _discipline, _source, statement, value, n in by_group:
            totals[statement, value] = totals.get((statement, value), 0) + n
        aggregates["answers"] = [[statement, value, n] for (statement, value), n in sorted(totals.items())]
    else:
        aggregates["answers"] = answer_rows(round_obj.pk, upto)
    aggregates["comments"] = _comments(round_obj, upto)
    closing = list(
        Response.objects.filter(round=round_obj, released_in__lte=upto)
        .exclude(closing_answer="")
        .order_by("id")
        .values_list("closing_answer", flat=True)
    )
    random.Random(f"{round_obj.public_token}:closing").shuffle(closing)
    aggregates["closing"] = closing
    return aggregates


def _comments(round_obj, upto):
    """[statement, comments] per statement, shuffled with a seed from the round's token: the page is stable
    and the order says nothing about who wrote what."""
    by_statement = {}
    rows = (
        Answer.objects.filter(round=round_obj, released_in__lte=upto)
        .exclude(comment="")
        .order_by("id")
        .values_list("statement", "comment")
    )
    for statement, comment in rows:
        by_statement.setdefault(statement, []).append(comment)
    for statement, comments in by_statement.items():
        random.Random(f"{round_obj.public_token}:{statement}").shuffle(comments)
    return [[statement, comments] for statement, comments in sorted(by_statement.items())]


def answer_rows(round_id, upto):
    """[statement, value, count] of release `upto`, in one GROUP BY statement, value."""
    rows = (
        Answer.objects.filter(round_id=round_id, released_in__lte=upto)
        .values_list("statement", "value")
        .annotate(n=Count("id"))
        .order_by("statement", "value")
    )
    return [list(row) for row in rows]


def _answers_by_group(round_obj, upto):
    """[discipline, source, statement, value, count] of release `upto`."""
    rows = (
        Answer.objects.filter(round=round_obj, released_in__lte=upto)
        .values_list("discipline", "response__source", "statement", "value")
        .annotate(n=Count("id"))
        .order_by("discipline", "response__source", "statement", "value")
    )
    return [list(row) for row in rows]
