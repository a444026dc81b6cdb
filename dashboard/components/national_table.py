"""The national table of /ca-nuoc: the (index, year) tables held, their grid rows and the chart that
places every province by rank, with Quảng Ngãi (and Kon Tum, merged into it in 2025) marked in words and
shape, never by colour alone.

May import: views, figures, queries, i18n.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard import components, queries, urls
from dashboard.components import chart_tools
from dashboard.domain import KON_TUM_CODE, PROVINCE_CODE, localized, localized_column
from dashboard.figures import national as national_figures
from dashboard.figures.text import plotly_text
from dashboard.i18n import t
from dashboard.queries import ObservationFilter
from dashboard.views import comparison, published
from dashboard.views import national_position as position

MARKED = (PROVINCE_CODE, KON_TUM_CODE)  # Kon Tum merged into Quảng Ngãi on 1 July 2025
FULL_TABLE_MIN_ROWS = 30  # a year counts as a national table when the source lists at least this many


def national_codes() -> tuple[str, ...]:
    """Codes of the national indicators (ranks of provinces)."""
    indicators = queries.indicators()
    return tuple(indicators.loc[indicators["family"].str.startswith("national-"), "code"])


def table_choices() -> list[tuple[str, int]]:
    """(indicator, year) pairs of every national table held, however few provinces its source lists."""
    codes = tuple(c for c in national_codes() if c not in position.AGGREGATES)
    frame = queries.observations(ObservationFilter(indicators=codes))
    frame = frame[frame["unit_kind"] == "province"]
    return sorted(
        {(code, int(year)) for code, year in zip(frame["indicator_code"], frame["year"], strict=True)}
    )


def _default_table(choices: list[tuple[str, int]]) -> tuple[str, int] | None:
    """The latest table that ranks (nearly) every province, else the latest one."""
    frame = queries.observations(ObservationFilter(indicators=tuple({c for c, _ in choices})))
    counts = frame.groupby(["indicator_code", "year"])["unit_code"].nunique()
    full = [
        (c, int(y)) for (c, y), n in counts.items() if n >= FULL_TABLE_MIN_ROWS and (c, int(y)) in choices
    ]
    return max(full, key=lambda choice: choice[1]) if full else (choices[-1] if choices else None)


def parse_table(text: str | None, choices: list[tuple[str, int]]) -> tuple[str, int] | None:
    code, _, year = str(text or "").rpartition("-")
    if year.isdigit() and (code, int(year)) in choices:
        return code, int(year)
    return _default_table(choices)


def _source_markdown(row: object, lang: str) -> str:
    """The grid's source cell: the kind of source, linked to the page the figure was read on."""
    kind = t(f"source_kind.{row.data_kind}", lang)  # type: ignore[attr-defined]
    url = row.source_url  # type: ignore[attr-defined]
    return f"[{kind}]({url})" if isinstance(url, str) and url.startswith("http") else kind


def _table_frame(choice: tuple[str, int]) -> pd.DataFrame:
    code, year = choice
    frame = queries.observations(ObservationFilter(indicators=(code,), years=(year,)))
    return frame[frame["unit_kind"] == "province"].sort_values(["rank", "unit_code", "source_id"])


def _marked_name(code: str, name: str, lang: str) -> str:
    """Quảng Ngãi (and Kon Tum, now part of it) say so in words, not only by the row's colour."""
    return f"{name} ★ {t(f'national.marker.{code}', lang)}" if code in MARKED else name


def table_rows(choice: tuple[str, int] | None, lang: str) -> tuple[list[dict], list]:
    """Grid rows of a national table and the note under it."""
    if choice is None:
        return [], [components.empty_state(t("national.no_data", lang))]
    all_sources = _table_frame(choice)
    # One row per province and rank: the figure from the source that prints the most of it (a value beside
    # the rank), then the preferred kind; every source printing that rank is linked beside it. Sources that
    # give one province different ranks keep a row each, marked as conflicting.
    keyed = all_sources.assign(key=all_sources["rank"].fillna(-1))
    preference = keyed["data_kind"].map(position.KIND_PREFERENCE).fillna(9)
    frame = (
        keyed.assign(preference=preference, unvalued=keyed["value"].isna())
        .sort_values(["unvalued", "preference", "source_id"])
        .drop_duplicates(["unit_code", "key"])
        .sort_values(["rank", "unit_code"])
    )
    sources = {
        key: " · ".join(dict.fromkeys(_source_markdown(r, lang) for r in group.itertuples()))
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
            "source": sources[(r.unit_code, r.key)],
        }
        for r, name in zip(frame.itertuples(), localized(frame, "unit_name", lang), strict=True)
    ]
    notes = [t("national.table_note", lang, count=frame["unit_code"].nunique())]
    rank_of = frame["rank_of"].max()
    if pd.notna(rank_of) and frame["unit_code"].nunique() < rank_of:
        # what is held, not which ranks a source covers: the pages were read in excerpts
        notes.append(t("national.table_missing", lang, count=frame["unit_code"].nunique(), of=int(rank_of)))
    return rows, [
        html.P(" ".join(notes), className="text-muted small"),
        components.source_list(comparison.sources_of(all_sources), lang=lang),
    ]


def table_chart(choice: tuple[str, int] | None, lang: str) -> list:
    """The chosen table's provinces along their ranks with Quảng Ngãi (and Kon Tum) marked; nothing for
    a table with fewer than two ranks."""
    if choice is None:
        return []
    frame = position.best_rows(_table_frame(choice))
    if frame["rank"].notna().sum() < 2:
        return []
    names = localized(frame, "unit_name", lang)
    bars = frame.assign(
        code=frame["unit_code"],
        province=names,
        rank_text=[position.rank_text(r, o) for r, o in zip(frame["rank"], frame["rank_of"], strict=True)],
        value_text=[position.value_cell(r, lang) for r in frame.to_dict("records")],
    )
    named = dict(zip(frame["unit_code"], names, strict=True))
    code, year = choice
    index = queries.indicators().set_index("code").loc[code, localized_column("name", lang)]
    figure = national_figures.rank_strip(
        bars,
        lang=lang,
        title=t("national.table_chart", lang, index=plotly_text(index), year=year),
        source_line=comparison.source_line(frame, lang),
        x_title=t("national.rank_axis", lang),
        marked={
            PROVINCE_CODE: f"★ {named.get(PROVINCE_CODE, '')}",
            KON_TUM_CODE: f"★ {named.get(KON_TUM_CODE, '')} ({t(f'national.marker.{KON_TUM_CODE}', lang)})",
        },
    )
    return [
        chart_tools.figure_card(
            figure,
            page_path=urls.page("national", lang=lang, table=f"{code}-{year}"),
            lang=lang,
            drawn=frame,
        )
    ]


def columns(lang: str) -> list[dict]:
    return [
        {
            "field": "rank",
            "headerName": t("table.rank", lang),
            "width": 90,
            "sort": "asc",
            "type": "numericColumn",
            "valueFormatter": {"function": "params.data.rank_text"},
        },
        {"field": "province", "headerName": t("national.col.province", lang), "flex": 2, "minWidth": 170},
        {
            "field": "value",
            "headerName": t("national.col.value", lang),
            "width": 110,
            "type": "numericColumn",
            "valueFormatter": {"function": "params.data.value_text"},
        },
        {"field": "published", "headerName": t("edocs.col.published", lang), "flex": 1, "minWidth": 120},
        {"field": "period", "headerName": t("edocs.col.period", lang), "width": 110},
        {
            "field": "source",
            "headerName": t("edocs.col.source", lang),
            "width": 130,
            "cellRenderer": "markdown",
        },
    ]
