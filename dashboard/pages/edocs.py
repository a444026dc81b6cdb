"""E-documents (/van-ban-dien-tu): published province-wide rates by government level, worded as published,
then the illustrative figures by unit (numerators and denominators) in a separate, bannered section.

Query: group=district|department, index=EDOC_ONLINE_SHARE_ILLUSTRATIVE|EDOC_SIGNED_SHARE_ILLUSTRATIVE,
year (of the unit section). Real and illustrative figures never share a chart, a series or a code.
"""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard import components, urls
from dashboard.api import screen
from dashboard.assemble import comparison, edocs, page_meta, ranking
from dashboard.components import chart_tools, view_controls
from dashboard.components import citations as cite
from dashboard.domain import is_target
from dashboard.figures import charts
from dashboard.figures import compare as figures
from dashboard.figures.text import plotly_text
from dashboard.i18n import normalize_language, t
from dashboard.views.comparison import source_line
from dashboard.views.edocs import UNIT_GROUPS, UNIT_SHARES, share_trend
from dashboard.web import validation as rule
from dashboard.web.validation import guarded

dash.register_page(
    __name__,
    path="/van-ban-dien-tu",
    title="Văn bản điện tử – Minh bạch CNTT Quảng Ngãi",
    order=3,
    description="Tỷ lệ văn bản điện tử, ký số theo cấp chính quyền ở tỉnh Quảng Ngãi, đúng như nguồn công bố",
)

GROUP = "edocs-group"
INDEX = "edocs-index"
YEAR = "edocs-year"
UNIT_SECTION = "edocs-unit-section"
LANG = "edocs-lang"
URL_SINK = "edocs-url-sink"


def _province_section(lang: str) -> list:
    rows = edocs.province_rows(lang)
    heading = html.H2(t("edocs.province_heading", lang), className="h4")
    if rows.empty:
        return [heading, components.empty_state(t("edocs.no_province", lang))]
    shares = rows[rows["measure"] == "percent"]
    bars = shares.assign(label=[f"{r.indicator} – {r.level} ({r.period_text})" for r in shares.itertuples()])
    planned = bars["indicator_code"].map(is_target).astype(bool)
    figure = figures.labelled_bars(
        bars[~planned],
        lang=lang,
        title=t("edocs.province_chart", lang),
        source_line=source_line(rows, lang),
        x_title="%",
        targets=bars[planned],
        names=(t("edocs.results_legend", lang), t("edocs.target_legend", lang)),
    )
    return [
        heading,
        html.P(t("edocs.province_note", lang), className="text-muted small"),
        chart_tools.figure_card(figure, page_path=urls.page("edocs", lang=lang), lang=lang, drawn=shares),
        cite.figures_table(rows.to_dict("records"), lang=lang),
        components.source_list(comparison.sources_of(rows), lang=lang),
    ]


