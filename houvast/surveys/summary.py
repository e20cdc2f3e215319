"""The group summary of a round: aggregated in the database once per release (snapshot.py), then shaped
for the page, mail and PDF."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import releases, snapshot, stats
from .content import statement_set, stellingen_steps, step_questions
from .models import DONT_KNOW, Discipline, Release, Response, Round


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
        """(value, count, percentage) of the five answers, for tables and bars; percentages add up to 100."""
        shares = stats.percentages(self.counts)
        return [(value, self.counts.get(value, 0), shares[value]) for value in stats.SCALE]


@dataclass
class Summary:
    """Results come only from `release` (see releases.py); `counts` are the live figures."""

    round: Round
    counts: releases.Counts
    release: Release | None = None
    results: list = field(default_factory=list)
    most_divided: list = field(default_factory=list)
    highest: object = None
    lowest: object = None
    far_total: int = 0
    closing_answers: list = field(default_factory=list)
    disciplines: list = field(default_factory=list)
    disciplines_release: int | None = None
    previous_count: int | None = None

    @property
    def enough(self):
        return self.release is not None

    @property
    def response_count(self):
        """The responses the results are about; before the first release, all that came in."""
        return self.release.response_count if self.release else self.counts.total

    @property
    def paper_count(self):
        return self.release.paper_count if self.release else self.counts.paper

    @property
    def response_rate(self):
        return self.counts.response_rate

    @property
    def missing(self):
        return self.counts.missing

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


def _answer_counts(rows):
    """{statement: {value: count}} from [statement, value, count] rows."""
    counts = {}
    for statement, value, n in rows:
        counts.setdefault(statement, {})[value] = n
    return counts


def _discipline_counts(breakdown):
    """Per discipline, per statement: counts of the release that shows a breakdown (releases.py decides
    which), and per discipline, per statement the number of rated online answers."""
    groups = {key: online + paper for key, online, paper in breakdown["groups"]}
    counts, rated_online = {}, {}
    for discipline, source, statement, value, n in breakdown["answers"]:
        by_value = counts.setdefault(discipline, {}).setdefault(statement, {})
        by_value[value] = by_value.get(value, 0) + n
        if source == Response.Source.ONLINE and value != DONT_KNOW:
            by_statement = rated_online.setdefault(discipline, {})
            by_statement[statement] = by_statement.get(statement, 0) + n
    return groups, counts, rated_online


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


def _suggestions(result, content, most_divided=()):
    """A strong point needs a high median and a united group: never a divided or mixed statement, nor one
    that "Wat valt op" names as where the group differs most."""
    if result.median is None:
        return []
    conditions = set()
    if result.median <= content.low_median:
        conditions.add("low")
    if result.agreement == "divided":
        conditions.add("divided")
    united = result.agreement == "united" and result.number not in {r.number for r in most_divided}
    if result.median >= content.strength_median and united:
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


def statement_results(round_obj, release, aggregates=None):
    content = statement_set()
    aggregates = aggregates or snapshot.release_aggregates(round_obj, release)
    counts = _answer_counts(aggregates["answers"])
    return [_result(s, counts.get(s.number, {})) for s in content.statements]


def build_summary(round_obj, with_details=True):
    """Everything the coordinator sees: the results of the round's current release (none before the first)
    and the live counts. Movement compares with the previous round's current release."""
    content = statement_set()
    release, counts = releases.current_with_counts(round_obj)
    summary = Summary(round=round_obj, counts=counts, release=release)
    if release is None:
        return summary
    aggregates = snapshot.release_aggregates(round_obj, release)
    summary.results = statement_results(round_obj, release, aggregates)
    previous = round_obj.previous
    if previous is not None:
        previous_release = releases.current(previous)
        if previous_release is not None:
            summary.previous_count = previous_release.response_count
            before = {r.number: r for r in statement_results(previous, previous_release)}
            for result in summary.results:
                result.movement = _movement(result, before.get(result.number))
    rated = [r for r in summary.results if r.n]
    if rated:
        by_division = sorted(rated, key=lambda r: (-r.leik, r.number))
        summary.most_divided = [r for r in by_division[:2] if r.leik > 0]
        summary.highest = max(rated, key=lambda r: (r.mean, -r.number))
        summary.lowest = min(rated, key=lambda r: (r.mean, r.number))
        summary.far_total = sum(r.far_count for r in rated)
    for result in summary.results:
        result.suggestions = _suggestions(result, content, summary.most_divided)
    if not with_details:
        return summary
    comments = dict(aggregates["comments"])  # shuffled when stored (snapshot.py)
    for result in summary.results:
        result.comments = comments.get(result.number, [])
    summary.closing_answers = aggregates["closing"]
    if release.disciplines_from is not None:
        _add_disciplines(summary, round_obj, release.disciplines_from, aggregates["disciplines"])
    return summary


def _add_disciplines(summary, round_obj, upto, breakdown):
    groups, discipline_counts, rated_online = _discipline_counts(breakdown)
    labels = dict(Discipline.choices)
    summary.disciplines_release = upto
    summary.disciplines = [
        {"key": key, "label": labels.get(key) or _("Niet ingevuld"), "count": n}
        for key, n in sorted(groups.items())
    ]
    for result in summary.results:
        result.by_discipline = _by_discipline(
            result, summary.disciplines, discipline_counts, rated_online, round_obj
        )


def _by_discipline(result, disciplines, discipline_counts, rated_online, round_obj):
    """Median per discipline for one statement; nothing for this statement when any group has fewer rated
    online answers (without "weet ik niet") than the minimum, so no small group's answer shows."""
    groups = []
    for group in disciplines:
        if rated_online.get(group["key"], {}).get(result.number, 0) < round_obj.min_responses:
            return []
        counts = discipline_counts.get(group["key"], {}).get(result.number, {})
        groups.append({"label": group["label"], "median": stats.median(counts)})
    return groups
