"""Compare (/so-sanh): 2 to 6 units of one group over the years, by sub-index, as differences and on the map.

Query: units=522,525 (codes, in order: differences are against the first), group=district|department,
index=total|<sub-index code>. Everything is validated; a bad selection gets a message, never an error.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import dash
import pandas as pd
from dash import Input, Output, State, callback, clientside_callback, dcc, html
from flask import has_request_context, request

from dashboard import components, urls
from dashboard.api import screen
from dashboard.assemble import compare_table, compare_year, comparison, page_meta, ranking
from dashboard.components import chart_tools, compare_map
from dashboard.components import embed as embeds
from dashboard.domain import localized
from dashboard.figures import compare as figures
from dashboard.figures import swatch
from dashboard.i18n import normalize_language, t
from dashboard.views.comparison import (
    COMPARE_GROUPS,
    MAX_UNITS,
    MIN_UNITS,
    Selection,
    common_methodology,
    comparable,
    problem_texts,
    source_line,
)
from dashboard.web import validation as rule
from dashboard.web.validation import guarded

GROUP = "compare-group"
UNITS = "compare-units"
INDEX = "compare-index"
RESULTS = "compare-results"
LANG = "compare-lang"
URL_SINK = "compare-url-sink"


def _request_query() -> dict[str, str]:
    """The page's query string, on the page request or inside the Pages router callback."""
    if not has_request_context():
        return {}
    if request.method == "GET":
        return request.args.to_dict()
    body = request.get_json(silent=True) or {}
    for item in body.get("inputs", []) if isinstance(body, dict) else []:
        if isinstance(item, dict) and item.get("property") == "search":
            return {k: v[0] for k, v in parse_qs(str(item.get("value") or "").lstrip("?")).items()}
    return {}


def _title(**_path: str) -> str:
    selection = comparison.parse(_request_query())
    names = ", ".join(comparison.unit_names(selection.codes, "vi").values()) if selection.ready else ""
    return " – ".join(filter(None, [names, "So sánh", "Minh bạch CNTT Quảng Ngãi"]))


def _description(**_path: str) -> str:
    selection = comparison.parse(_request_query())
    if not selection.ready:
        return (
            "So sánh điểm ứng dụng CNTT, chuyển đổi số của 2 đến 6 UBND cấp huyện hoặc sở, ngành qua các năm."
        )
    names = ", ".join(comparison.unit_names(selection.codes, "vi").values())
    return f"So sánh {names} qua các năm: tổng điểm, chỉ số thành phần, chênh lệch và bản đồ."


dash.register_page(__name__, path="/so-sanh", title=_title, description=_description, order=2)


def _differences_table(frame: pd.DataFrame, selection: Selection, lang: str) -> html.Div:
    """Each unit's value per year and its difference from the first picked unit (its text alternative too)."""
    columns = compare_table.difference_columns(frame, selection, lang)
    header = [html.Th(c.label, scope="col") for c in columns]
    body = [
        html.Tr([html.Th(str(row["year"]), scope="row"), *(html.Td(row[c.key]) for c in columns[1:])])
        for row in compare_table.difference_rows(frame, selection, lang)  # the table on screen's rows
    ]
    first = comparison.unit_names(selection.codes, lang)[selection.codes[0]]
    return html.Div(
        [
            html.H2(t("compare.differences", lang, first=first), className="h4 mt-4"),
            html.P(t("compare.differences_note", lang, first=first), className="text-muted small"),
            html.Div(
                html.Table(
                    [html.Thead(html.Tr(header)), html.Tbody(body)],
                    className="table table-sm table-striped data-table",
                ),
                className="table-responsive",
            ),
        ]
    )


def _end_notes(frame: pd.DataFrame, lang: str) -> list:
    items = []
    for end in comparison.series_ends(frame, lang):
        if len(end.successors) > 3 or not end.successors:
            key = "compare.stops_many" if end.successors else "compare.stops_unknown"
        else:
            key = "compare.stops"
        text = t(
            key,
            lang,
            unit=end.name,
            year=end.last_year,
            date=end.event_date,
            successors=", ".join(end.successors),
            count=len(end.successors),
            legal=end.legal_basis,
        )
        items.append(html.Li(text + (f" {t('profile.indicative', lang)}" if end.indicative else "")))
    return [html.Ul(items, className="series-ends")] if items else []


