"""Competition ranks (1, 2, 2, 4) and class thresholds."""

from __future__ import annotations

import math

import pytest

from dashboard.domain.scoring import CLASS_LABELS_VI, classify, competition_ranks


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    assert competition_ranks([95.26, 80.0, 80.0, 60.0]) == [1, 2, 2, 4]
    assert competition_ranks([60.0, 80.0, 95.26, 80.0]) == [4, 2, 1, 2]
    assert competition_ranks([5.0, 5.0, 5.0]) == [1, 1, 1]


def test_lower_is_better_and_missing_values() -> None:
    assert competition_ranks([3.0, 1.0, 1.0, None, math.nan, 7.0], higher_is_better=False) == [
        3,
        1,
        1,
        None,
        None,
        4,
    ]
    assert competition_ranks([]) == []


def test_ranks_of_many_values_match_the_definition() -> None:
    values = [float((i * 7919) % 101) for i in range(2000)]
    expected = [1 + sum(other > v for other in values) for v in values]
    assert competition_ranks(values) == expected


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        (100, "good"),
        (90, "good"),
        (89.99, "fair"),
        (70, "fair"),
        (69.99, "average"),
        (50, "average"),
        (49.99, "weak"),
        (0, "weak"),
        (-1, "weak"),
        (None, None),
        (math.nan, None),
        (100 * 108 / 120, "good"),
        (89.99999999999999, "good"),
    ],
)
def test_class_thresholds(percent: float | None, expected: str | None) -> None:
    assert classify(percent) == expected


def test_class_labels() -> None:
    assert CLASS_LABELS_VI == {"good": "Tốt", "fair": "Khá", "average": "Trung bình", "weak": "Yếu"}
