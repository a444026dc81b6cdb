"""Facts of the domain and the rules that follow from them (ranks, classes). Imports nothing of ours."""

from __future__ import annotations

from datetime import date


def valid_in_year(valid_from: date | None, valid_to: date | None, year: int) -> bool:
    """A unit counts for a data year when it existed on 31 December of that year."""
    reference = date(year, 12, 31)
    return (valid_from is None or valid_from <= reference) and (valid_to is None or valid_to >= reference)
