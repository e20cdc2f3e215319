"""Statistics for ordinal answers on a 1–5 scale, computed from counts (never from rows).

Agreement label from Leik's D (ordinal dispersion, 0 = everyone gave the same answer,
1 = split in half between the two extremes):
    D < 0.25        eensgezind  (e.g. everyone on one answer, or spread over two neighbours)
    0.25 ≤ D < 0.5  gemengd
    D ≥ 0.5         verdeeld    (e.g. half Oneens and half Eens, or an even spread over all five)
"""

from django.utils.translation import gettext_lazy as _

SCALE = (1, 2, 3, 4, 5)
UNITED_BELOW = 0.25
DIVIDED_FROM = 0.5

LABELS = {
    "united": _("eensgezind"),
    "mixed": _("gemengd"),
    "divided": _("verdeeld"),
}


def total(counts):
    return sum(counts.get(v, 0) for v in SCALE)


def leik_d(counts):
    """Leik's D for a mapping value → count; 0.0 when there are no answers."""
    n = total(counts)
    if n == 0:
        return 0.0
    cumulative, dispersion = 0, 0.0
    for value in SCALE[:-1]:
        cumulative += counts.get(value, 0)
        share = cumulative / n
        dispersion += share if share <= 0.5 else 1 - share
    return min(1.0, max(0.0, 2 * dispersion / (len(SCALE) - 1)))


def agreement(d):
    if d < UNITED_BELOW:
        return "united"
    if d < DIVIDED_FROM:
        return "mixed"
    return "divided"


def quantile(counts, q):
    """The value at quantile q (0–1) of the sorted answers; halves when it falls between two values."""
    n = total(counts)
    if n == 0:
        return None
    position = q * (n - 1)
    low_index, high_index = int(position), min(int(position) + 1, n - 1)
    fraction = position - int(position)
    low = high = None
    seen = 0
    for value in SCALE:
        seen += counts.get(value, 0)
        if low is None and seen > low_index:
            low = value
        if high is None and seen > high_index:
            high = value
            break
    return low + (high - low) * fraction


def median(counts):
    return quantile(counts, 0.5)


def mean(counts):
    n = total(counts)
    if n == 0:
        return None
    return sum(v * counts.get(v, 0) for v in SCALE) / n


def percentages(counts):
    """{value: whole percentage} of the five answers that add up to exactly 100 (largest remainder method:
    round every share down, then give the points left to the largest remainders, the lower answer first
    on a tie); all 0 when there are no answers."""
    n = total(counts)
    if n == 0:
        return {value: 0 for value in SCALE}
    floors = {value: 100 * counts.get(value, 0) // n for value in SCALE}
    remainders = sorted(SCALE, key=lambda value: (-(100 * counts.get(value, 0) % n), value))
    for value in remainders[: 100 - sum(floors.values())]:
        floors[value] += 1
    return floors


def far_from(counts, centre, steps=2):
    """How many answers lie at least `steps` points from `centre` (counted, never attributed)."""
    if centre is None:
        return 0
    return sum(counts.get(v, 0) for v in SCALE if abs(v - centre) >= steps)