def _small_multiples(frame: pd.DataFrame, selection: Selection, lang: str) -> list:
    """One small chart per sub-index in a grid of 3, 2 or 1 columns (assets/site.css: .panel-grid),
    under one legend, with one source line."""
    method = common_methodology(frame, selection.codes)
    panels = comparison.sub_panels(method, lang) if method else []
    if not panels:
        return []
    subs, panels = comparable(comparison.sub_frame(selection, panels, lang), panels, lang)
    if subs.empty:
        return []
    name = localized(ranking.methodology(method), "name", lang)
    styles = comparison.series_styles(selection, lang)
    source = source_line(subs, lang)
    charts = compare_year.sub_figures(subs, selection, panels, lang)
    # Small multiples share the page's legend and source line; a single chart has both inside it.
    single = len(charts) == 1
    legend = (
        None
        if single
        else html.Ul(
            [
                html.Li([html.Img(src=swatch.swatch_uri(styles.get(str(unit), index)), alt=""), unit])
                for index, unit in enumerate(dict.fromkeys(subs["series"]))
            ],
            className="panel-legend",
        )
    )
    return [
        html.H2(t("compare.subs_heading", lang), className="h4 mt-4"),
        html.P(t("compare.subs_note", lang, method=name), className="text-muted small"),
        legend,
        html.Div(
            [
                chart_tools.figure_card(
                    figure,
                    config=figures.graph_config(lang),
                    page_path=urls.page("compare", lang=lang, **selection.query()),
                    lang=lang,
                    drawn=drawn,  # cites the sources of its own sub-index only
                )
                for figure, drawn in charts
            ],
            className="panel-single" if single else "panel-grid",
        ),
        None if single else html.P(source, className="panel-source"),
    ]


def results(selection: Selection, lang: str) -> list:
    """Everything below the controls for a selection (or the message saying what is wrong)."""
    if selection.problems:
        return [
            html.Div(
                [
                    html.P(t("compare.problem.heading", lang)),
                    html.Ul([html.Li(p) for p in problem_texts(selection, lang)]),
                ],
                className="alert alert-warning",
                role="alert",
            ),
            components.empty_state(t("compare.prompt", lang, low=MIN_UNITS, high=MAX_UNITS)),
        ]
    if not selection.ready:
        return [components.empty_state(t("compare.prompt", lang, low=MIN_UNITS, high=MAX_UNITS))]
    frame = comparison.series(selection, lang)
    if frame.empty:
        return [components.empty_state(t("empty.no_data", lang))]
    embed = embeds.embed_path("compare", lang=lang, **selection.query())
    page = urls.page("compare", lang=lang, **selection.query())
    return [
        components.illustrative_banner(lang) if (frame["data_kind"] == "illustrative").any() else None,
        *[
            chart_tools.figure_card(
                figure,
                config=figures.graph_config(lang),
                page_path=page,
                lang=lang,
                embed_path=embed,
                drawn=drawn,  # cites the sources of its own scale's years only
            )
            for figure, drawn in compare_year.charts_over_years(frame, selection, lang)
        ],
        *_end_notes(frame, lang),
        embeds.embed_dialog(embed, lang=lang, title=t("compare.heading", lang), dialog_id="compare-embed"),
        _differences_table(frame, selection, lang),
        *_small_multiples(frame, selection, lang),
        *compare_map.map_section(frame, selection, lang),
        components.download_links(
            "observations",
            {"units": list(selection.codes), "sub": 1},
            lang=lang,
            screen=components.screen_offer(
                screen.COMPARE, screen.compare_query(selection, lang), compare_table.file_stem(selection)
            ),
            title=compare_table.title(selection, lang),
            page_path=urls.page("compare", lang=lang, **selection.query()),
            illustrative=bool((frame["data_kind"] == "illustrative").any()),
        ),
        components.source_list(comparison.sources_of(frame), lang=lang),
    ]


