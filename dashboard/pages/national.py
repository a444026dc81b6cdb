"""National position (/ca-nuoc): Quảng Ngãi's rank among provinces by year and index, the full national tables
we hold, Kon Tum's DTI history, and the 2025 change from 63 to 34 provinces said in words.

Query: table=<indicator>-<year> (e.g. NAT_DTI-2022) picks the national table shown in the grid.
"""

from __future__ import annotations

from collections.abc import Mapping

import dash
import dash_ag_grid as dag
import pandas as pd
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard import components, urls
from dashboard.api import screen
from dashboard.assemble import comparison, national_position, national_table, page_meta, ranking
from dashboard.assemble.national_table import parse_table, table_choices
from dashboard.components import chart_tools, grid
from dashboard.components import citations as cite
from dashboard.components.national_table import columns, table_chart, table_rows
from dashboard.domain import KON_TUM_CODE, PROVINCE_CODE, localized, localized_column
from dashboard.figures import charts
from dashboard.figures import compare as figures
from dashboard.figures import national as national_figures
from dashboard.i18n import normalize_language, t
from dashboard.views import national_position as position
from dashboard.views import published, wording
from dashboard.views.comparison import source_line
from dashboard.web import validation as rule
from dashboard.web.validation import guarded

dash.register_page(
    __name__,
    path="/ca-nuoc",
    title="Vị trí cả nước – Minh bạch CNTT Quảng Ngãi",
    order=4,
    description="Thứ hạng của tỉnh Quảng Ngãi trên cả nước: DTI, chính phủ điện tử, PAR INDEX, PAPI",
)

TABLE = "national-table"
GRID = "national-grid"
TABLE_NOTE = "national-table-note"
TABLE_CHART = "national-table-chart"
DOWNLOADS = "national-downloads"
LANG = "national-lang"
URL_SINK = "national-url-sink"


def _rank_figure(frame: pd.DataFrame, *, lang: str, title: str) -> dict:
    """Ranks over the years, rank 1 at the top; hover says '26/63'."""
    series = frame.assign(series=localized(frame, "indicator_name", lang), value=frame["rank"])
    figure = charts.year_lines(
        series,
        lang=lang,
        title=title,
        source_line=source_line(frame, lang),
        y_title=t("national.rank_axis", lang),
        y_range=(max(64, int(frame["rank_of"].max()) + 1), 0),
        decimals=0,
        # Many indices make a tall legend: push the source line below it instead of under it.
        extra_bottom=20 * (series["series"].nunique() - 1),  # one legend row per index on a phone
    )
    texts = {
        (s, int(y)): position.rank_text(r, o)
        for s, y, r, o in zip(
            series["series"], series["year"], series["rank"], series["rank_of"], strict=True
        )
    }
    return figures.point_texts(figure, texts)


def _rank_table(frame: pd.DataFrame, lang: str) -> html.Div:
    """Every figure held, one row per source: the unit by its name of that year, rank, value and period as
    published, and the source."""
    header = [
        "edocs.col.period",
        "national.col.province",
        "national.col.index",
        "national.col.rank",
        "national.col.value",
        "edocs.col.published",
        "edocs.col.source",
    ]
    conflicted = position.conflicts(frame)
    name = localized_column("indicator_name", lang)
    unit = localized_column("unit_name", lang)
    sources = cite.source_index()
    body = [
        html.Tr(
            [
                html.Td(published.period_text(r["period"], lang)),
                html.Td(r[unit]),
                html.Td(r[name]),
                html.Td(html.Strong(position.rank_cell(r, lang, conflicted))),
                html.Td(position.value_cell(r, lang)),
                html.Td(
                    html.Q(r["value_published"], lang=wording.printed_language(r["value_published"]))
                    if isinstance(r["value_published"], str)
                    else "–"
                ),
                html.Td(cite.source_cell(r, lang, sources)),
            ]
        )
        for r in frame.sort_values(["year", "indicator_code"]).to_dict("records")
    ]
    return html.Div(
        html.Table(
            [html.Thead(html.Tr([html.Th(t(h, lang), scope="col") for h in header])), html.Tbody(body)],
            className="table table-sm data-table",
        ),
        className="table-responsive",
    )


