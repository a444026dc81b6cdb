"""Pure computations behind the pages: view selection, ranking tables with rank changes, headlines.

Frames in, frames out; no SQL, no Dash. May import: scoring.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.domain import PROVINCIAL_FAMILIES, RANKED_KINDS, UnitKind
from dashboard.domain.methods import IndexSet

GROUPS = RANKED_KINDS  # the groups a ranking offers, in display order
FAMILIES = PROVINCIAL_FAMILIES


@dataclass(frozen=True)
class View:
    """What the overview and rankings show; every field comes from the query string, validated."""

    year: int
    indicator: str  # the indicator drawn and ranked (a total or a sub-index)
    total: str  # the total of the methodology in force that year
    methodology: str
    group: str
    # What the query asked for that does not exist, as (i18n key, detail): shown, never silently replaced.
    notices: tuple[tuple[str, str], ...] = ()

    @property
    def valid(self) -> bool:
        """True when the query asked for exactly this view."""
        return not self.notices

    def query(self, *, lang: str) -> dict[str, object]:
        """The view as query-string parameters (the index is omitted when it is the total)."""
        return {
            "year": self.year,
            "index": None if self.indicator == self.total else self.indicator,
            "group": self.group,
            "lang": lang,
        }


def provincial_indicators(indicators: pd.DataFrame) -> pd.DataFrame:
    """Indicators of the province's own agency evaluations (readiness index, then DTI)."""
    return indicators[indicators["family"].isin(FAMILIES)]


def total_for_year(
    indicators: pd.DataFrame, year: int, *, with_results: Collection[str] = ()
) -> pd.Series | None:
    """The total indicator of the methodology covering a year, if any. Where sets overlap (a province's
    own set published for a year a shipped one covers), the one that results of the year use wins, then
    the one published last, then the newest."""
    own = provincial_indicators(indicators)
    covering = own[
        own["parent_code"].isna()
        & (own["first_year"] <= year)
        & (own["last_year"].isna() | (own["last_year"].fillna(9999) >= year))
    ]
    if len(covering) > 1:
        published = pd.to_datetime(covering["methodology_published_at"], utc=True)
        covering = covering.assign(
            _held=covering["methodology"].isin(list(with_results)),
            _published=published,  # a shipped set (never published here) sorts last
        ).sort_values(
            ["_held", "_published", "first_year"], ascending=False, na_position="last", kind="stable"
        )
    return None if covering.empty else covering.iloc[0]


# The default group of a year, and what stands in for a group that a year does not have: the commune
# level replaced the district level on 1/7/2025.
DEFAULT_GROUP_ORDER = (UnitKind.COMMUNE, UnitKind.DISTRICT, UnitKind.DEPARTMENT)
COUNTERPART = {"district": "commune", "commune": "district"}


def nearest_year(asked: int, years: list[int]) -> int:
    """The year with data closest to the one asked for (the later one on a tie)."""
    return min(years, key=lambda y: (abs(y - asked), -y))


def _pick_year(text: str, years: list[int]) -> tuple[int, tuple[str, str] | None]:
    latest = max(years) if years else 0
    if not text:
        return latest, None
    if text.isdigit() and int(text) in years:
        return int(text), None
    nearest = nearest_year(int(text), years) if text.isdigit() and years else latest
    return nearest, ("notice.year", text)


def _pick_group(asked: str, groups: list[str], year: int) -> tuple[str, tuple[str, str] | None]:
    default = next((g for g in DEFAULT_GROUP_ORDER if g in groups), groups[0] if groups else "district")
    if not asked:
        return default, None
    if asked in groups:
        return asked, None
    if asked in GROUPS:
        counterpart = COUNTERPART.get(asked)
        return (counterpart if counterpart in groups else default), ("notice.group_year", f"{asked}:{year}")
    return default, ("notice.group", asked)


