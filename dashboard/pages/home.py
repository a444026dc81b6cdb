"""Overview: year (with play), index and group; the district map, headline figures, summary and ranking."""

from __future__ import annotations

import json

import dash
from dash import Input, Output, Patch, State, callback, clientside_callback, dcc, html, no_update

from dashboard import components, queries, urls
from dashboard.components import grid, view_controls
from dashboard.figures import map as map_figure
from dashboard.i18n import format_number, normalize_language, t
from dashboard.views import analysis, ranking
from dashboard.web import validation as rule
from dashboard.web.validation import guarded

dash.register_page(
    __name__,
    path="/",
    title="Tổng quan – Minh bạch CNTT Quảng Ngãi",
    order=0,
    description="Bản đồ, xếp hạng và điểm đánh giá ứng dụng CNTT của các cơ quan, đơn vị tỉnh Quảng Ngãi",
)

YEAR = "overview-year"
PLAY = "overview-play"
TICKER = "overview-ticker"
INDEX = "overview-index"
GROUP = "overview-group"
MAP = "overview-map"
MAP_STATE = "overview-map-state"
TABLE = "overview-table"
KPIS = "overview-kpis"
SUMMARY = "overview-summary"
BANNER = "overview-banner"
DOWNLOADS = "overview-downloads"
SOURCES = "overview-sources"
LANG = "overview-lang"
URL_SINK = "overview-url-sink"
NAV = "overview-nav"
MAP_NOTE = "overview-map-note"


def _kpis(data: ranking.ViewData, lang: str) -> list[html.Div]:
    h = data.headline
    if h.count == 0:
        return [components.empty_state(t("empty.no_data", lang))]
    improved = (
        components.kpi_card(
            t("kpi.improved", lang),
            f"{h.improved}/{h.count}",
            t("kpi.improved_note", lang, previous=data.view.year - 1),
        )
        if h.improved is not None
        else components.kpi_card(t("kpi.improved", lang), "–", t("kpi.not_comparable", lang))
    )
    return [
        components.kpi_card(t("kpi.average", lang), format_number(h.average, lang)),
        components.kpi_card(t("kpi.best", lang), format_number(h.best[1], lang), h.best[0]),
        components.kpi_card(t("kpi.worst", lang), format_number(h.worst[1], lang), h.worst[0]),
        improved,
    ]


def _map_values(data: ranking.ViewData):
    table = data.table
    if table.empty:
        return table.assign(code=[], name=[], class_code=[])
    return table.rename(columns={"unit_code": "code", "unit_name": "name", "class_label": "class_code"})[
        ["code", "name", "value", "class_code"]
    ]


def _map_figure(data: ranking.ViewData, lang: str, *, previous_state: dict | None = None):
    """The map (or a Patch of its values when the layer, language and range are unchanged) and its state."""
    if data.view.group != "district" and data.view.group != "commune":
        return map_figure.unavailable_figure(t("map.departments_note", lang)), None
    layer = queries.map_layer(data.view.year)
    if not layer.available:
        return map_figure.unavailable_figure(t("map.no_commune_polygons", lang)), None
    indicator = queries.indicators().set_index("code").loc[data.view.indicator]
    value_range = (0.0, float(indicator["max_value"] or 100))
    state = {"url": layer.url, "lang": lang, "range": list(value_range)}
    if previous_state == state:
        patch = map_figure.values_patch(
            Patch(),
            _map_values(data),
            feature_codes=layer.feature_codes,
            lang=lang,
            mode="score",
            anchors=layer.anchors,
            value_range=value_range,
        )
        return patch, state
    figure = map_figure.choropleth_on(
        _map_values(data), layer, lang=lang, mode="score", value_range=value_range
    )
    return figure, state


