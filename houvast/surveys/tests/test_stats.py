import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from houvast.surveys import stats

counts_strategy = st.dictionaries(st.sampled_from(stats.SCALE), st.integers(min_value=0, max_value=500))


def test_leik_d_is_0_when_everyone_agrees():
    for value in stats.SCALE:
        assert stats.leik_d({value: 12}) == 0


def test_leik_d_is_1_when_split_between_the_extremes():
    assert stats.leik_d({1: 10, 5: 10}) == 1


def test_an_even_spread_is_divided():
    assert stats.agreement(stats.leik_d({1: 2, 2: 2, 3: 2, 4: 2, 5: 2})) == "divided"


def test_two_neighbouring_answers_are_united():
    assert stats.agreement(stats.leik_d({4: 6, 5: 4})) == "united"


def test_leik_d_of_no_answers_is_0():
    assert stats.leik_d({}) == 0


@given(counts_strategy)
def test_leik_d_stays_between_0_and_1(counts):
    assert 0 <= stats.leik_d(counts) <= 1


@given(st.lists(st.sampled_from(stats.SCALE), min_size=1, max_size=60), st.randoms())
def test_leik_d_does_not_depend_on_the_order_of_answers(answers, rnd):
    shuffled = answers[:]
    rnd.shuffle(shuffled)

    def tally(items):
        return {v: items.count(v) for v in stats.SCALE}

    assert stats.leik_d(tally(answers)) == stats.leik_d(tally(shuffled))


@given(st.sampled_from(stats.SCALE), st.integers(min_value=1, max_value=1000))
def test_leik_d_is_0_for_any_single_answer(value, n):
    assert stats.leik_d({value: n}) == 0


@given(st.integers(min_value=1, max_value=1000))
def test_leik_d_is_1_for_any_even_split_between_the_extremes(n):
    assert stats.leik_d({1: n, 5: n}) == 1


@given(counts_strategy)
def test_median_lies_between_the_quartiles(counts):
    if stats.total(counts) == 0:
        assert stats.median(counts) is None
        return
    assert stats.quantile(counts, 0.25) <= stats.median(counts) <= stats.quantile(counts, 0.75)


def test_median_of_an_even_count_takes_the_middle():
    assert stats.median({2: 1, 4: 1}) == 3
    assert stats.median({1: 1, 2: 1, 5: 1}) == 2


def test_far_from_counts_answers_two_or_more_steps_away():
    assert stats.far_from({1: 2, 3: 5, 4: 1, 5: 3}, 3) == 5


@given(counts_strategy, st.integers(min_value=2, max_value=20))
def test_leik_d_depends_on_shares_not_on_group_size(counts, factor):
    bigger = {value: n * factor for value, n in counts.items()}
    assert stats.leik_d(bigger) == pytest.approx(stats.leik_d(counts))


@given(counts_strategy)
def test_leik_d_is_the_same_when_the_scale_is_mirrored(counts):
    mirrored = {6 - value: n for value, n in counts.items()}
    assert stats.leik_d(mirrored) == pytest.approx(stats.leik_d(counts))


def _answers(counts):
    return [value for value in stats.SCALE for _ in range(counts.get(value, 0))]


@given(counts_strategy)
def test_median_and_quartiles_agree_with_the_statistics_module(counts):
    answers = _answers(counts)
    if not answers:
        assert stats.quantile(counts, 0.25) is None
        return
    assert stats.median(counts) == pytest.approx(statistics.median(answers))
    if len(answers) >= 2:
        q1, q2, q3 = statistics.quantiles(answers, n=4, method="inclusive")
        assert stats.quantile(counts, 0.25) == pytest.approx(q1)
        assert stats.median(counts) == pytest.approx(q2)
        assert stats.quantile(counts, 0.75) == pytest.approx(q3)


@given(counts_strategy)
def test_percentages_add_up_to_100_and_stay_within_one_point(counts):
    shares = stats.percentages(counts)
    n = stats.total(counts)
    if n == 0:
        assert set(shares.values()) == {0}
        return
    assert sum(shares.values()) == 100
    for value in stats.SCALE:
        assert abs(shares[value] - 100 * counts.get(value, 0) / n) < 1


def test_three_equal_groups_add_up_to_100():
    assert stats.percentages({1: 1, 3: 1, 5: 1}) == {1: 34, 2: 0, 3: 33, 4: 0, 5: 33}
    assert sum(stats.percentages({1: 1, 2: 1, 3: 1, 4: 1, 5: 3}).values()) == 100
