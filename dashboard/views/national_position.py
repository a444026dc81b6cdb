"""The national position now: DTI 2024 in both groupings, the national value and provincial averages as a
comparison line, and conflicts between sources said as conflicts. Pure: frames in, frames out."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.views import published

COUNTRY = "VN"
AGGREGATES = ("NAT_DTI_NATIONAL", "NAT_DTI_PROV_AVG")
GROUPINGS = ("NAT_DTI_34", "NAT_DTI")
CONFLICT = "conflict"  # the note of rows that report one rank two ways (scripts/shared_figures/national.py)


def conflicts(frame: pd.DataFrame) -> set[tuple[int, str, str]]:
    """(year, indicator, unit) whose sources disagree: pages show both, never a pick."""
    notes = frame["note"] if "note" in frame else pd.Series("", index=frame.index)
    marked = frame[notes.fillna("").astype(str).str.startswith(CONFLICT)]
    return {(int(r.year), r.indicator_code, r.unit_code) for r in marked.itertuples()}


def comparison_lines(values: pd.DataFrame, aggregates: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Series for a DTI value chart: the provinces' own values, the national value, the provincial average."""
    name = "unit_name_vi" if lang == "vi" else "unit_name_en"
    own = values.dropna(subset=["value"]).assign(series=lambda f: f[name])
    lines = aggregates.dropna(subset=["value"]).drop_duplicates(["year", "indicator_code"])
    lines = lines.assign(series=[t(f"national.series.{c}", lang) for c in lines["indicator_code"]])
    return pd.concat([own, lines])[["series", "year", "value"]].sort_values(["series", "year"])


def rank_cell(row: dict, lang: str, conflicted: set[tuple[int, str, str]]) -> str:
    """'26/63', or the conflict said in words, or 'not found'."""
    if (int(row["year"]), row["indicator_code"], row["unit_code"]) in conflicted:
        return f"{t('published.conflict', lang)}: {row['value_published']}"
    if pd.isna(row["rank"]):
        return "–"
    return f"{int(row['rank'])}/{int(row['rank_of'])}" if pd.notna(row["rank_of"]) else str(int(row["rank"]))


def value_cell(row: dict, lang: str) -> str:
    """The value with the decimals the source printed ('0,8002'), or '–'."""
    return published.number_as_published(row["value"], published=row.get("value_published"), lang=lang)