def unit_section(group: str, index: str, year: int | None, lang: str) -> list:
    """The illustrative section: banner, overall share over the years, bars by unit and the counts."""
    frame = edocs.unit_frame(group) if year is not None else pd.DataFrame()
    if frame.empty or year is None:
        return [components.empty_state(t("empty.no_data", lang))]
    names = ranking.indicator_names_in(lang)
    trend = share_trend(frame, index, t(f"group.{group}", lang))
    source = source_line(frame, lang)
    trend_figure = charts.year_lines(
        trend,
        lang=lang,
        title=t(
            "edocs.trend_chart", lang, indicator=plotly_text(names[index]), group=t(f"group.{group}", lang)
        ),
        source_line=source,
        y_title=t("edocs.measure_share", lang),
    )
    rows = edocs.unit_rows(frame, index, year, lang)  # the table on screen reads the same rows
    bars = figures.labelled_bars(
        pd.DataFrame(rows),
        lang=lang,
        title=t("edocs.unit_chart", lang, indicator=plotly_text(names[index]), year=year),
        source_line=source,
        x_title=t("edocs.measure_share", lang),
    )
    columns = edocs.unit_columns(index, lang)
    shown = {"value": "text", "numerator": "numerator_text", "denominator": "denominator_text"}
    body = [
        html.Tr([html.Th(r["label"], scope="row")] + [html.Td(r[shown[c.key]]) for c in columns[1:]])
        for r in rows
    ]
    header = [c.label for c in columns]
    page = urls.page("edocs", lang=lang, index=index, year=year, group=group)
    return [
        components.illustrative_banner(lang),
        html.Div(
            [
                chart_tools.figure_card(chart, page_path=page, lang=lang, drawn=frame)
                for chart in (trend_figure, bars)
            ],
            className="chart-grid",
        ),
        html.P(t("edocs.trend_note", lang), className="text-muted small"),
        html.Div(
            html.Table(
                [html.Thead(html.Tr([html.Th(h, scope="col") for h in header])), html.Tbody(body)],
                className="table table-sm data-table edocs-unit-table",
            ),
            className="table-responsive",
        ),
        components.download_links(
            "observations",
            {"indicator": index, "year": year, "group": group},
            lang=lang,
            screen=components.screen_offer(
                screen.EDOCS,
                screen.edocs_query(group, index, year, lang),
                edocs.file_stem(group, index, year),
            ),
            title=edocs.title(group, index, year, lang),
            page_path=page,
            illustrative=True,
        ),
        components.source_list(comparison.sources_of(frame), lang=lang),
    ]


def layout(lang: str | None = None, **query: str) -> html.Div:
    """Render the e-documents page; the unit section follows the query string."""
    lang = normalize_language(lang)
    group, index, year = edocs.resolve(query)
    names = ranking.indicator_names_in(lang)
    controls = html.Div(
        [
            components.control(
                t("control.group", lang),
                components.radio(
                    GROUP, [{"value": g, "label": t(f"group.{g}", lang)} for g in UNIT_GROUPS], group
                ),
            ),
            components.control(
                t("control.index", lang),
                dcc.Dropdown(
                    id=INDEX,
                    options=[{"value": c, "label": names[c]} for c in UNIT_SHARES],
                    value=index,
                    clearable=False,
                ),
            ),
            components.control(
                t("control.year", lang),
                view_controls.year_dropdown(YEAR, edocs.unit_years(), year),
            ),
        ],
        className="controls",
    )
    content = [
        dcc.Store(id=LANG, data=lang),
        html.Div(id=URL_SINK, hidden=True),
        html.H1(t("edocs.heading", lang)),
        html.P(t("edocs.lead", lang), className="summary"),
        html.Section(_province_section(lang), className="mb-4"),
        html.Section(
            [
                html.H2(t("edocs.unit_heading", lang), className="h4"),
                controls,
                html.Div(unit_section(group, index, year, lang), id=UNIT_SECTION),  # not live: too long
            ]
        ),
    ]
    return components.page_frame(
        content,
        lang=lang,
        active="edocs",
        path="/van-ban-dien-tu",
        query={"group": group, "index": index, "year": year},
        updated=page_meta.last_updated(),
    )


@callback(
    Output(UNIT_SECTION, "children"),
    Input(GROUP, "value"),
    Input(INDEX, "value"),
    Input(YEAR, "value"),
    State(LANG, "data"),
    prevent_initial_call=True,
)
@guarded(rule.optional(rule.group), rule.optional(rule.indicator), rule.optional(rule.year), rule.lang)
def update_units(group, index, year, lang):
    """Redraw the illustrative section for the chosen group, share and year."""
    lang = normalize_language(lang)
    group, index, year = edocs.resolve({"group": group or "", "index": index or "", "year": str(year or "")})
    return unit_section(group, index, year, lang)


clientside_callback(
    """function(group, index, year, lang) {
        return window.qnUrl.sync({group: group, index: index, year: year}, lang);
    }""",
    Output(URL_SINK, "children"),
    Input(GROUP, "value"),
    Input(INDEX, "value"),
    Input(YEAR, "value"),
    State(LANG, "data"),
)
