"""The plan list's pages: the plans a user may open, last changed first, at any number of plans.

Ordering plans_for_user() (one OR of three ways to a plan) for a page made the database collect every
plan of the clinician and sort them all, for every page and again for the count. Here the three kinds of
plan (permissions.plan_kinds_sql, which never overlap) are each read in the order of their own index and
cut off after the last row of the page, then merged: the first page reads about 25 rows per kind, whatever
the number of plans. Two statements per page (the count and the page with each plan's team), written out
once: building them with the ORM cost more than running them.
"""

from django.db import connection
from django.utils import timezone
from django.utils.functional import cached_property

from houvast.accounts.models import Team
from houvast.lib.dates import day_month_year, day_month_year_time
from houvast.lib.sql import column, table

from .addresses import builder_address
from .models import Plan
from .permissions import plan_kinds_sql
from .search import MAX_QUERY, search_key


class VisiblePlans:
    """What Paginator needs (count() and a slice) for the plans `user` may open whose name matches `query`:
    every word of the query, folded like the names (search.py), in any order."""

    def __init__(self, user, query=""):
        self.kinds = plan_kinds_sql(user, search_key(query[:MAX_QUERY]).split())

    def count(self):
        return sum(self.counts)

    @cached_property
    def counts(self):
        """How many plans of each kind, in one statement (read once: Paginator counts before it slices)."""
        if not self.kinds:
            return []
        counts = [f"(SELECT COUNT(*) FROM {table(Plan)} WHERE {where})" for where, _params in self.kinds]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(counts)}", [p for _where, params in self.kinds for p in params]
            )
            return list(cursor.fetchone())

    def __getitem__(self, page):
        """Plans page.start..page.stop, each with `team_name` and what its row shows (for_rows)."""
        # Kinds without plans are left out; with one kind left (most clinicians), the page is read from
        # it directly, so a page far down the list walks the index once instead of merging it.
        kinds = [kind for kind, count in zip(self.kinds, self.counts, strict=True) if count]
        if not kinds:
            return []
        start, stop = page.start or 0, page.stop
        ordered, params = _page_of_ids(kinds, start, stop)
        plan_id, team_id = column(Plan, "id"), column(Team, "id")
        sql = (
            f"SELECT plan.*, team.{column(Team, 'name')} AS team_name FROM ({ordered}) AS shown "
            f"JOIN {table(Plan)} AS plan ON plan.{plan_id} = shown.{plan_id} "
            f"JOIN {table(Team)} AS team ON team.{team_id} = plan.{column(Plan, 'team')} "
            f"ORDER BY plan.{column(Plan, 'updated')} DESC, plan.{plan_id}"
        )
        return for_rows(list(Plan.objects.raw(sql, params)))


def _page_of_ids(kinds, start, stop):
    """SQL and parameters for the (id, updated) of plans start..stop of `kinds`, in the list's order."""
    plan_id, updated = column(Plan, "id"), column(Plan, "updated")
    first_rows = (
        f"SELECT {plan_id}, {updated} FROM {table(Plan)} WHERE {{where}} "
        f"ORDER BY {updated} DESC, {plan_id} LIMIT %s"
    )
    if len(kinds) == 1:
        ((where, params),) = kinds
        return first_rows.format(where=where) + " OFFSET %s", [*params, stop - start, start]
    parts, params = [], []
    for number, (where, kind_params) in enumerate(kinds):
        parts.append(f"SELECT * FROM ({first_rows.format(where=where)}) AS kind{number}")
        params += [*kind_params, stop]
    # Each part's columns are (id, updated): the merged rows are ordered by position, as each part is.
    merged = " UNION ALL ".join(parts)
    return (
        f"SELECT * FROM ({merged}) AS merged ORDER BY 2 DESC, 1 LIMIT %s OFFSET %s",
        [*params, stop - start, start],
    )


def for_rows(plans):
    """What each row shows, worked out here rather than by a {% url %} and two date filters per row: its
    `builder_url`, `updated_text`, `review_text` and `overdue`."""
    today = timezone.localdate()
    for plan in plans:
        plan.builder_url = builder_address(plan.pk)
        plan.updated_text = day_month_year_time(plan.updated)
        plan.review_text = day_month_year(plan.review_date)
        plan.overdue = plan.review_date is not None and plan.review_date < today
    return plans