def _service_index(frame: pd.DataFrame, lang: str) -> list:
    """The service index (QĐ 766/QĐ-TTg) month by month as published: its period ('tháng 5/2025'), points,
    rank of the provinces of that month (63, then 34 from 1/7/2025) and source."""
    if frame.empty:
        return []
    ordered, points = position.monthly_points(frame, lang)
    chart = national_figures.period_ranks(
        points,
        lang=lang,
        title=t("national.service_chart", lang),
        source_line=source_line(points, lang),
        y_title=t("national.rank_axis", lang),
        series_name=t("national.service_series", lang),
    )
    return [
        html.H2(t("national.service_heading", lang), className="h4 mt-4"),
        html.P(_service_lead(lang)),
        chart_tools.figure_card(chart, page_path=urls.page("national", lang=lang), lang=lang, drawn=points),
        _rank_table(ordered, lang),
    ]


def _service_lead(lang: str) -> list:
    """What the index is, with its decision linked to the stored source (the timeline's event)."""
    link = national_position.service_decision_url()
    anchor = html.A("QĐ 766/QĐ-TTg", href=link, rel="noopener", target="_blank") if link else None
    return [t("national.service_lead", lang), " ", t("edocs.col.source", lang), ": ", anchor or "–"]


def _kontum_classes(frame: pd.DataFrame, lang: str) -> list:
    """The class counts as the counts they are: no unit is named, none is given a score or a class."""
    if frame.empty:
        return []
    rows = published.worded(
        frame.sort_values(["year", "gov_level", "indicator_code"]), lang, home=KON_TUM_CODE
    )
    return [
        html.H3(t("national.kontum_classes_heading", lang), className="h5 mt-3"),
        html.P(t("national.kontum_classes_lead", lang)),
        cite.figures_table(rows.to_dict("records"), lang=lang),
    ]


def _position_2024(data: national_position.NationalFrames, lang: str) -> list:
    """DTI 2024 in both groupings, Quảng Ngãi's value not found, and the comparison chart."""
    frame, kontum = data.dti_2024, data.kontum_all
    page = urls.page("national", lang=lang)
    aggregates = frame[frame["indicator_code"].isin(position.AGGREGATES)]
    lines = position.comparison_lines(kontum, aggregates, lang, rankings=data.rankings)
    chart = charts.year_lines(
        lines,
        lang=lang,
        title=t("national.values_chart", lang),
        source_line=source_line(pd.concat([kontum, aggregates]), lang),
        y_title=t("national.col.value", lang),
        decimals=4,
    )
    # hover labels as printed (Kon Tum's "0,24 điểm" is 0,24, not 0,2400)
    chart = figures.point_texts(
        chart,
        {(s, int(y)): text for s, y, text in zip(lines["series"], lines["year"], lines["text"], strict=True)},
    )
    provinces = frame[frame["indicator_code"].isin(position.GROUPINGS)]
    return [
        html.H2(t("national.dti2024_heading", lang), className="h4 mt-4"),
        html.P(t("national.dti2024_lead", lang)),
        html.P(
            [html.Strong(t("national.qn_2024", lang) + ": "), t("published.not_found", lang)],
            className="alert alert-secondary",
            id="national-qn-2024",
        ),
        chart_tools.figure_card(chart, page_path=page, lang=lang, drawn=pd.concat([kontum, aggregates])),
        _rank_table(pd.concat([provinces, aggregates]), lang),
    ]


def layout(lang: str | None = None, **query: str) -> html.Div:
    """Render the national page; the national table follows the query string."""
    lang = normalize_language(lang)
    data = national_position.frames()
    choices = table_choices()
    choice = parse_table(query.get("table"), choices)
    page = urls.page("national", lang=lang)
    content = [
        dcc.Store(id=LANG, data=lang),
        html.Div(id=URL_SINK, hidden=True),
        html.H1(t("national.heading", lang)),
        html.P(t("national.lead", lang), className="summary"),
        *_ranks_section(data.ranks, data.ranks_all, lang=lang, page=page),
        *_service_index(data.monthly, lang),
        *_position_2024(data, lang),
        *_table_section(choice, choices, ranking.indicator_names_in(lang), lang),
        *_kontum_section(data.kontum, data.kontum_all, lang=lang, page=page),
        *_kontum_classes(data.kontum_classes, lang),
        components.source_list(comparison.sources_of(data.cited), lang=lang),
    ]
    return components.page_frame(
        content,
        lang=lang,
        active="national",
        path="/ca-nuoc",
        query={"table": f"{choice[0]}-{choice[1]}" if choice else None},
        updated=page_meta.last_updated(),
    )