@dataclass(frozen=True)
class Catalogue:
    """What resolving a view needs of the indicator catalogue: a few lookups, built once per data version."""

    years: tuple[int, ...]
    totals: dict[int, tuple[str, str]]  # year -> (total code, methodology) of the method in force
    families: dict[str, frozenset[str]]  # methodology -> its indicator codes
    codes: frozenset[str]

    @classmethod
    def of(
        cls,
        indicators: pd.DataFrame,
        years: list[int],
        *,
        with_results: Mapping[int, Collection[str]] | None = None,
    ) -> Catalogue:
        """The lookups for these years of data (`with_results`: the sets each year's results use)."""
        totals = {}
        for year in years:
            total = total_for_year(indicators, year, with_results=(with_results or {}).get(year, ()))
            if total is not None:
                totals[year] = (str(total["code"]), str(total["methodology"]))
        families = {
            str(method): frozenset(rows["code"]) for method, rows in indicators.groupby("methodology")
        }
        return cls(tuple(years), totals, families, frozenset(indicators["code"]))


def resolve_view(
    query: dict[str, str], *, indicators: pd.DataFrame, years: list[int], groups: dict[int, list[str]]
) -> View:
    """Turn a query string into the nearest valid view, with a notice for everything that was replaced.

    The default year is the latest with data; an unknown year becomes the nearest year with data; a group
    the year does not have becomes its counterpart (district <-> commune) or the year's default group.
    """
    return resolve_in(query, catalogue=Catalogue.of(indicators, years), groups=groups)


def resolve_in(query: dict[str, str], *, catalogue: Catalogue, groups: dict[int, list[str]]) -> View:
    """`resolve_view` against a prepared catalogue (pages resolve every request: no frame operation)."""
    years = list(catalogue.years)
    notices: list[tuple[str, str]] = []
    year, notice = _pick_year(str(query.get("year") or ""), years)
    notices += [notice] if notice else []
    group, notice = _pick_group(str(query.get("group") or ""), groups.get(year, []), year)
    notices += [notice] if notice else []
    if year not in catalogue.totals:
        return View(year, "", "", "", group, notices=(*notices, ("notice.no_method", str(year))))
    total, methodology = catalogue.totals[year]
    indicator = str(query.get("index") or total)
    if indicator not in catalogue.families.get(methodology, frozenset()):
        # An index of another method (the URL came from another year) is replaced by this year's total.
        if indicator not in catalogue.codes:
            notices.append(("notice.index", indicator))
        indicator = total
    return View(year, indicator, total, methodology, group, tuple(notices))


def sub_indicators(indicators: pd.DataFrame, total: str) -> pd.DataFrame:
    """Sub-indices of a total, in published order."""
    return indicators[indicators["parent_code"] == total].sort_values("sort_order")


@dataclass(frozen=True)
class RankChange:
    """How a unit's rank moved against the previous year."""

    kind: str  # up, down, same, new (unit), new_method, merged
    steps: int = 0


def rank_changes(
    current: pd.DataFrame, previous: pd.DataFrame, *, comparable: bool, merged_into: dict[str, str]
) -> dict[str, RankChange]:
    """Compare each unit's rank with the previous year's (rank, unit_code columns); see `change_of`."""
    before = dict(zip(previous["unit_code"], previous["rank"], strict=True)) if not previous.empty else {}
    absorbed = set(merged_into.values())
    return {
        code: change_of(rank, before, code, comparable=comparable, absorbed=code in absorbed)
        for code, rank in zip(current["unit_code"], current["rank"], strict=True)
    }