def _map_note(data: ranking.ViewData, lang: str) -> list:
    if data.view.group not in ("district", "commune"):
        return []
    layer = queries.map_layer(data.view.year)
    notes = [t("map.click_hint", lang)]
    if layer.schematic:
        notes.insert(0, t("map.schematic_note", lang) + ".")
    elif layer.available and layer.attribution:
        notes.append(layer.attribution)
    return [html.P(" ".join(notes), className="map-note")]


@queries.per_data_version(maxsize=512)
def layout(lang: str | None = None, **query: str) -> html.Div:
    """Render the overview for the view in the query string."""
    lang = normalize_language(lang)
    years, groups = ranking.years_and_groups()
    view = ranking.resolve(query)
    data = ranking.load(view, lang)
    figure, map_state = _map_figure(data, lang)
    marks = {y: {"label": str(y)} for y in years}
    group_options = ranking.group_options(groups.get(view.year, []), lang)
    content = [
        dcc.Store(id=LANG, data=lang),
        dcc.Store(id=MAP_STATE, data=map_state),
        dcc.Location(id=NAV, refresh="callback-nav"),
        html.Div(id=URL_SINK, hidden=True),
        html.H1(t("overview.heading", lang)),
        *view_controls.summary_and_banner(data, lang=lang, summary_id=SUMMARY, banner_id=BANNER, lead=True),
        html.Div(
            [
                html.Div(
                    [
                        html.Label(t("control.year", lang), htmlFor=YEAR, className="form-label"),
                        dcc.Slider(
                            id=YEAR,
                            min=min(years, default=0),
                            max=max(years, default=0),
                            step=1,
                            marks=marks,
                            value=view.year,
                            included=False,
                        ),
                        html.Button(
                            t("control.play", lang),
                            id=PLAY,
                            n_clicks=0,
                            className="btn btn-sm btn-outline-primary",
                            **{"data-play": t("control.play", lang)},  # its label again when play stops
                        ),
                        dcc.Interval(id=TICKER, interval=1600, disabled=True),
                    ],
                    className="control control-year",
                ),
                view_controls.index_control(INDEX, view, lang),
                components.control(
                    t("control.group", lang), components.radio(GROUP, group_options, view.group)
                ),
            ],
            className="controls",
        ),
        html.Div(_kpis(data, lang), id=KPIS, className="kpis"),
        html.Div(
            [
                html.Section(
                    [
                        html.H2(t("map.heading", lang), className="h4"),
                        dcc.Graph(
                            id=MAP,
                            figure=figure,
                            config=map_figure.GRAPH_CONFIG,
                            className="map-graph",
                            responsive=True,
                            # A responsive graph fills its box: without a height that box is the grid row,
                            # and the hint below would be pushed out of the card.
                            style={"height": f"{map_figure.MAP_HEIGHT}px"},
                        ),
                        html.Div(_map_note(data, lang), id=MAP_NOTE),
                    ],
                    className="map-column",
                    **{"aria-describedby": SUMMARY},
                ),
                html.Section(
                    [
                        html.H2(t("table.heading", lang), className="h4"),
                        html.Div(_table(view, data, lang), id=TABLE),
                    ],
                    className="table-column",
                ),
            ],
            className="map-and-table",
        ),
        html.Div(components.download_links("observations", _download_params(view), lang=lang), id=DOWNLOADS),
        html.Div(components.source_list(data.sources, lang=lang), id=SOURCES),
    ]
    return components.page_frame(
        content,
        lang=lang,
        active="overview",
        path="/",
        query=view.query(lang=lang),
        updated=queries.last_updated(),
    )


def _table(view: analysis.View, data: ranking.ViewData, lang: str) -> html.Div:
    return grid.ranking_table(data, lang=lang, full_url=urls.page("rankings", **view.query(lang=lang)))


def _download_params(view: analysis.View) -> dict[str, object]:
    return {"year": view.year, "index": view.total, "sub": 1, "group": view.group}


