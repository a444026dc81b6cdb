"""The national table of /ca-nuoc: its grid (columns, rows and note; the rows are views/national_table.py's,
which its download shares) and the chart that places every province by rank, with Quảng Ngãi (and Kon
Tum, merged into it in 2025) marked in words and shape, never by colour alone.

May import: components, assemble, views, figures, domain, i18n, urls.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard import components, urls
from dashboard.assemble import comparison, ranking
from dashboard.assemble import national_table as table
from dashboard.components import chart_tools
from dashboard.domain import KON_TUM_CODE, PROVINCE_CODE, localized
from dashboard.figures import national as national_figures
from dashboard.figures.text import plotly_text
from dashboard.i18n import t
from dashboard.views import national_position as position
from dashboard.views.comparison import source_line
from dashboard.views.national_table import COLUMNS


def table_rows(choice: tuple[str, int] | None, lang: str) -> tuple[list[dict], list]:
    """Grid rows of a national table and the note under it."""
    if choice is None:
        return [], [components.empty_state(t("national.no_data", lang))]
    rows, frame = table.grid_rows(choice, lang)
    notes = [t("national.table_note", lang, count=frame["unit_code"].nunique())]
    rank_of = frame["rank_of"].max()
    if pd.notna(rank_of) and frame["unit_code"].nunique() < rank_of:
        # what is held, not which ranks a source covers: the pages were read in excerpts
        notes.append(t("national.table_missing", lang, count=frame["unit_code"].nunique(), of=int(rank_of)))
    return rows, [
        html.P(" ".join(notes), className="text-muted small"),
        components.source_list(comparison.sources_of(table.table_frame(choice)), lang=lang),
    ]


def table_chart(choice: tuple[str, int] | None, lang: str) -> list:
    """The chosen table's provinces along their ranks with Quảng Ngãi (and Kon Tum) marked; nothing for
    a table with fewer than two ranks."""
    if choice is None:
        return []
    frame = position.best_rows(table.table_frame(choice))
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
    index = ranking.indicator_names_in(lang)[code]
    figure = national_figures.rank_strip(
        bars,
        lang=lang,
        title=t("national.table_chart", lang, index=plotly_text(index), year=year),
        source_line=source_line(frame, lang),
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


# How the grid draws each column of views/national_table.COLUMNS (which fixes their order and headers).
_COLUMN_OPTIONS: dict[str, dict] = {
    "rank": {
        "width": 90,
        "sort": "asc",
        "type": "numericColumn",
        "valueFormatter": {"function": "params.data.rank_text"},
    },
    "province": {"flex": 2, "minWidth": 170},
    "value": {
        "width": 110,
        "type": "numericColumn",
        "valueFormatter": {"function": "params.data.value_text"},
    },
    "published": {"flex": 1, "minWidth": 120},
    "period": {"width": 110},
    "source": {"width": 130, "cellRenderer": "markdown"},
}


def columns(lang: str) -> list[dict]:
    """The grid's column definitions, in the order and with the headers of the table on screen."""
    return [{"field": key, "headerName": t(label, lang), **_COLUMN_OPTIONS[key]} for key, label in COLUMNS]