def change_of(
    rank: float | None, before: Mapping[str, float | None], code: str, *, comparable: bool, absorbed: bool
) -> RankChange:
    """How one unit's rank moved, given last year's ranks by unit code.

    A unit that absorbed another unit since last year is 'merged'; one with no rank last year is 'new';
    across a methodology break (2020, 2025) a unit ranked last year is 'new_method': never up or down.
    """
    if not comparable:
        return RankChange("new_method" if code in before else "new")
    if absorbed:
        return RankChange("merged")
    if code not in before or _missing(before[code]) or _missing(rank):
        return RankChange("new")
    steps = int(before[code]) - int(rank)
    return RankChange("up" if steps > 0 else "down" if steps < 0 else "same", abs(steps))


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def with_classes(table: pd.DataFrame, *, index_set: IndexSet | None) -> pd.DataFrame:
    """Fill a missing class from the set's own scheme, each value out of its row's maximum (`max_value`:
    the maximum of the unit's group). Sub-indices have no published class.

    A set that defines no classes gets none: a published class is kept, nothing is guessed.
    """
    table = table.copy()
    classes = index_set if index_set is not None and index_set.has_classes else None
    table["class_label"] = [
        label
        if isinstance(label, str)
        else classes.classify(_maximum(value), _maximum(maximum))
        if classes is not None
        else None
        for label, value, maximum in zip(
            table["class_label"], table["value"], table["max_value"], strict=True
        )
    ]
    return table


@dataclass(frozen=True)
class Headline:
    """Headline figures of a view."""

    count: int
    average: float | None
    best: tuple[str, float] | None
    worst: tuple[str, float] | None
    improved: int | None  # None when last year is not comparable


def headline(table: pd.DataFrame, previous: pd.DataFrame, *, comparable: bool) -> Headline:
    """Average, best, worst and how many units improved their value since last year, over the ranked
    units (one listed as not ranked is outside the group even where its score is printed).

    Best and worst are the first such unit in the table's order. Plain arrays, not frame operations:
    every view of every year computes one (views/all_rankings.views_of).
    """
    values = table["value"].to_numpy(dtype=float)
    present = ~np.isnan(values) & table["not_ranked"].isna().to_numpy()
    if not present.any():
        return Headline(0, None, None, None, None)
    shown = values[present]
    names = table["unit_name"].to_numpy()[present]
    best, worst = int(np.argmax(shown)), int(np.argmin(shown))
    improved = None
    if comparable and not previous.empty:
        before = dict(zip(previous["unit_code"], previous["value"], strict=True))
        codes = table["unit_code"].to_numpy()[present]
        improved = sum(
            1
            for c, v in zip(codes, shown, strict=True)
            if c in before and not _missing(before[c]) and v > before[c]
        )
    return Headline(
        count=len(shown),
        average=float(shown.mean()),
        best=(names[best], float(shown[best])),
        worst=(names[worst], float(shown[worst])),
        improved=improved,
    )


def percent_of_max(values: pd.Series, maxima: pd.Series) -> pd.Series:
    """Values as a percentage of each row's maximum; NaN where the maximum is unknown (points are never
    taken for a percentage)."""
    maxima = pd.to_numeric(maxima, errors="coerce").astype(float)
    return pd.to_numeric(values, errors="coerce").astype(float) * 100 / maxima.where(maxima > 0)


def method_breaks(frame: pd.DataFrame, label: str) -> list[tuple[int, str]]:
    """Years where the methodology differs from the previous year's (lines are not joined there)."""
    methods = frame.drop_duplicates("year").sort_values("year")[["year", "methodology"]].to_numpy().tolist()
    return [
        (int(year), label)
        for (_, previous), (year, method) in itertools.pairwise(methods)
        if method != previous
    ]


def _maximum(value: float | None) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def scale_segments(frame: pd.DataFrame, maxima: dict[str, float | None]) -> list[pd.DataFrame]:
    """Split a series into runs of consecutive methods that share a scale (their maximum).

    A percent (2020-2024) and points out of 1,000 (2025) never share an axis; points out of 100 and a
    percent of the maximum do (both 0-100), with the method break drawn between them.
    """
    if frame.empty:
        return []
    ordered = frame.sort_values("year")
    keys = [
        100.0 if m == "percent" else _maximum(maxima.get(c))
        for m, c in zip(ordered["measure"], ordered["indicator_code"], strict=True)
    ]
    segments: list[pd.DataFrame] = []
    start = 0
    for position in range(1, len(keys) + 1):
        if position == len(keys) or keys[position] != keys[start]:
            segments.append(ordered.iloc[start:position])
            start = position
    return segments
