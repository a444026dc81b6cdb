"""Embeddable views without the site's chrome: /nhung/ban-do (overview map), /nhung/don-vi/<code> (a unit's
score chart) and /nhung/so-sanh (the compare lines). Each keeps a source line and a link back.

These paths (and only these) must be frameable by other sites.
"""

from __future__ import annotations

import dash
import pandas as pd
from dash import dcc, html

from dashboard import components, urls
from dashboard.assemble import compare_year, comparison, maps, ranking, unit_profile, unit_scores
from dashboard.components import embed as embeds
from dashboard.components import map_panel, unit_charts
from dashboard.domain import localized_column
from dashboard.figures import charts, wrap
from dashboard.figures import compare as figures
from dashboard.figures import map as map_figure
from dashboard.figures.text import plotly_text
from dashboard.i18n import normalize_language, t
from dashboard.views import analysis, published
from dashboard.views.comparison import problem_texts, source_line

SITE = "Minh bạch CNTT Quảng Ngãi"


def _frame(children: list, *, lang: str, back: str, source: str, heading: str = "") -> html.Div:
    return embeds.embed_frame(children, lang=lang, back_href=back, source_text=source, heading=heading)


def map_layout(lang: str | None = None, **query: str) -> html.Div:
    """The overview map alone for ?year=&index=&group= (districts, or communes from 2025)."""
    lang = normalize_language(lang)
    # A group without a map (departments) is not asked for: the year's default group is drawn instead.
    group = query.get("group") if query.get("group") in map_panel.MAPPED_GROUPS else ""
    view = ranking.resolve({**query, "group": group})
    back = urls.with_query("/", **view.query(lang=lang))
    if not view.valid or not view.indicator:
        return _frame([components.empty_state(t("embed.unknown", lang))], lang=lang, back=back, source="")
    data = ranking.load(view, lang)
    values = map_panel.map_values(data.table)
    source = source_line(ranking.observations_of(view), lang)
    title = t("embed.map_title", lang, index=plotly_text(ranking.index_name(view, lang)), year=view.year)
    if data.illustrative:  # the map's own title (and so its PNG and the embed's heading) says so too
        title = published.generated_title(title, lang)
    figure, _ = map_panel.render(
        values,
        year=view.year,
        group=view.group,
        lang=lang,
        indicator=view.indicator,
        # Two lines fit a phone (plotly does not wrap; the map leaves room for two). The source line,
        # "MINH HỌA: ..." for generated figures, is right under the map, and the banner above it.
        title=wrap(title, width=charts.TITLE_WIDTH),
        height=440,
    )
    children = [
        components.illustrative_banner(lang) if data.illustrative else None,
        dcc.Graph(figure=figure, config=figures.graph_config(lang, **map_figure.GRAPH_CONFIG)),
    ]
    withheld = map_panel.withheld_note(maps.layer(view.year), lang)
    if withheld:  # the schematic stands where imported boundaries could not be sent: say why
        children.append(html.P(withheld, className="map-note"))
    return _frame(children, lang=lang, back=back, source=source, heading=title)


def unit_layout(code: str | None = None, lang: str | None = None, **_query: str) -> html.Div:
    """A unit's score charts as on its profile: every year, one chart per scale (2025 out of 1,000)."""
    lang = normalize_language(lang)
    units = unit_profile.units()
    if not code or code not in units.index:
        back = urls.page("overview", lang=lang)
        return _frame([components.empty_state(t("embed.unknown", lang))], lang=lang, back=back, source="")
    name = units.loc[code, localized_column("name", lang)]
    back = urls.unit_profile(code, lang=lang)
    heading = f"{t('profile.scores', lang)} – {name}"
    history = unit_scores.history(code)
    if history.empty:
        empty = [components.empty_state(t("profile.no_scores", lang))]
        return _frame(empty, lang=lang, back=back, source="", heading=heading)
    source = source_line(history, lang)
    breaks = analysis.method_breaks(history, t("profile.series_break", lang))
    children = [
        components.illustrative_banner(lang) if (history["data_kind"] == "illustrative").any() else None,
        *[
            html.Div(dcc.Graph(figure=figure, config=figures.graph_config(lang)), className="chart-card")
            for figure, _ in unit_charts.score_figures(
                history, lang=lang, unit_name=name, source=source, breaks=breaks
            )
        ],
    ]
    return _frame(children, lang=lang, back=back, source=source, heading=heading)


def compare_layout(lang: str | None = None, **query: str) -> html.Div:
    """The compare lines for ?units=&group=&index=."""
    lang = normalize_language(lang)
    selection = comparison.parse(query)
    back = urls.page("compare", lang=lang, **selection.query())
    frame = comparison.series(selection, lang) if selection.ready else pd.DataFrame()
    if frame.empty:
        messages = problem_texts(selection, lang) or [t("embed.unknown", lang)]
        return _frame([components.empty_state(" ".join(messages))], lang=lang, back=back, source="")
    source = source_line(frame, lang)
    # One chart per scale, as on the compare page: a 2025 score out of 1,000 never shares an axis.
    graphs = [
        dcc.Graph(figure=figure, config=figures.graph_config(lang))
        for figure, _ in compare_year.charts_over_years(frame, selection, lang)
    ]
    children = [
        components.illustrative_banner(lang) if (frame["data_kind"] == "illustrative").any() else None,
        *graphs,
    ]
    heading = t("compare.lines_title", lang, index=comparison.index_label(selection, lang))
    return _frame(children, lang=lang, back=back, source=source, heading=heading)


def _unit_title(code: str | None = None, **_path: str) -> str:
    return f"{unit_profile.name_vi(code)} – {SITE}"


# One module, three embeddable pages: each registration needs its own registry key.
dash.register_page(f"{__name__}.map", path="/nhung/ban-do", title=f"Bản đồ – {SITE}", layout=map_layout)
dash.register_page(
    f"{__name__}.unit", path_template="/nhung/don-vi/<code>", title=_unit_title, layout=unit_layout
)
dash.register_page(
    f"{__name__}.compare", path="/nhung/so-sanh", title=f"So sánh – {SITE}", layout=compare_layout
)
