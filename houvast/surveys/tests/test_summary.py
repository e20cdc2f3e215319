from houvast.lib.testing import BaseTestCase
from houvast.surveys.summary import build_summary

from .factories import add_responses, make_closed_round


class SummaryTests(BaseTestCase):
    def test_nothing_is_shown_below_the_minimum(self):
        round_obj, _ = make_closed_round(min_responses=5)
        add_responses(round_obj, [[4] * 10] * 4, comment="geheim")
        summary = build_summary(round_obj)
        self.assertFalse(summary.enough)
        self.assertEqual(summary.results, [])
        self.assertEqual(summary.missing, 1)

    def test_counts_median_and_label_per_statement(self):
        round_obj, _ = make_closed_round(min_responses=3, invited_count=8)
        add_responses(round_obj, [[1] * 10, [1] * 10, [5] * 10, [5] * 10, [0] * 10])
        summary = build_summary(round_obj)
        self.assertEqual(summary.response_count, 5)
        self.assertEqual(summary.response_rate, 62)
        first = summary.results[0]
        self.assertEqual(first.counts[1], 2)
        self.assertEqual(first.dont_know, 1)
        self.assertEqual(first.n, 4)
        self.assertEqual(first.median, 3)
        self.assertEqual(first.leik, 1)
        self.assertEqual(first.agreement, "divided")
        self.assertEqual(first.far_count, 4)

    def test_standouts_name_the_highest_lowest_and_most_divided(self):
        round_obj, _ = make_closed_round(min_responses=3)
        rows = [
            [5, 1, 3, 3, 3, 3, 3, 3, 3, 3],
            [5, 1, 1, 3, 3, 3, 3, 3, 3, 3],
            [5, 1, 5, 3, 3, 3, 3, 3, 3, 3],
        ]
        add_responses(round_obj, rows)
        summary = build_summary(round_obj)
        self.assertEqual(summary.highest.number, 1)
        self.assertEqual(summary.lowest.number, 2)
        self.assertEqual(summary.most_divided[0].number, 3)

    def test_suggestions_follow_the_rules(self):
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[5, 1, 4, 4, 4, 4, 4, 4, 4, 1]] * 3)
        results = {r.number: r for r in build_summary(round_obj).results}
        self.assertEqual([rule.when for rule in results[1].suggestions], ["strength"])
        self.assertEqual(results[2].suggestions[0].link, "/plannen/")
        self.assertEqual(results[10].suggestions[0].link, "/werkvormen/vaardigheden-versterken/")

    def test_the_most_divided_statement_is_never_called_a_strong_point(self):
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[5] + [4] * 9] * 4 + [[3] + [4] * 9] * 2)
        summary = build_summary(round_obj)
        first = summary.results[0]
        self.assertEqual((first.median, first.agreement), (5, "mixed"))
        self.assertEqual([r.number for r in summary.most_divided], [1])
        self.assertNotIn("strength", [rule.when for rule in first.suggestions])

    def test_percentages_of_a_statement_add_up_to_100(self):
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[1] * 10, [3] * 10, [5] * 10])
        rows = build_summary(round_obj).results[0].rows
        self.assertEqual([pct for _value, _count, pct in rows], [34, 0, 33, 0, 33])

    def test_comments_are_shuffled_the_same_way_each_time(self):
        round_obj, _ = make_closed_round(min_responses=3)
        for i in range(12):
            add_responses(round_obj, [[3] * 10], comment=f"opmerking {i}")
        first = build_summary(round_obj).results[0].comments
        again = build_summary(round_obj).results[0].comments
        self.assertEqual(first, again)
        self.assertEqual(sorted(first), sorted(f"opmerking {i}" for i in range(12)))
        self.assertNotEqual(first, [f"opmerking {i}" for i in range(12)])

    def test_discipline_breakdown_only_when_every_group_meets_the_minimum(self):
        small, _ = make_closed_round(min_responses=3)
        add_responses(small, [[4] * 10] * 3, discipline="psycholoog")
        add_responses(small, [[2] * 10] * 2, discipline="verpleegkundige")
        self.assertEqual(build_summary(small).disciplines, [])
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[4] * 10] * 3, discipline="psycholoog")
        add_responses(round_obj, [[2] * 10] * 3, discipline="verpleegkundige")
        summary = build_summary(round_obj)
        self.assertEqual(len(summary.disciplines), 2)
        self.assertEqual([g["median"] for g in summary.results[0].by_discipline], [4, 2])

    def test_paper_forms_do_not_make_a_discipline_group_big_enough(self):
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[4] * 10] * 3, discipline="psycholoog")
        add_responses(round_obj, [[2] * 10] * 2, discipline="verpleegkundige", source="paper")
        add_responses(round_obj, [[1] * 10], discipline="verpleegkundige")
        summary = build_summary(round_obj)
        self.assertTrue(summary.enough)
        self.assertEqual(summary.disciplines, [])

    def test_no_discipline_median_for_a_statement_a_group_mostly_did_not_know(self):
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[4] * 10] * 3, discipline="psycholoog")
        add_responses(round_obj, [[2] * 10, [0] + [2] * 9, [0] + [2] * 9], discipline="verpleegkundige")
        summary = build_summary(round_obj)
        self.assertEqual(len(summary.disciplines), 2)
        self.assertEqual(summary.results[0].by_discipline, [])
        self.assertEqual([g["median"] for g in summary.results[1].by_discipline], [4, 2])

    def test_movement_since_the_previous_round(self):
        before, _ = make_closed_round(min_responses=3)
        add_responses(before, [[2] * 10] * 3)
        after, _ = make_closed_round(min_responses=3, previous=before)
        add_responses(after, [[4] * 10] * 3)
        summary = build_summary(after)
        self.assertEqual(summary.previous_count, 3)
        self.assertEqual(summary.results[0].movement["direction"], "up")
        self.assertEqual(summary.results[0].movement["before_median"], 2)

    def test_it_aggregates_in_a_few_queries(self):
        round_obj, _ = make_closed_round(min_responses=3)
        add_responses(round_obj, [[4] * 10] * 50)
        build_summary(round_obj)  # the first look after closing makes the release and its snapshot
        with self.assertNumQueries(3):  # the live counts, the latest release, its stored snapshot
            build_summary(round_obj)

    def test_every_suggestion_points_to_a_page_that_exists(self):
        from django.urls import resolve

        from houvast.surveys.content import statement_set

        names = {resolve(rule.link).url_name for rule in statement_set().rules}
        self.assertTrue({"list", "knowledge", "werkvorm"} <= names)
