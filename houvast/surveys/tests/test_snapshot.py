"""A release's aggregates are computed in SQL once and stored (snapshot.py); the numbers must be the ones you
get by counting every answer in Python, and a stored snapshot must never outlive what it describes."""

import random
from datetime import timedelta

from django.utils import timezone

from houvast.lib.testing import BaseTestCase
from houvast.surveys import snapshot, stats
from houvast.surveys.models import DONT_KNOW, Answer, Release, Response, Round
from houvast.surveys.retention import purge_answers_of_ended_rounds
from houvast.surveys.summary import build_summary

from .factories import add_responses, close_round, make_closed_round

DISCIPLINES = ["psycholoog", "verpleegkundige", "poh-ggz", ""]


def counted_in_python(round_obj, upto):
    """The summary's numbers from the rows themselves: what the page showed before any aggregate existed."""
    counts, by_group, online = {}, {}, {}
    sources = dict(Response.objects.filter(round=round_obj).values_list("id", "source"))
    for response_id, statement, value, discipline in Answer.objects.filter(
        round=round_obj, released_in__lte=upto
    ).values_list("response_id", "statement", "value", "discipline"):
        counts.setdefault(statement, {}).setdefault(value, 0)
        counts[statement][value] += 1
        group = by_group.setdefault(discipline, {}).setdefault(statement, {})
        group[value] = group.get(value, 0) + 1
        if sources[response_id] == Response.Source.ONLINE and value != DONT_KNOW:
            online.setdefault(discipline, {}).setdefault(statement, 0)
            online[discipline][statement] += 1
    return counts, by_group, online


class SnapshotTests(BaseTestCase):
    def random_round(self, seed, responses=400):
        rnd = random.Random(seed)
        round_obj, _ = make_closed_round(min_responses=5)
        for _ in range(responses // 20):
            rows = [[rnd.choice((0, 1, 2, 3, 3, 4, 4, 5)) for _ in range(10)] for _ in range(20)]
            add_responses(
                round_obj,
                rows,
                comment=rnd.choice(["", "", f"opmerking {rnd.random():.6f}"]),
                discipline=rnd.choice(DISCIPLINES),
                source=rnd.choice(["online", "online", "online", "paper"]),
            )
        return round_obj

    def assert_matches_python(self, summary, round_obj):
        counts, by_group, online = counted_in_python(round_obj, summary.release.number)
        self.assertEqual(summary.response_count, Response.objects.filter(round=round_obj).count())
        for result in summary.results:
            expected = counts.get(result.number, {})
            self.assertEqual({v: n for v, n in result.counts.items() if n}, expected)
            self.assertEqual(result.n, stats.total(expected))
            self.assertEqual(result.median, stats.median(expected))
            self.assertEqual(result.mean, stats.mean(expected))
            self.assertEqual(
                result.rows, [(v, expected.get(v, 0), stats.percentages(expected)[v]) for v in stats.SCALE]
            )
            groups = sorted(by_group)
            if all(online.get(g, {}).get(result.number, 0) >= round_obj.min_responses for g in groups):
                medians = [stats.median(by_group[g].get(result.number, {})) for g in groups]
                self.assertEqual([g["median"] for g in result.by_discipline], medians)
            else:
                self.assertEqual(result.by_discipline, [])
        comments = sorted(
            Answer.objects.filter(round=round_obj).exclude(comment="").values_list("comment", flat=True)
        )
        self.assertEqual(sorted(c for r in summary.results for c in r.comments), comments)

    def test_the_sql_aggregates_match_counting_in_python_on_random_data(self):
        for seed in (1, 2, 3):
            round_obj = self.random_round(seed)
            first = build_summary(round_obj)  # computes and stores the snapshot
            self.assertTrue(first.enough)
            self.assertEqual(len(first.disciplines), 4)
            self.assert_matches_python(first, round_obj)
            stored = build_summary(round_obj)  # reads the snapshot
            self.assert_matches_python(stored, round_obj)
            self.assertEqual([r.counts for r in stored.results], [r.counts for r in first.results])
            self.assertEqual([r.comments for r in stored.results], [r.comments for r in first.results])
            self.assertEqual(stored.closing_answers, first.closing_answers)

    def test_a_stored_snapshot_is_read_instead_of_the_answers(self):
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[4] * 10] * 3, comment="eerste")
        build_summary(round_obj)
        Answer.objects.filter(round=round_obj).update(value=1, comment="")  # behind the release's back
        summary = build_summary(round_obj)
        self.assertEqual(summary.results[0].counts, {4: 3})
        self.assertEqual(summary.results[0].comments, ["eerste"] * 3)

    def test_a_new_release_gets_its_own_snapshot(self):
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[4] * 10] * 3)
        self.assertEqual(build_summary(round_obj).results[0].counts, {4: 3})
        Round.objects.filter(pk=round_obj.pk).update(status=Round.Status.OPEN, closed_at=None)
        add_responses(round_obj, [[2] * 10] * 3)
        close_round(round_obj)
        summary = build_summary(round_obj)
        self.assertEqual(summary.release.number, 2)
        self.assertEqual(summary.results[0].counts, {4: 3, 2: 3})
        first = Release.objects.get(round=round_obj, number=1).aggregates
        self.assertEqual(first["answers"][0], [1, 4, 3])

    def test_an_older_snapshot_shape_is_computed_again(self):
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[5] * 10] * 3)
        build_summary(round_obj)
        Release.objects.filter(round=round_obj).update(aggregates={"version": snapshot.VERSION - 1})
        self.assertEqual(build_summary(round_obj).results[0].counts, {5: 3})
        self.assertEqual(Release.objects.get(round=round_obj).aggregates["version"], snapshot.VERSION)

    def test_the_retention_purge_empties_the_snapshot(self):
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[3] * 10] * 3, comment="bewaard tot de termijn om is")
        self.assertTrue(build_summary(round_obj).results[0].comments)
        Round.objects.filter(pk=round_obj.pk).update(closed_at=timezone.now() - timedelta(days=3650))
        purge_answers_of_ended_rounds(timezone.now())
        self.assertIsNone(Release.objects.get(round=round_obj).aggregates)
        summary = build_summary(round_obj)
        self.assertEqual(summary.results[0].comments, [])
        self.assertEqual(summary.results[0].counts, {})