@callback(
    Output(MAP, "figure"),
    Output(MAP_STATE, "data"),
    Output(TABLE, "children"),
    Output(KPIS, "children"),
    Output(SUMMARY, "children"),
    Output(BANNER, "children"),
    Output(INDEX, "options"),
    Output(INDEX, "value"),
    Output(DOWNLOADS, "children"),
    Output(SOURCES, "children"),
    Output(MAP_NOTE, "children"),
    Input(YEAR, "value"),
    Input(INDEX, "value"),
    Input(GROUP, "value"),
    State(LANG, "data"),
    State(MAP_STATE, "data"),
    prevent_initial_call=True,
)
@guarded(rule.year, rule.optional(rule.indicator), rule.group, rule.lang, rule.mapping)
def update_view(year, index, group, lang, map_state):
    """Redraw the view; when the layer and language are unchanged only the map's values travel."""
    lang = normalize_language(lang)
    view = ranking.resolve({"year": str(year), "index": index or "", "group": group or ""})
    return _render_update(view, lang, json.dumps(map_state, sort_keys=True, default=str))


# The whole answer depends only on the data, the view, the language and the map state.
@queries.per_data_version(maxsize=256)
def _render_update(view: analysis.View, lang: str, map_state_json: str) -> tuple:
    data = ranking.load(view, lang)
    figure, new_state = _map_figure(data, lang, previous_state=json.loads(map_state_json))
    return (
        figure,
        new_state,
        _table(view, data, lang),
        _kpis(data, lang),
        ranking.summary_sentence(data, lang=lang, index_name=ranking.index_name(view, lang)),
        components.illustrative_banner(lang) if data.illustrative else None,
        ranking.index_options(view, lang),
        view.indicator,
        components.download_links("observations", _download_params(view), lang=lang),
        components.source_list(data.sources, lang=lang),
        _map_note(data, lang),
    )


@callback(Output(NAV, "href"), Input(MAP, "clickData"), State(LANG, "data"), prevent_initial_call=True)
@guarded(rule.mapping, rule.lang)
def open_profile(click_data, lang):
    """Clicking a district opens its profile."""
    code = map_figure.clicked_code(click_data)
    return urls.unit_profile(code, lang=normalize_language(lang)) if code else no_update


@callback(
    Output(TICKER, "disabled"),
    Output(PLAY, "children"),
    Input(PLAY, "n_clicks"),
    State(TICKER, "disabled"),
    State(LANG, "data"),
    prevent_initial_call=True,
)
@guarded(rule.count, rule.flag, rule.lang)
def toggle_play(_clicks, disabled, lang):
    """Start or stop playing through the years."""
    playing = bool(disabled)
    return not playing, t("control.pause" if playing else "control.play", normalize_language(lang))


# Play runs once through the years and stops at the last (from the first when started at the last).
clientside_callback(
    """function(ticks, year, marks) {
        const years = Object.keys(marks || {}).map(Number).sort((a, b) => a - b);
        const next = years.find(y => y > year);
        const button = document.getElementById("overview-play");
        const stay = window.dash_clientside.no_update;
        if (next !== undefined || !button.dataset.playing) {
            button.dataset.playing = "1";
            return [next === undefined ? years[0] : next, false, stay];
        }
        delete button.dataset.playing;
        return [stay, true, button.dataset.play];
    }""",
    Output(YEAR, "value", allow_duplicate=True),
    Output(TICKER, "disabled", allow_duplicate=True),
    Output(PLAY, "children", allow_duplicate=True),
    Input(TICKER, "n_intervals"),
    State(YEAR, "value"),
    State(YEAR, "marks"),
    prevent_initial_call=True,
)

# The URL follows the controls without a round trip through the Pages router (which would re-render).
clientside_callback(
    """function(year, index, group, lang, options) {
        const total = window.qnUrl.totalOf(options);
        return window.qnUrl.sync({year: year, index: index === total ? null : index, group: group}, lang);
    }""",
    Output(URL_SINK, "children"),
    Input(YEAR, "value"),
    Input(INDEX, "value"),
    Input(GROUP, "value"),
    State(LANG, "data"),
    State(INDEX, "options"),
)
