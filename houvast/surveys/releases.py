"""When results may be seen: the anonymity rule of a stellingen round (docs/surveys.md, "Anonymity").

Results are shown only from a release, a stored snapshot of responses. A release is made only for a
finished round (closed, or past its deadline), and only when it adds at least k = `min_responses` online
responses that no earlier release held; it then takes every submitted response, paper forms included.
Paper forms never count towards k: the coordinator types them in, so they could be made up. A released
response is final, so every page, download and mail of a release shows the same data, and any two things
the coordinator can see differ by at least k new people. While a round is open only counts change.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q

from .models import Answer, Release, Response, Round

ONLINE = Response.Source.ONLINE
PAPER = Response.Source.PAPER


@dataclass
class Counts:
    """The live figures, the only ones that change while a round is open."""

    online: int
    paper: int
    waiting_online: int
    waiting_paper: int
    min_responses: int
    invited: int | None = None

    @property
    def total(self):
        return self.online + self.paper

    @property
    def waiting(self):
        return self.waiting_online + self.waiting_paper

    @property
    def missing(self):
        """Online responses still needed for the next release."""
        return max(0, self.min_responses - self.waiting_online)

    @property
    def response_rate(self):
        if not self.invited:
            return None
        return min(100, round(100 * self.total / self.invited))


def live_counts(round_obj):
    """Counts in one query; nothing about the answers."""
    figures = round_obj.submitted_responses().aggregate(
        online=Count("id", filter=Q(source=ONLINE)),
        paper=Count("id", filter=Q(source=PAPER)),
        waiting_online=Count("id", filter=Q(source=ONLINE, released_in=None)),
        waiting_paper=Count("id", filter=Q(source=PAPER, released_in=None)),
    )
    return Counts(**figures, min_responses=round_obj.min_responses, invited=round_obj.invited_count)


def latest(round_obj):
    return Release.objects.filter(round=round_obj).defer("aggregates").order_by("-number").first()


def current(round_obj):
    """The release to show: a new one when the round is finished and enough new online responses wait."""
    if round_obj.is_finished:
        return release_if_due(round_obj)
    return latest(round_obj)


def current_with_counts(round_obj):
    """The release to show and the live counts: one count when no release is due (the usual case)."""
    counts = live_counts(round_obj)
    if round_obj.is_finished and counts.waiting_online >= round_obj.min_responses:
        return release_if_due(round_obj), live_counts(round_obj)
    return latest(round_obj), counts


def _new_online(round_obj):
    return round_obj.submitted_responses().filter(released_in=None, source=ONLINE).count()


def release_if_due(round_obj):
    if _new_online(round_obj) < round_obj.min_responses:
        return latest(round_obj)
    with transaction.atomic():
        # One release at a time per round: two visitors at the same moment make one release.
        Round.objects.select_for_update().filter(pk=round_obj.pk).first()
        previous = latest(round_obj)
        if _new_online(round_obj) < round_obj.min_responses:
            return previous
        waiting = round_obj.submitted_responses().filter(released_in=None)
        number = previous.number + 1 if previous else 1
        waiting_ids = list(waiting.values_list("id", flat=True))
        Response.objects.filter(id__in=waiting_ids).update(released_in=number)
        Answer.objects.filter(response_id__in=waiting_ids).update(released_in=number)
        figures = Response.objects.filter(round=round_obj, released_in__isnull=False).aggregate(
            online=Count("id", filter=Q(source=ONLINE)), paper=Count("id", filter=Q(source=PAPER))
        )
        release = Release(
            round=round_obj, number=number, online_count=figures["online"], paper_count=figures["paper"]
        )
        release.disciplines_from = _disciplines_from(round_obj, number, previous)
        release.save()
        return release


def discipline_groups(round_obj, number):
    """{discipline: (online, paper)} of the responses in release `number`."""
    groups = {}
    rows = (
        Response.objects.filter(round=round_obj, released_in__lte=number)
        .values_list("discipline", "source")
        .annotate(n=Count("id"))
        .order_by()
    )
    for discipline, source, n in rows:
        online, paper = groups.get(discipline, (0, 0))
        groups[discipline] = (online + n, paper) if source == ONLINE else (online, paper + n)
    return groups


def _disciplines_from(round_obj, number, previous):
    """The release whose breakdown per discipline this release shows. Its own when there are two or more
    groups, each with at least k online responses, and each group either did not change since the breakdown
    shown before or gained at least k online responses; else the one shown before (or none). So no
    difference between two breakdowns comes down to fewer than k people of one discipline."""
    k = round_obj.min_responses
    before_number = previous.disciplines_from if previous else None
    groups = discipline_groups(round_obj, number)
    if len(groups) < 2 or min(online for online, _paper in groups.values()) < k:
        return before_number
    if before_number is not None:
        before = discipline_groups(round_obj, before_number)
        for discipline, (online, paper) in groups.items():
            online_before, paper_before = before.get(discipline, (0, 0))
            unchanged = (online, paper) == (online_before, paper_before)
            if not unchanged and online - online_before < k:
                return before_number
    return number


def is_final(response):
    """A response that a release holds cannot be changed any more."""
    return response is not None and response.released_in is not None
