"""Overview: year (with play), index and group; the district map, headline figures, summary and ranking."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html, no_update

from dashboard import components, urls
from dashboard.assemble import page_meta, ranking, search
from dashboard.components import embed as embeds
from dashboard.components import grid, map_panel, view_controls
from dashboard.figures import map_patch
from dashboard.i18n import format_number, normalize_language, t
from dashboard.views import analysis, published
from dashboard.views import ranking as ranking_view
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
COLOUR = "overview-colour"  # the map coloured by score or by the method's classes (?colour=class)
COLOUR_CONTROL = "overview-colour-control"
COLOURINGS = ("score", "class")
MAP_PANEL = map_panel.ids("overview")
MAP = MAP_PANEL.graph
MAP_STATE = MAP_PANEL.state
TABLE = "overview-table"
KPIS = "overview-kpis"
SUMMARY = "overview-summary"
BANNER = "overview-banner"
DOWNLOADS = "overview-downloads"
SOURCES = "overview-sources"
LANG = "overview-lang"
URL_SINK = "overview-url-sink"
NAV = "overview-nav"
MAP_NOTE = MAP_PANEL.note
NOTICE = "overview-notice"
SEARCH = "overview-search"
SEARCH_RESULTS = "overview-search-results"


def _kpis(data: ranking_view.ViewData, lang: str) -> list[html.Div]:
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


def _colour_options(lang: str) -> list[dict[str, str]]:
    return [{"label": t(f"map.colour_{mode}", lang), "value": mode} for mode in COLOURINGS]


def _map_figure(
    data: ranking_view.ViewData, lang: str, *, previous: dict | None = None, colour: str = "score"
):
    """The map (or a Patch of its values when the layer, language and colouring are unchanged) and its
    state; by class only where the view's method defines classes."""
    values, view = map_panel.map_values(data.table), data.view
    # Generated figures say so in the map's own title too, so a saved PNG says it.
    title = published.generated_label(lang) if data.illustrative else None
    return map_panel.render(
        values,
        year=view.year,
        group=view.group,
        lang=lang,
        indicator=view.indicator,
        previous_state=previous,
        title=title,
        mode=colour if data.has_classes else "score",
    )


def layout(lang: str | None = None, **query: str) -> html.Div:
    """Render the overview for the view in the query string."""
    lang = normalize_language(lang)
    years, groups = ranking.years_and_groups()
    view = ranking.resolve(query)
    data = ranking.load(view, lang)
    colour = query.get("colour") if query.get("colour") in COLOURINGS else "score"
    figure, map_state = _map_figure(data, lang, colour=colour)
    content = [
        dcc.Store(id=LANG, data=lang),
        dcc.Location(id=NAV, refresh="callback-nav"),
        html.Div(id=URL_SINK, hidden=True),
        html.H1(t("overview.heading", lang)),
        html.Div(view_controls.view_notices(view, lang), id=NOTICE),
        *view_controls.summary_and_banner(data, lang=lang, summary_id=SUMMARY, banner_id=BANNER, lead=True),
        view_controls.reform_note(lang),
        view_controls.search_box(SEARCH, SEARCH_RESULTS, lang),
        _controls(view, years, groups, lang, colour=colour, has_classes=data.has_classes),
        html.Div(_kpis(data, lang), id=KPIS, className="kpis"),
        _map_and_table(view, data, figure, map_state, lang),
        html.Div(view_controls.view_downloads(data, lang=lang, subs=False), id=DOWNLOADS),
        html.Div(view_controls.sources(data, lang=lang), id=SOURCES),
    ]
    return components.page_frame(
        content,
        lang=lang,
        active="overview",
        path="/",
        query=view.query(lang=lang),
        updated=page_meta.last_updated(),
    )


