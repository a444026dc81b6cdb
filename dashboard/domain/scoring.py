"""Rank and class rules of the evaluations. Pure functions; imports nothing of ours."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

# Official class thresholds on the percentage of the maximum score (Tốt ≥ 90 %, Khá 70–< 90 %,
# Trung bình 50–< 70 %, Yếu < 50 %). Codes are stable; labels live in i18n.
Thresholds = tuple[tuple[float, str], ...]

# The thresholds of the 2012 and 2020 methods, for the illustrative generator (the importer and the pages
# read every method's own scheme from the database: data/reference/class_schemes.csv).
CLASS_THRESHOLDS: Thresholds = (
    (90.0, "good"),
    (70.0, "fair"),
    (50.0, "average"),
    (0.0, "weak"),
)
CLASS_CODES = tuple(code for _, code in CLASS_THRESHOLDS)
CLASS_LABELS_VI = {"good": "Tốt", "fair": "Khá", "average": "Trung bình", "weak": "Yếu"}
# The note the importer keeps with an observation stored with --accept-published-inconsistencies: the pages
# flag such rows, so it lives here where both the importer and the views can read it.
INCONSISTENT_NOTE = "published rank or class differs from the scores; stored as published"


def stored_as_published(note: object) -> bool:
    """Whether an observation's note (notes joined by "; ", as in the note itself) has INCONSISTENT_NOTE."""
    return isinstance(note, str) and INCONSISTENT_NOTE in note


def classify(percent_of_max: float | None, *, thresholds: Thresholds = CLASS_THRESHOLDS) -> str | None:
    """Return the class code for a score given as a percentage of the maximum; None when unknown."""
    if percent_of_max is None or math.isnan(percent_of_max):
        return None
    percent_of_max = round(percent_of_max, 9)  # 90.00000000000001 and 89.99999999999999 are both 90
    for threshold, code in thresholds:
        if percent_of_max >= threshold:
            return code
    return thresholds[-1][1]


def competition_ranks(values: Sequence[float | None], *, higher_is_better: bool = True) -> list[int | None]:
    """Rank values the way the published tables do: ties share a rank and the next rank skips (1, 2, 2, 4).

    Missing values get no rank.
    """
    # Orient so that larger is better, then count strictly better values by bisection (n log n).
    sign = 1.0 if higher_is_better else -1.0
    present = sorted(sign * v for v in values if v is not None and not math.isnan(v))
    ranks: list[int | None] = []
    for value in values:
        if value is None or math.isnan(value):
            ranks.append(None)
            continue
        better = len(present) - bisect.bisect_right(present, sign * value)
        ranks.append(better + 1)
    return ranks
