"""A national table of /ca-nuoc (one index and year, every province held): which tables there are, the
rows its grid shows and, from the same rows, its table on screen for download (api/screen.py), so that
what is downloaded is what is seen. Frames in (assemble/national_table.py reads them).

May import: domain, i18n, views.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.domain import KON_TUM_CODE, PROVINCE_CODE, localized
from dashboard.i18n import t
from dashboard.views import national_position as position
from dashboard.views import published
from dashboard.views.screen_table import Column, ScreenTable, table_of

MARKED = (PROVINCE_CODE, KON_TUM_CODE)  # Kon Tum merged into Quảng Ngãi on 1 July 2025
FULL_TABLE_MIN_ROWS = 30  # a year counts as a national table when the source lists at least this many
# The grid's columns in screen order: the row key and its header's text key.
COLUMNS = (
    ("rank", "table.rank"),
    ("province", "national.col.province"),
    ("value", "national.col.value"),
    ("published", "edocs.col.published"),
    ("period", "edocs.col.period"),
    ("source", "edocs.col.source"),
)


def national_codes(indicators: pd.DataFrame) -> tuple[str, ...]:
    """Codes of the national indicators (ranks of provinces) among `indicators`."""
    return tuple(indicators.loc[indicators["family"].str.startswith("national-"), "code"])


def table_codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    """The national indicators that make tables: neither aggregates nor monthly figures."""
    return tuple(c for c in codes if c not in (*position.AGGREGATES, *position.MONTHLY))


def table_choices(frame: pd.DataFrame) -> list[tuple[str, int]]:
    """(indicator, year) pairs of every national table in `frame` (observations of the table
    indicators), however few provinces its source lists."""
    frame = frame[frame["unit_kind"] == "province"]
    return sorted(
        {(code, int(year)) for code, year in zip(frame["indicator_code"], frame["year"], strict=True)}
    )


def default_table(choices: list[tuple[str, int]], frame: pd.DataFrame) -> tuple[str, int] | None:
    """The latest table that ranks (nearly) every province, else the latest one (`frame`: the
    observations of the choices' indicators)."""
    counts = frame.groupby(["indicator_code", "year"])["unit_code"].nunique()
    full = [
        (c, int(y)) for (c, y), n in counts.items() if n >= FULL_TABLE_MIN_ROWS and (c, int(y)) in choices
    ]
    return max(full, key=lambda choice: choice[1]) if full else (choices[-1] if choices else None)


def find_table(text: str | None, choices: list[tuple[str, int]]) -> tuple[str, int] | None:
    """The table 'NAT_DTI-2022' names, or None when no such table is held."""
    code, _, year = str(text or "").rpartition("-")
    return (code, int(year)) if year.isdigit() and (code, int(year)) in choices else None


def _marked_name(code: str, name: str, lang: str) -> str:
    """Quảng Ngãi (and Kon Tum, now part of it) say so in words, not only by the row's colour."""
    return f"{name} ★ {t(f'national.marker.{code}', lang)}" if code in MARKED else name


def _source_link(row: Any, lang: str) -> tuple[str, str]:
    """(kind of source, the page the figure was read on when it is a web page) of an observation row."""
    url = row.source_url if isinstance(row.source_url, str) and row.source_url.startswith("http") else ""
    return t(f"source_kind.{row.data_kind}", lang), url


def grid_rows(all_sources: pd.DataFrame, lang: str) -> tuple[list[dict], pd.DataFrame]:
    """The rows of a national table (`all_sources`: every province's figures of the table, from every
    source that prints them) as its grid shows them, and the frame they come from.

    One row per province and rank: the figure from the source that prints the most of it (a value beside
    the rank), then the preferred kind; every source printing that rank is listed beside it. Sources that
    give one province different ranks keep a row each, marked as conflicting."""
    keyed = all_sources.assign(key=all_sources["rank"].fillna(-1))
    preference = keyed["data_kind"].map(position.KIND_PREFERENCE).fillna(9)
    frame = (
        keyed.assign(preference=preference, unvalued=keyed["value"].isna())
        .sort_values(["unvalued", "preference", "source_id"])
        .drop_duplicates(["unit_code", "key"])
        .sort_values(["rank", "unit_code"])
    )
    links = {
        key: list(dict.fromkeys(_source_link(r, lang) for r in group.itertuples()))
        for key, group in keyed.groupby(["unit_code", "key"])
    }
    conflicted = set(frame.loc[frame["unit_code"].duplicated(keep=False), "unit_code"])
    rows = [
        {
            "id": f"{r.unit_code}:{int(r.rank) if pd.notna(r.rank) else ''}",
            "rank": int(r.rank) if pd.notna(r.rank) else None,
            "rank_text": position.rank_text(r.rank, None)
            + (f" ({t('published.conflict', lang)})" if r.unit_code in conflicted else ""),
            "province": _marked_name(r.unit_code, name, lang),
            "code": r.unit_code,
            "value": r.value if pd.notna(r.value) else None,
            "value_text": position.value_cell(r._asdict(), lang),
            "published": r.value_published if isinstance(r.value_published, str) else "",
            "period": published.period_text(r.period, lang),
            "kind": t(f"source_kind.{r.data_kind}", lang),
            "source": " · ".join(
                f"[{kind}]({url})" if url else kind for kind, url in links[(r.unit_code, r.key)]
            ),
            "source_text": " · ".join(
                f"{kind}: {url}" if url else kind for kind, url in links[(r.unit_code, r.key)]
            ),
        }
        for r, name in zip(frame.itertuples(), localized(frame, "unit_name", lang), strict=True)
    ]
    return rows, frame


def screen_table(rows: list[dict], lang: str) -> ScreenTable:
    """The table on screen for download of a national table's grid rows: the grid's columns in its order
    (the rank as shown, a conflict said in words), with the province's code after its name and the
    sources as plain addresses."""
    kinds = {"rank": "string", "value": "number"}
    keys = {"rank": "rank_text", "source": "source_text"}
    columns = [Column(keys.get(key, key), t(label, lang), kinds.get(key, "string")) for key, label in COLUMNS]
    columns.insert(2, Column("code", t("screen.unit_code", lang)))
    return table_of(rows, columns)