def _ranks_section(ranks: pd.DataFrame, ranks_all: pd.DataFrame, *, lang: str, page: str) -> list:
    """Quảng Ngãi's national ranks: what changed in the count of provinces, the chart and every row held."""
    content: list = [html.H2(t("national.ranks_heading", lang), className="h4")]
    if ranks.empty:
        return [*content, components.empty_state(t("national.no_data", lang))]
    return [
        *content,
        *[
            html.Div(text, className="alert alert-info", role="note")
            for text in position.change_of_count(ranks, lang)
        ],
        *_ranks_drawn(ranks, ranks_all, title=t("national.ranks_chart", lang), lang=lang, page=page),
    ]


def _table_section(
    choice: tuple[str, int] | None, choices: list[tuple[str, int]], names: Mapping[str, str], lang: str
) -> list:
    """The chosen national table: its choice, note, rank line, grid and downloads."""
    rows, note = table_rows(choice, lang)
    return [
        html.H2(t("national.table_heading", lang), className="h4 mt-4"),
        html.Div(
            [
                html.Label(t("national.table_choice", lang), htmlFor=TABLE, className="form-label"),
                dcc.Dropdown(
                    id=TABLE,
                    options=[
                        {"value": f"{c}-{y}", "label": f"{names[c]} – {y}"} for c, y in reversed(choices)
                    ],
                    value=f"{choice[0]}-{choice[1]}" if choice else None,
                    clearable=False,
                ),
            ],
            className="controls",
        ),
        html.Div(note, id=TABLE_NOTE),
        html.Div(table_chart(choice, lang), id=TABLE_CHART),
        dag.AgGrid(
            id=GRID,
            rowData=rows,
            columnDefs=columns(lang),
            defaultColDef={"sortable": True, "resizable": True, "filter": True},
            getRowId="params.data.id",
            rowClassRules={
                "fw-bold table-warning": f"['{PROVINCE_CODE}', '{KON_TUM_CODE}'].includes(params.data.code)"
            },
            dashGridOptions={
                "localeText": grid.LOCALE_VI if lang == "vi" else {},
                "pagination": True,
                "paginationPageSize": 20,
                "domLayout": "autoHeight",
                "enableCellTextSelection": True,
                "ensureDomOrder": True,
            },
            className="ag-theme-alpine",
            style={"width": "100%"},
        ),
        html.Div(_downloads(choice, lang), id=DOWNLOADS),
    ]


def _kontum_section(kontum: pd.DataFrame, kontum_all: pd.DataFrame, *, lang: str, page: str) -> list:
    """Kon Tum's national ranks before it merged into Quảng Ngãi."""
    content: list = [
        html.H2(t("national.kontum_heading", lang), className="h4 mt-4"),
        html.P(t("national.kontum_lead", lang)),
    ]
    if kontum.empty:
        return content
    return [
        *content,
        *_ranks_drawn(kontum, kontum_all, title=t("national.kontum_chart", lang), lang=lang, page=page),
    ]


def _ranks_drawn(best: pd.DataFrame, every: pd.DataFrame, *, title: str, lang: str, page: str) -> list:
    """A rank chart of the best row of each year and index, cited by the rows it draws, and every row held
    in the table under it."""
    return [
        chart_tools.figure_card(
            _rank_figure(best, lang=lang, title=title), page_path=page, lang=lang, drawn=best
        ),
        _rank_table(every, lang),
    ]


def _downloads(choice: tuple[str, int] | None, lang: str) -> html.Div | None:
    """The download dialog of the national table shown: the table on screen (the grid's rows and columns)
    and every province's figures of that index and year."""
    if not choice:
        return None
    code, year = choice
    query = screen.national_query(choice, lang=lang)
    offer = components.screen_offer(screen.NATIONAL, query, national_table.file_stem(choice))
    return components.download_links(
        "observations",
        {"indicator": code, "year": year},
        lang=lang,
        screen=offer,
        title=screen.national_title(choice, lang),
        page_path=urls.page("national", lang=lang, table=f"{code}-{year}"),
    )


@callback(
    Output(GRID, "rowData"),
    Output(TABLE_NOTE, "children"),
    Output(TABLE_CHART, "children"),
    Output(DOWNLOADS, "children"),
    Input(TABLE, "value"),
    State(LANG, "data"),
    prevent_initial_call=True,
)
@guarded(rule.optional(rule.table_choice), rule.lang)
def update_table(value, lang):
    """Show the chosen national table and its chart."""
    lang = normalize_language(lang)
    choice = parse_table(value, table_choices())
    return *table_rows(choice, lang), table_chart(choice, lang), _downloads(choice, lang)


clientside_callback(
    """function(table, lang) { return window.qnUrl.sync({table: table}, lang); }""",
    Output(URL_SINK, "children"),
    Input(TABLE, "value"),
    State(LANG, "data"),
)
