"""The plan list's pages: the plans a user may open, last changed first, at any number of plans.

Ordering plans_for_user() (one OR of three ways to a plan) for a page made the database collect every
plan of the clinician and sort them all, for every page and again for the count. Here the three kinds of
plan (permissions.plan_kinds_sql, which never overlap) are each read in the order of their own index and
cut off after the last row of the page, then merged: the first page reads about 25 rows per kind, whatever
the number of plans. Two statements per page (the count and the page with each plan's team), written out
once: building them with the ORM cost more than running them.
"""

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from houvast.accounts.models import Team
from houvast.lib.dates import day_month_year, day_month_year_time

from .models import Plan
from .permissions import plan_kinds_sql
from .search import MAX_QUERY, search_key


class VisiblePlans:
    """What Paginator needs (count() and a slice) for the plans `user` may open whose name matches `query`:
    every word of the query, folded like the names (search.py), in any order."""

    def __init__(self, user, query=""):
        self.kinds = plan_kinds_sql(user, search_key(query[:MAX_QUERY]).split())

    def count(self):
        return sum(self._counts())

    def _counts(self):
        """How many plans of each kind, in one statement (asked once: Paginator counts before it slices)."""
        if not hasattr(self, "counts"):
            self.counts = []
            if self.kinds:
                table = connection.ops.quote_name(Plan._meta.db_table)
                counts = [f"(SELECT COUNT(*) FROM {table} WHERE {where})" for where, _params in self.kinds]
                params = [value for _where, kind_params in self.kinds for value in kind_params]
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT {', '.join(counts)}", params)
                    self.counts = list(cursor.fetchone())
        return self.counts

    def __getitem__(self, page):
        """Plans page.start..page.stop, each with `team_name` and what its row shows (for_rows)."""
        # Kinds without plans are left out; with one kind left (most clinicians), the page is read from
        # it directly, so a page far down the list walks the index once instead of merging it.
        kinds = [kind for kind, count in zip(self.kinds, self._counts(), strict=True) if count]
        if not kinds:
            return []
        start, stop = page.start or 0, page.stop
        quote = connection.ops.quote_name
        table, teams = quote(Plan._meta.db_table), quote(Team._meta.db_table)
        first_rows = "SELECT id, updated FROM {table} WHERE {where} ORDER BY updated DESC, id LIMIT %s"
        if len(kinds) == 1:
            ((where, params),) = kinds
            ordered = first_rows.format(table=table, where=where) + " OFFSET %s"
        else:
            parts, params = [], []
            for number, (where, kind_params) in enumerate(kinds):
                parts.append(f"SELECT * FROM ({first_rows.format(table=table, where=where)}) AS kind{number}")
                params = [*params, *kind_params, stop]
            # Each part's columns are (id, updated): the merged rows are ordered by position, as each part is.
            ordered = (
                f"SELECT * FROM ({' UNION ALL '.join(parts)}) AS merged ORDER BY 2 DESC, 1 LIMIT %s OFFSET %s"
            )
        sql = (
            f"SELECT plan.*, team.name AS team_name FROM ({ordered}) AS shown "
            f"JOIN {table} AS plan ON plan.id = shown.id JOIN {teams} AS team ON team.id = plan.team_id "
            f"ORDER BY plan.updated DESC, plan.id"
        )
        return for_rows(list(Plan.objects.raw(sql, [*params, stop - start, start])))


def for_rows(plans):
    """What each row shows, worked out here rather than by a {% url %} and two date filters per row: its
    `builder_url` (the URL reversed once for the page), `updated_text`, `review_text` and `overdue`."""
    if plans:
        prefix, suffix = reverse("plans:builder", args=[plans[0].pk]).split(str(plans[0].pk))
        today = timezone.localdate()
        for plan in plans:
            plan.builder_url = f"{prefix}{plan.pk}{suffix}"
            plan.updated_text = day_month_year_time(plan.updated)
            plan.review_text = day_month_year(plan.review_date)
            plan.overdue = plan.review_date is not None and plan.review_date < today
    return plans