def layout(lang: str | None = None, **query: str) -> html.Div:
    """Render the comparison for the selection in the query string."""
    lang = normalize_language(lang)
    default = {} if query.get("units") or query.get("group") else comparison.default_query()
    selection = comparison.parse({**query, **default})
    group_options = [{"value": g, "label": t(f"group.{g}", lang)} for g in COMPARE_GROUPS]
    content = [
        dcc.Store(id=LANG, data=lang),
        html.Div(id=URL_SINK, hidden=True),
        html.H1(t("compare.heading", lang)),
        html.P(t("compare.lead", lang, low=MIN_UNITS, high=MAX_UNITS), className="summary"),
        html.Div(
            [
                components.control(
                    t("control.group", lang), components.radio(GROUP, group_options, selection.group)
                ),
                html.Div(
                    [
                        html.Label(t("compare.units", lang), htmlFor=UNITS, className="form-label"),
                        dcc.Dropdown(
                            id=UNITS,
                            options=comparison.unit_options(selection.group, lang),
                            value=list(selection.codes),
                            multi=True,
                            placeholder=t("compare.units_placeholder", lang),
                        ),
                    ],
                    className="control",
                    style={"flex": "3 1 24rem"},
                ),
                components.control(
                    t("control.index", lang),
                    dcc.Dropdown(
                        id=INDEX,
                        options=comparison.index_options(lang),
                        value=selection.index,
                        clearable=False,
                    ),
                ),
            ],
            className="controls",
        ),
        html.P(
            t(
                "compare.default_note",
                lang,
                group=t(f"group.{selection.group}.plural", lang),
                year=default["year"],
            )
            if default
            else None,
            className="text-muted small",
        ),
        html.Div(results(selection, lang), id=RESULTS),  # no live region: it would read out every chart
    ]
    return components.page_frame(
        content,
        lang=lang,
        active="compare",
        path="/so-sanh",
        query={k: v for k, v in query.items() if k in ("units", "group", "index")},
        updated=page_meta.last_updated(),
    )


@callback(
    Output(RESULTS, "children"),
    Output(UNITS, "options"),
    Output(UNITS, "value"),
    Input(GROUP, "value"),
    Input(UNITS, "value"),
    Input(INDEX, "value"),
    State(LANG, "data"),
    prevent_initial_call=True,
)
@guarded(rule.optional(rule.group), rule.optional(rule.codes), rule.optional(rule.index_choice), rule.lang)
def update_compare(group, codes, index, lang):
    """Redraw for the picked units; changing the group drops units of the other group."""
    lang = normalize_language(lang)
    options = comparison.unit_options(group or "district", lang)
    allowed = {o["value"] for o in options}
    codes = [c for c in (codes or []) if c in allowed]
    query = {"units": ",".join(codes), "group": group or "", "index": index or ""}
    return results(comparison.parse(query), lang), options, codes


clientside_callback(
    """function(group, units, index, lang) {
        const chosen = index === "total" ? null : index;
        return window.qnUrl.sync({units: units || [], group: group, index: chosen}, lang);
    }""",
    Output(URL_SINK, "children"),
    Input(GROUP, "value"),
    Input(UNITS, "value"),
    Input(INDEX, "value"),
    State(LANG, "data"),
)


@callback(
    Output(compare_map.MAP, "figure"),
    Output(compare_map.MAP_TOOLS, "children"),
    Input(compare_map.MAP_YEAR, "value"),
    State(UNITS, "value"),
    State(GROUP, "value"),
    State(INDEX, "value"),
    State(LANG, "data"),
    prevent_initial_call=True,
)
@guarded(
    rule.year,
    rule.optional(rule.codes),
    rule.optional(rule.group),
    rule.optional(rule.index_choice),
    rule.lang,
)
def update_map_year(year, codes, group, index, lang):
    """Redraw the map for the chosen year, on the colour scale of the whole group that year, and its tools
    (its title and the sources it cites are that year's)."""
    lang = normalize_language(lang)
    selection = comparison.parse({"units": ",".join(codes or []), "group": group or "", "index": index or ""})
    if not selection.ready:
        raise dash.exceptions.PreventUpdate
    drawn = compare_map.map_view(comparison.series(selection, lang), selection, int(year), lang)
    if drawn is None:
        raise dash.exceptions.PreventUpdate
    return drawn
