"""The group summary of a round: aggregated in the database, then shaped for the page, mail and PDF."""

import random
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from . import stats
from .content import statement_set, stellingen_steps, step_questions
from .models import DONT_KNOW, Answer, Discipline, Response, Round


@dataclass
class StatementResult:
    statement: object
    counts: dict
    dont_know: int
    n: int
    median: float | None
    q1: float | None
    q3: float | None
    mean: float | None
    leik: float
    agreement: str
    far_count: int
    movement: dict | None = None
    suggestions: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    by_discipline: list = field(default_factory=list)

    @property
    def number(self):
        return self.statement.number

    @property
    def label(self):
        return stats.LABELS[self.agreement]

    @property
    def iqr(self):
        return None if self.q1 is None else self.q3 - self.q1

    @property
    def rows(self):
        """(value, count, percentage) for the five answers, for tables and bars."""
        return [
            (value, self.counts.get(value, 0), _percent(self.counts.get(value, 0), self.n))
            for value in stats.SCALE
        ]


@dataclass
class Summary:
    round: Round
    response_count: int
    enough: bool
    results: list = field(default_factory=list)
    most_divided: list = field(default_factory=list)
    highest: object = None
    lowest: object = None
    far_total: int = 0
    closing_answers: list = field(default_factory=list)
    disciplines: list = field(default_factory=list)
    previous_count: int | None = None

    @property
    def response_rate(self):
        invited = self.round.invited_count
        if not invited:
            return None
        return min(100, round(100 * self.response_count / invited))

    @property
    def missing(self):
        return max(0, self.round.min_responses - self.response_count)

    @property
    def steps(self):
        return stellingen_steps()

    @property
    def preparation(self):
        return step_questions("voorbereiding")

    @property
    def plenary(self):
        return step_questions("plenair")

    @property
    def follow_up(self):
        return step_questions("vervolg")


def _percent(part, whole):
    return round(100 * part / whole) if whole else 0


def _answer_counts(round_id):
    """{statement: {value: count}} in one GROUP BY statement, value."""
    counts = {}
    rows = (
        Answer.objects.filter(round_id=round_id)
        .values_list("statement", "value")
        .annotate(n=Count("id"))
        .order_by()
    )
    for statement, value, n in rows:
        counts.setdefault(statement, {})[value] = n
    return counts


def _discipline_counts(round_obj):
    """Per discipline, per statement: counts; only when every discipline group meets the minimum."""
    groups = dict(
        Response.objects.filter(round=round_obj, submitted_at__isnull=False)
        .values_list("discipline")
        .annotate(n=Count("id"))
        .order_by()
    )
    if len(groups) < 2 or min(groups.values()) < round_obj.min_responses:
        return {}, {}
    counts = {}
    rows = (
        Answer.objects.filter(round=round_obj)
        .values_list("discipline", "statement", "value")
        .annotate(n=Count("id"))
        .order_by()
    )
    for discipline, statement, value, n in rows:
        counts.setdefault(discipline, {}).setdefault(statement, {})[value] = n
    return groups, counts


def _comments(round_obj):
    by_statement = {}
    rows = (
        Answer.objects.filter(round=round_obj)
        .exclude(comment="")
        .order_by("id")
        .values_list("statement", "comment")
    )
    for statement, comment in rows:
        by_statement.setdefault(statement, []).append(comment)
    for statement, comments in by_statement.items():
        random.Random(f"{round_obj.public_token}:{statement}").shuffle(comments)
    return by_statement


def _closing_answers(round_obj):
    answers = list(
        Response.objects.filter(round=round_obj, submitted_at__isnull=False)
        .exclude(closing_answer="")
        .order_by("id")
        .values_list("closing_answer", flat=True)
    )
    random.Random(f"{round_obj.public_token}:closing").shuffle(answers)
    return answers


def _result(statement, counts):
    median = stats.median(counts)
    d = stats.leik_d(counts)
    return StatementResult(
        statement=statement,
        counts=counts,
        dont_know=counts.get(DONT_KNOW, 0),
        n=stats.total(counts),
        median=median,
        q1=stats.quantile(counts, 0.25),
        q3=stats.quantile(counts, 0.75),
        mean=stats.mean(counts),
        leik=d,
        agreement=stats.agreement(d),
        far_count=stats.far_from(counts, median),
    )


def _suggestions(result, content):
    if result.median is None:
        return []
    conditions = set()
    if result.median <= content.low_median:
        conditions.add("low")
    if result.agreement == "divided":
        conditions.add("divided")
    if result.median >= content.strength_median and result.agreement != "divided":
        conditions.add("strength")
    return [rule for rule in content.rules if rule.when in conditions and rule.applies_to(result.number)]


def _movement(current, before):
    if before is None or before.mean is None or current.mean is None:
        return None
    delta = current.mean - before.mean
    direction = "up" if delta >= 0.25 else "down" if delta <= -0.25 else "same"
    return {
        "before_median": before.median,
        "before_mean": before.mean,
        "delta": delta,
        "direction": direction,
    }


def statement_results(round_obj):
    content = statement_set()
    counts = _answer_counts(round_obj.pk)
    return [_result(s, counts.get(s.number, {})) for s in content.statements]


def build_summary(round_obj, with_details=True):
    """Everything the coordinator sees; results stay empty below the round's minimum."""
    content = statement_set()
    count = round_obj.response_count()
    summary = Summary(round=round_obj, response_count=count, enough=count >= round_obj.min_responses)
    if not summary.enough:
        return summary
    summary.results = statement_results(round_obj)
    previous = round_obj.previous
    if previous is not None:
        previous_count = previous.response_count()
        if previous_count >= previous.min_responses:
            summary.previous_count = previous_count
            before = {r.number: r for r in statement_results(previous)}
            for result in summary.results:
                result.movement = _movement(result, before.get(result.number))
    for result in summary.results:
        result.suggestions = _suggestions(result, content)
    rated = [r for r in summary.results if r.n]
    if rated:
        by_division = sorted(rated, key=lambda r: (-r.leik, r.number))
        summary.most_divided = [r for r in by_division[:2] if r.leik > 0]
        summary.highest = max(rated, key=lambda r: (r.mean, -r.number))
        summary.lowest = min(rated, key=lambda r: (r.mean, r.number))
        summary.far_total = sum(r.far_count for r in rated)
    if not with_details:
        return summary
    comments = _comments(round_obj)
    for result in summary.results:
        result.comments = comments.get(result.number, [])
    summary.closing_answers = _closing_answers(round_obj)
    groups, discipline_counts = _discipline_counts(round_obj)
    if groups:
        labels = dict(Discipline.choices)
        summary.disciplines = [
            {"key": key, "label": labels.get(key) or _("Niet ingevuld"), "count": n}
            for key, n in sorted(groups.items())
        ]
        for result in summary.results:
            result.by_discipline = _by_discipline(result, summary.disciplines, discipline_counts, round_obj)
    return summary


def _by_discipline(result, disciplines, discipline_counts, round_obj):
    """Median per discipline for one statement; nothing for this statement when any group has fewer
    rated answers (without "weet ik niet") than the minimum, so no small group's answer shows."""
    groups = []
    for group in disciplines:
        counts = discipline_counts.get(group["key"], {}).get(result.number, {})
        if stats.total(counts) < round_obj.min_responses:
            return []
        groups.append({"label": group["label"], "median": stats.median(counts)})
    return groups
