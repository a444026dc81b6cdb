"""Rankings (/xep-hang): the full grid with sub-indices, class badges and rank changes in words."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard import components, urls
from dashboard.assemble import page_meta, ranking
from dashboard.components import grid, view_controls
from dashboard.domain import localized
from dashboard.i18n import normalize_language, t
from dashboard.views import analysis, published
from dashboard.views import ranking as ranking_view
from dashboard.web import validation as rule
from dashboard.web.validation import guarded

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
NOTICE = "rankings-notice"
LEGEND = "rankings-legend"


def _break_note(data: ranking_view.ViewData, lang: str) -> html.Div | None:
    """Say so when last year's ranks were made with another method."""
    if data.comparable or data.table.empty:
        return None
    method = ranking.methodology(data.view.methodology)
    if method["first_year"] != data.view.year:
        return None
    name = localized(method, "name", lang)
    return html.Div(
        t("rankings.break_note", lang, year=data.view.year, method=name), className="alert alert-info"
    )


def _legend(data: ranking_view.ViewData, lang: str) -> html.Div | None:
    return grid.rank_legend(published.ranks_shown(data.table, lang=lang), lang=lang)


def _downloads(data: ranking_view.ViewData, view: analysis.View, lang: str) -> html.Div:
    """The view's download dialog and the printable meeting pack of its group and year."""
    pack = urls.meeting_pack(group=view.group, year=view.year, lang=lang, pdf=True)
    return html.Div(
        [
            view_controls.view_downloads(data, lang=lang, subs=True),
            html.P(html.A(t("pack.link", lang), href=pack, className="meeting-pack-link")),
        ]
    )


def layout(lang: str | None = None, **query: str) -> html.Div:
    """Render the rankings for the view in the query string."""
    lang = normalize_language(lang)
    years, groups = ranking.years_and_groups()
    view = ranking.resolve(query)
    data = ranking.load(view, lang)
    group_options = ranking_view.group_options(groups.get(view.year, []), lang)
    content = [
        dcc.Store(id=LANG, data=lang),
        html.Div(id=URL_SINK, hidden=True),
        html.H1(t("rankings.heading", lang)),
        html.Div(view_controls.view_notices(view, lang), id=NOTICE),
        *view_controls.summary_and_banner(data, lang=lang, summary_id=SUMMARY, banner_id=BANNER),
        html.Div(
            [
                components.control(
                    t("control.year", lang),
                    view_controls.year_dropdown(YEAR, years, view.year),
                ),
                components.control(
                    t("control.group", lang), components.radio(GROUP, group_options, view.group)
                ),
                view_controls.index_control(INDEX, view, lang),
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
        grid.ranking_grid(GRID, data, lang=lang),
        html.Div(_legend(data, lang), id=LEGEND),
        html.Div(_downloads(data, view, lang), id=DOWNLOADS),
        html.Div(_sources(data, lang), id=SOURCES),
    ]
    return components.page_frame(
        content,
        lang=lang,
        active="rankings",
        path="/xep-hang",
        query=view.query(lang=lang),
        updated=page_meta.last_updated(),
    )


def _sources(data: ranking_view.ViewData, lang: str) -> list:
    """The sources of the view, and the corrections made to the year's published figures."""
    corrected = ranking.corrections(data.view.year)
    corrected = corrected[corrected["unit_code"].isin(set(data.table["unit_code"]))]
    return [
        components.corrections_note(corrected, lang=lang),
        view_controls.sources(data, lang=lang),
    ]


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
    Output(GROUP, "options"),
    Output(GROUP, "value"),
    Output(NOTICE, "children"),
    Output(LEGEND, "children"),
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
    view = ranking.resolve({"year": str(year), "group": group or "", "index": index or ""})
    # Not memoized here: the response memo (web/rendered.py) keeps the finished answer.
    data = ranking.load(view, lang)
    return (
        grid.row_data(data, lang=lang),
        grid.column_defs(data, lang=lang),
        ranking_view.summary_sentence(data, lang=lang, index_name=ranking.index_name(view, lang)),
        components.illustrative_banner(lang) if data.illustrative else None,
        _break_note(data, lang),
        ranking.index_options(view, lang),
        view.indicator,
        _downloads(data, view, lang),
        _sources(data, lang),
        *view_controls.group_update(view, lang),
        _legend(data, lang),
    )


# The grid searches each unit's name with and without diacritics, so the typed text is folded the same way
# (NFD, marks dropped, đ -> d): "son tay" and "Sơn Tây" both find Xã Sơn Tây.
clientside_callback(
    """function(text, options) {
        return Object.assign({}, options, {quickFilterText: window.qnFold(text || "")});
    }""",
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
