"""Rankings (/xep-hang): the full grid with sub-indices, class badges and rank changes in words."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard import analysis, components, queries
from dashboard import validation as rule
from dashboard.i18n import normalize_language, t
from dashboard.pages import _grid, _view
from dashboard.validation import guarded

dash.register_page(
    __name__,
    path="/xep-hang",
    title="Xếp hạng – Minh bạch CNTT Quảng Ngãi",
    order=1,
    description="Bảng xếp hạng ứng dụng CNTT, chuyển đổi số các sở, ngành và UBND cấp huyện",
)

YEAR = "rankings-year"
GROUP = "rankings-group"
INDEX = "rankings-index"
FILTER = "rankings-filter"
GRID = "rankings-grid"
BANNER = "rankings-banner"
BREAK = "rankings-break"
SUMMARY = "rankings-summary"
DOWNLOADS = "rankings-downloads"
SOURCES = "rankings-sources"
LANG = "rankings-lang"
URL_SINK = "rankings-url-sink"


def _break_note(data: _view.ViewData, lang: str) -> html.Div | None:
    """Say so when last year's ranks were made with another method."""
    if data.comparable or data.table.empty:
        return None
    method = queries.methodologies().set_index("code").loc[data.view.methodology]
    if method["first_year"] != data.view.year:
        return None
    name = method["name_vi"] if lang == "vi" else method["name_en"]
    return html.Div(
        t("rankings.break_note", lang, year=data.view.year, method=name), className="alert alert-info"
    )


def _downloads(view: analysis.View, lang: str) -> html.Div:
    return components.download_links(
        "observations", {"year": view.year, "index": view.total, "sub": 1, "group": view.group}, lang=lang
    )


@queries.per_data_version(maxsize=512)
def layout(lang: str | None = None, **query: str) -> html.Div:
    """Render the rankings for the view in the query string."""
    lang = normalize_language(lang)
    years, groups = _view.years_and_groups()
    view = _view.resolve(query)
    data = _view.load(view, lang)
    group_options = _view.group_options(groups.get(view.year, []), lang)
    content = [
        dcc.Store(id=LANG, data=lang),
        html.Div(id=URL_SINK, hidden=True),
        html.H1(t("rankings.heading", lang)),
        *_view.summary_and_banner(data, lang=lang, summary_id=SUMMARY, banner_id=BANNER),
        html.Div(
            [
                components.control(
                    t("control.year", lang),
                    dcc.Dropdown(
                        id=YEAR,
                        options=[{"value": y, "label": str(y)} for y in reversed(years)],
                        value=view.year,
                        clearable=False,
                    ),
                ),
                components.control(
                    t("control.group", lang), components.radio(GROUP, group_options, view.group)
                ),
                _view.index_control(INDEX, view, lang),
                html.Div(
                    [
                        html.Label(t("control.filter", lang), htmlFor=FILTER, className="form-label"),
                        dcc.Input(id=FILTER, type="search", className="form-control", debounce=False),
                    ],
                    className="control",
                ),
            ],
            className="controls",
        ),
        html.Div(_break_note(data, lang), id=BREAK),
        _grid.ranking_grid(GRID, data, lang=lang),
        html.Div(_downloads(view, lang), id=DOWNLOADS),
        html.Div(components.source_list(data.sources, lang=lang), id=SOURCES),
    ]
    return components.page_frame(
        content,
        lang=lang,
        active="rankings",
        path="/xep-hang",
        query=view.query(lang=lang),
        updated=queries.last_updated(),
    )


@callback(
    Output(GRID, "rowData"),
    Output(GRID, "columnDefs"),
    Output(SUMMARY, "children"),
    Output(BANNER, "children"),
    Output(BREAK, "children"),
    Output(INDEX, "options"),
    Output(INDEX, "value"),
    Output(DOWNLOADS, "children"),
    Output(SOURCES, "children"),
    Input(YEAR, "value"),
    Input(GROUP, "value"),
    Input(INDEX, "value"),
    State(LANG, "data"),
    prevent_initial_call=True,
)
@guarded(rule.year, rule.group, rule.optional(rule.indicator), rule.lang)
def update_rankings(year, group, index, lang):
    """Recompute the grid for the chosen year, group and index."""
    lang = normalize_language(lang)
    return _render_update(
        _view.resolve({"year": str(year), "group": group or "", "index": index or ""}), lang
    )


@queries.per_data_version(maxsize=256)
def _render_update(view, lang: str) -> tuple:
    data = _view.load(view, lang)
    return (
        _grid.row_data(data, lang=lang),
        _grid.column_defs(data, lang=lang),
        _view.summary_sentence(data, lang=lang, index_name=_view.index_name(view, lang)),
        components.illustrative_banner(lang) if data.illustrative else None,
        _break_note(data, lang),
        _view.index_options(view, lang),
        view.indicator,
        _downloads(view, lang),
        components.source_list(data.sources, lang=lang),
    )


clientside_callback(
    """function(text, options) { return Object.assign({}, options, {quickFilterText: text || ""}); }""",
    Output(GRID, "dashGridOptions", allow_duplicate=True),
    Input(FILTER, "value"),
    State(GRID, "dashGridOptions"),
    prevent_initial_call=True,
)

clientside_callback(
    """function(year, group, index, lang, options) {
        const total = window.qnUrl.totalOf(options);
        return window.qnUrl.sync({year: year, group: group, index: index === total ? null : index}, lang);
    }""",
    Output(URL_SINK, "children"),
    Input(YEAR, "value"),
    Input(GROUP, "value"),
    Input(INDEX, "value"),
    State(LANG, "data"),
    State(INDEX, "options"),
)
