"""Pure computations behind the pages: view selection, ranking tables with rank changes, headlines.

Frames in, frames out; no SQL, no Dash. May import: scoring.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import pandas as pd

from dashboard.domain.scoring import classify, competition_ranks

GROUPS = ("district", "department", "commune")
FAMILIES = ("qn-readiness", "qn-dti")  # the province's own evaluations, in order of method


@dataclass(frozen=True)
class View:
    """What the overview and rankings show; every field comes from the query string, validated."""

    year: int
    indicator: str  # the indicator drawn and ranked (a total or a sub-index)
    total: str  # the total of the methodology in force that year
    methodology: str
    group: str
    valid: bool = True  # False when the query asked for something that does not exist

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


def total_for_year(indicators: pd.DataFrame, year: int) -> pd.Series | None:
    """The total indicator of the methodology covering a year, if any."""
    own = provincial_indicators(indicators)
    covering = own[
        own["parent_code"].isna()
        & (own["first_year"] <= year)
        & (own["last_year"].isna() | (own["last_year"].fillna(9999) >= year))
    ]
    return None if covering.empty else covering.iloc[0]


def resolve_view(
    query: dict[str, str], *, indicators: pd.DataFrame, years: list[int], groups: list[str]
) -> View:
    """Turn a query string into a valid view; anything unknown falls back to the latest defaults."""
    valid = True
    default_year = max(years) if years else 0
    year_text = str(query.get("year") or "")
    if year_text.isdigit() and int(year_text) in years:
        year = int(year_text)
    else:
        valid = valid and not year_text
        year = default_year
    group = query.get("group") or (
        "district" if "district" in groups else (groups[0] if groups else "district")
    )
    if group not in groups:
        valid, group = False, groups[0] if groups else "district"
    total = total_for_year(indicators, year)
    if total is None:
        return View(year, "", "", "", group, valid=False)
    indicator = query.get("index") or total["code"]
    family = indicators[(indicators["methodology"] == total["methodology"])]
    if indicator not in set(family["code"]):
        # An index of another method (the URL came from another year) is replaced by this year's total.
        valid = valid and indicator in set(indicators["code"])
        indicator = total["code"]
    return View(year, indicator, total["code"], total["methodology"], group, valid)


def sub_indicators(indicators: pd.DataFrame, total: str) -> pd.DataFrame:
    """Sub-indices of a total, in published order."""
    return indicators[indicators["parent_code"] == total].sort_values("sort_order")


@dataclass(frozen=True)
class RankChange:
    """How a unit's rank moved against the previous year."""

    kind: str  # up, down, same, new, merged, not_comparable
    steps: int = 0


def rank_changes(
    current: pd.DataFrame, previous: pd.DataFrame, *, comparable: bool, merged_into: dict[str, str]
) -> dict[str, RankChange]:
    """Compare each unit's rank with the previous year's (rank, unit_code columns).

    A unit that absorbed another unit since last year is 'merged'; one with no rank last year is 'new';
    across a methodology break nothing is comparable.
    """
    before = dict(zip(previous["unit_code"], previous["rank"], strict=True)) if not previous.empty else {}
    absorbed = set(merged_into.values())
    changes = {}
    for code, rank in zip(current["unit_code"], current["rank"], strict=True):
        if not comparable:
            changes[code] = RankChange("not_comparable")
        elif code in absorbed:
            changes[code] = RankChange("merged")
        elif code not in before or _missing(before[code]) or _missing(rank):
            changes[code] = RankChange("new")
        else:
            steps = int(before[code]) - int(rank)
            changes[code] = RankChange("up" if steps > 0 else "down" if steps < 0 else "same", abs(steps))
    return changes


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def ranking_table(frame: pd.DataFrame, *, indicator: str, lang: str) -> pd.DataFrame:
    """One row per unit: the indicator's value and rank within the group (recomputed for sub-indices).

    Published ranks are kept for the total; ties share a rank (1, 2, 2, 4).
    """
    rows = frame[frame["indicator_code"] == indicator].copy()
    if rows.empty:
        return rows.assign(rank=pd.Series(dtype="Int64"))
    if rows["rank"].isna().any():
        rows["rank"] = competition_ranks(rows["value"].tolist())
    rows["unit_name"] = rows["unit_name_vi" if lang == "vi" else "unit_name_en"]
    return rows.sort_values(["rank", "unit_name"]).reset_index(drop=True)


def with_classes(table: pd.DataFrame, *, percent_of_max: pd.Series) -> pd.DataFrame:
    """Fill a missing class from the thresholds (sub-indices have no published class)."""
    table = table.copy()
    table["class_label"] = [
        label if isinstance(label, str) else classify(share)
        for label, share in zip(table["class_label"], percent_of_max, strict=True)
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
    """Average, best, worst and how many units improved their value since last year."""
    values = table.dropna(subset=["value"])
    if values.empty:
        return Headline(0, None, None, None, None)
    best = values.loc[values["value"].idxmax()]
    worst = values.loc[values["value"].idxmin()]
    improved = None
    if comparable and not previous.empty:
        before = dict(zip(previous["unit_code"], previous["value"], strict=True))
        improved = sum(
            1
            for c, v in zip(values["unit_code"], values["value"], strict=True)
            if c in before and not _missing(before[c]) and v > before[c]
        )
    return Headline(
        count=len(values),
        average=float(values["value"].mean()),
        best=(best["unit_name"], float(best["value"])),
        worst=(worst["unit_name"], float(worst["value"])),
        improved=improved,
    )


def percent_of_max(values: pd.Series, *, measure: str, max_value: float | None) -> pd.Series:
    """Values as a percentage of the indicator's maximum (for colour classes)."""
    if measure == "percent" or not max_value:
        return values
    return values * 100 / max_value


def method_breaks(frame: pd.DataFrame, label: str) -> list[tuple[int, str]]:
    """Years where the methodology differs from the previous year's (lines are not joined there)."""
    methods = frame.drop_duplicates("year").sort_values("year")[["year", "methodology"]].to_numpy().tolist()
    return [
        (int(year), label)
        for (_, previous), (year, method) in itertools.pairwise(methods)
        if method != previous
    ]
