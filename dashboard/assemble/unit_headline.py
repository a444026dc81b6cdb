"""The headline of a unit's profile (views/unit_headline.py) in the latest year its group is ranked."""

from __future__ import annotations

from dashboard.assemble import ranking
from dashboard.views.unit_headline import UnitHeadline, headline_in


def unit_headline(
    code: str, kind: str, name: str, *, lang: str, year: int | None = None
) -> UnitHeadline | None:
    """The headline of unit `code` (of group `kind`) in `year`, or the latest year it is ranked; None if
    it is not ranked then."""
    years, groups = ranking.years_and_groups()
    wanted = [y for y in years if kind in groups[y] and (year is None or y == year)]
    for shown in sorted(wanted, reverse=True):
        data = ranking.load(ranking.resolve({"year": str(shown), "group": kind}), lang)
        headline = headline_in(data, code, name, lang=lang)
        if headline is not None:
            return headline
    return None
