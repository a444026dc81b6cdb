"""The national position now: DTI 2024 in both groupings, the national value and provincial averages as a
comparison line, and conflicts between sources said as conflicts. Pure: frames in, frames out."""

from __future__ import annotations

import pandas as pd

from dashboard.domain import localized_column
from dashboard.domain.dates import published_date
from dashboard.i18n import t
from dashboard.views import published

COUNTRY = "VN"
AGGREGATES = ("NAT_DTI_NATIONAL", "NAT_DTI_PROV_AVG")
GROUPINGS = ("NAT_DTI_34", "NAT_DTI")
# Indices published by month (the service index of QĐ 766/QĐ-TTg): shown by period, never as a year's point
# nor as a national table of a year.
MONTHLY = ("NAT_SERVICE_INDEX",)
CONFLICT = "conflict"  # the note of rows that report one rank two ways (scripts/shared_figures/national.py)
KIND_PREFERENCE = {"official": 0, "press": 1, "reference": 2, "illustrative": 3}


def conflicts(frame: pd.DataFrame) -> set[tuple[int, str, str]]:
    """(year, indicator, unit) whose sources disagree: pages show both, never a pick."""
    notes = frame["note"] if "note" in frame else pd.Series("", index=frame.index)
    marked = frame[notes.fillna("").astype(str).str.startswith(CONFLICT)]
    return {(int(r.year), r.indicator_code, r.unit_code) for r in marked.itertuples()}


def provinces_averaged(aggregates: pd.DataFrame, rankings: pd.DataFrame) -> list[int | None]:
    """How many provinces each provincial average is over: the count the same source page ranks that year (its
    2024 table ranks 34 merged provinces, its 2021 and 2023 ones 63); None for other rows, or when the
    source ranks none or ranks in both groupings (then its average could be of either)."""
    # the same page read, whichever dataset stores its rows (source ids carry the dataset)
    counts = rankings.dropna(subset=["rank_of"]).groupby(["source_url", "year"])["rank_of"].unique()
    return [
        int(counts[(r.source_url, r.year)][0])
        if r.indicator_code == "NAT_DTI_PROV_AVG"
        and (r.source_url, r.year) in counts.index
        and len(counts[(r.source_url, r.year)]) == 1
        else None
        for r in aggregates.itertuples()
    ]


def comparison_lines(
    values: pd.DataFrame, aggregates: pd.DataFrame, lang: str, *, rankings: pd.DataFrame
) -> pd.DataFrame:
    """Series for a DTI value chart: the provinces' own values, the national value, the provincial average,
    each point with its value as the source printed it (text: '0,24', not '0,2400').

    An average of 34 provinces is never drawn on one line with averages of 63: each count is its own series,
    named with its count ("Trung bình 34 tỉnh"), so the line breaks where the count changes."""
    name = localized_column("unit_name", lang)
    own = values.dropna(subset=["value"]).assign(series=lambda f: f[name])
    lines = aggregates.dropna(subset=["value"]).drop_duplicates(["year", "indicator_code"])
    lines = lines.assign(
        series=[
            t(f"national.series.{code}", lang)
            if code != "NAT_DTI_PROV_AVG"
            else t("national.series.average_of", lang, count=count)
            if count
            else t("national.series.average_unknown", lang)
            for code, count in zip(lines["indicator_code"], provinces_averaged(lines, rankings), strict=True)
        ]
    )
    both = pd.concat([own, lines])
    both = both.assign(text=[value_cell(r, lang) for r in both.to_dict("records")])
    return both[["series", "year", "value", "text"]].sort_values(["series", "year"])


def rank_cell(row: dict, lang: str, conflicted: set[tuple[int, str, str]]) -> str:
    """'26/63', or the conflict said in words, or 'not found'."""
    if (int(row["year"]), row["indicator_code"], row["unit_code"]) in conflicted:
        return f"{t('published.conflict', lang)}: {row['value_published']}"
    return rank_text(row["rank"], row["rank_of"])


def value_cell(row: dict, lang: str) -> str:
    """The value as the source printed it ('0,8002', '86,45 %'), or '–'."""
    if pd.isna(row["value"]):
        return "–"
    return published.figure_text(
        row["value"],
        high=row.get("value_high"),
        qualifier=row.get("qualifier"),
        measure=str(row.get("measure") or ""),
        published=row.get("value_published"),
        lang=lang,
    )


def best_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (year, indicator, unit): official sources first, then the press."""
    frame = frame.assign(preference=frame["data_kind"].map(KIND_PREFERENCE).fillna(9))
    frame = frame.sort_values(["preference", "source_id"]).drop_duplicates(
        ["year", "indicator_code", "unit_code"]
    )
    return frame.drop(columns="preference").sort_values(["year", "indicator_code", "rank"])


def rank_text(rank: object, rank_of: object) -> str:
    """'26/63', '26' without a count, '–' without a rank."""
    if pd.isna(rank):
        return "–"
    return f"{int(rank)}/{int(rank_of)}" if pd.notna(rank_of) else str(int(rank))


def change_of_count(frame: pd.DataFrame, lang: str) -> list[str]:
    """Sentences for ranks out of a different number of provinces than before (63 → 34 in 2025)."""
    frame = frame.dropna(subset=["rank_of"]).sort_values("year")
    if frame.empty:
        return []
    before = int(frame["rank_of"].mode().iloc[0])
    changed = frame[frame["rank_of"] != before]
    return [
        t("national.change_34", lang, year=r.year, of=int(r.rank_of), before=before, rank=int(r.rank))
        for r in changed.itertuples()
    ]


def ranks_and_months(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A province's national rows split into ranks by year and the monthly index; aggregates are neither."""
    frame = frame[~frame["indicator_code"].isin(AGGREGATES)]
    monthly = frame["indicator_code"].isin(MONTHLY)
    return frame[~monthly], frame[monthly]


def drawn_ranks(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows a rank chart draws: one per year and index, none for a year whose sources disagree (that
    year gets only words)."""
    conflicted = conflicts(frame)
    keys = zip(frame["year"], frame["indicator_code"], frame["unit_code"], strict=True)
    return best_rows(frame[[(int(y), c, u) not in conflicted for y, c, u in keys]])


def decision_url(events: pd.DataFrame, legal_basis: str) -> str | None:
    """The stored source of the first event whose legal basis names `legal_basis`, if any."""
    decision = events[events["legal_basis"].fillna("").str.contains(legal_basis)]
    link = decision["source_url"].dropna()
    return link.iloc[0] if len(link) else None


def monthly_points(frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A monthly index's rows by month ('tháng 5/2025') then source, and the points its chart draws: one
    per month with a rank, its period in words and its rank as text ('12/34')."""
    first_day = [getattr(published_date(p), "first", None) for p in frame["period"]]
    ordered = frame.assign(first_day=first_day).sort_values(["first_day", "source_id"])
    points = ordered.dropna(subset=["rank"]).drop_duplicates("period")  # one point per month
    points = points.assign(
        period_text=[published.period_text(p, lang) for p in points["period"]],
        text=[rank_text(r, o) for r, o in zip(points["rank"], points["rank_of"], strict=True)],
    )
    return ordered.drop(columns="first_day"), points