def _controls(
    view: analysis.View,
    years: list[int],
    groups: dict[int, list[str]],
    lang: str,
    *,
    colour: str,
    has_classes: bool,
) -> html.Div:
    """Year (with play), index and group: the view the page shows; the map's colouring, offered only where
    the view's method defines classes."""
    group_options = ranking_view.group_options(groups.get(view.year, []), lang)
    return html.Div(
        [
            html.Div(
                [
                    html.Label(t("control.year", lang), htmlFor=YEAR, className="form-label"),
                    view_controls.year_dropdown(YEAR, years, view.year),
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
            components.control(t("control.group", lang), components.radio(GROUP, group_options, view.group)),
            html.Div(
                components.control(
                    t("map.colour", lang), components.radio(COLOUR, _colour_options(lang), colour)
                ),
                id=COLOUR_CONTROL,
                hidden=not has_classes,  # a method without classes has only the score map
            ),
        ],
        className="controls",
    )


def _map_and_table(
    view: analysis.View, data: ranking_view.ViewData, figure: Any, map_state: dict | None, lang: str
) -> html.Div:
    """The map card beside the ranking table."""
    return html.Div(
        [
            map_panel.card(
                "overview",
                figure=figure,
                state=map_state,
                year=view.year,
                group=view.group,
                lang=lang,
                describedby=SUMMARY,
                texts=map_panel.export_texts(data, lang),
                page_path=urls.page("overview", **view.query(lang=lang)),
                embed_path=embeds.embed_path("map", **view.query(lang=lang)),
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
    )


def _table(view: analysis.View, data: ranking_view.ViewData, lang: str) -> html.Div:
    return grid.ranking_table(data, lang=lang, full_url=urls.page("rankings", **view.query(lang=lang)))


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
    Output(GROUP, "options"),
    Output(GROUP, "value"),
    Output(NOTICE, "children"),
    Output(COLOUR_CONTROL, "hidden"),
    Input(YEAR, "value"),
    Input(INDEX, "value"),
    Input(GROUP, "value"),
    Input(COLOUR, "value"),
    State(LANG, "data"),
    State(MAP_STATE, "data"),
    prevent_initial_call=True,
)
@guarded(
    rule.year,
    rule.optional(rule.indicator),
    rule.group,
    rule.optional(lambda value: value in COLOURINGS),
    rule.lang,
    rule.mapping,
)
def update_view(year, index, group, colour, lang, map_state):
    """Redraw the view; when the layer, language and colouring are unchanged only the map's values
    travel."""
    lang = normalize_language(lang)
    view = ranking.resolve({"year": str(year), "index": index or "", "group": group or ""})
    # Not memoized here: the response memo (web/rendered.py) keeps the finished answer, and a view never
    # seen before is a slice of what assemble/all_rankings.py computed once.
    data = ranking.load(view, lang)
    figure, new_state = _map_figure(data, lang, previous=map_state, colour=colour or "score")
    return (
        figure,
        new_state,
        _table(view, data, lang),
        _kpis(data, lang),
        ranking_view.summary_sentence(data, lang=lang, index_name=ranking.index_name(view, lang)),
        components.illustrative_banner(lang) if data.illustrative else None,
        ranking.index_options(view, lang),
        view.indicator,
        view_controls.view_downloads(data, lang=lang, subs=False),
        view_controls.sources(data, lang=lang),
        map_panel.note(year=view.year, group=view.group, lang=lang, **map_panel.export_texts(data, lang)),
        *view_controls.group_update(view, lang),
        not data.has_classes,
    )


@callback(Output(NAV, "href"), Input(MAP, "clickData"), State(LANG, "data"), prevent_initial_call=True)
@guarded(rule.mapping, rule.lang)
def open_profile(click_data, lang):
    """Clicking a district opens its profile."""
    code = map_patch.clicked_code(click_data)
    return urls.unit_profile(code, lang=normalize_language(lang)) if code else no_update


@callback(
    Output(SEARCH_RESULTS, "children"), Input(SEARCH, "value"), State(LANG, "data"), prevent_initial_call=True
)
@guarded(rule.optional(lambda value: isinstance(value, str) and len(value) <= 200), rule.lang)
def find_units(text, lang):
    """Units (and former communes) matching what was typed, as links to what they are now."""
    lang = normalize_language(lang)
    text = (text or "")[:80]
    return view_controls.search_results(text, search.find(text.strip(), lang), lang)


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
    """function(ticks, year, options) {
        const years = (options || []).map(o => o.value).sort((a, b) => a - b);
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
    State(YEAR, "options"),
    prevent_initial_call=True,
)

# The URL follows the controls without a round trip through the Pages router (which would re-render).
clientside_callback(
    """function(year, index, group, colour, lang, options) {
        const total = window.qnUrl.totalOf(options);
        const params = {year: year, index: index === total ? null : index, group: group};
        params.colour = colour === "class" ? colour : null;
        return window.qnUrl.sync(params, lang);
    }""",
    Output(URL_SINK, "children"),
    Input(YEAR, "value"),
    Input(INDEX, "value"),
    Input(GROUP, "value"),
    Input(COLOUR, "value"),
    State(LANG, "data"),
    State(INDEX, "options"),
)

# The card's search callbacks, registered after the page's own: its highlight also writes the map's figure,
# and whoever looks a callback up by output (tests, benchmarks) should find update_view first.
map_panel.register("overview")
