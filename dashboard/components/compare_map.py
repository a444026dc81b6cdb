"""The compare page's map: the picked units coloured on the scale of their whole group that year (so that
two units never fill the whole colour range between them), with a choice of year."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard import components, urls
from dashboard.assemble import compare_year, comparison, maps, methodology
from dashboard.components import chart_tools, map_panel
from dashboard.figures import compare as figures
from dashboard.figures import map as map_figures
from dashboard.i18n import t
from dashboard.views.comparison import Selection, source_line
from dashboard.views.index_set_table import class_name

MAP = "compare-map"
MAP_YEAR = "compare-map-year"
MAP_TOOLS = "compare-map-tools"


def _years(frame: pd.DataFrame) -> list[int]:
    return [int(y) for y in sorted(frame["year"].unique(), reverse=True) if maps.layer(int(y)).available]


def map_figure(frame: pd.DataFrame, selection: Selection, year: int, lang: str) -> dict | None:
    """The map of the picked units in `year` (None when that year has no map)."""
    rows = frame[frame["year"] == year]
    if rows.empty or not maps.layer(year).available:
        return None
    values = pd.DataFrame(
        {
            "code": rows["unit_code"],
            "name": rows["series"],
            "value": rows["value"],
            "class_code": rows["class_label"],
            # the class in words under its own set, as the overview map has it (never the bare code)
            "class_name": [
                class_name(methodology.index_set(str(m)), c, lang)
                for m, c in zip(rows["methodology"], rows["class_label"], strict=True)
            ],
        }
    )
    figure, _ = map_panel.render(
        values,
        year=year,
        group=selection.group,
        lang=lang,
        indicator=str(rows["indicator_code"].iloc[0]),  # one year: one method's total or sub-index
        title=t("compare.map_title", lang, year=year, source=source_line(rows, lang)),
        height=420 if selection.group == "district" else 560,
        value_range=compare_year.group_scale(rows, selection.group, year),
    )
    return figure


def map_view(
    frame: pd.DataFrame, selection: Selection, year: int, lang: str
) -> tuple[dict, html.Details] | None:
    """The map of `year` and its toolbar, citing the sources of that year's rows (None: no map that year)."""
    figure = map_figure(frame, selection, year, lang)
    if figure is None:
        return None
    tools = chart_tools.toolbar(
        title=chart_tools.figure_title(figure),
        page_path=urls.page("compare", lang=lang, **selection.query()),
        lang=lang,
        sources=comparison.sources_of(frame[frame["year"] == year]),
    )
    return figure, tools


def map_section(frame: pd.DataFrame, selection: Selection, lang: str) -> list:
    """The map heading, the year choice and the map of the latest year (nothing for unmapped groups)."""
    if selection.group not in map_panel.MAPPED_GROUPS or frame.empty:
        return []
    years = _years(frame)
    if not years:
        return []
    layer = maps.layer(years[0])
    schematic = t("map.schematic_note", lang) + "." if layer.schematic else ""
    parts = (t("compare.map_note", lang), schematic, map_panel.withheld_note(layer, lang))
    note = " ".join(part for part in parts if part)
    drawn = map_view(frame, selection, years[0], lang)
    if drawn is None:
        return []
    figure, tools = drawn
    choice = dcc.Dropdown(
        id=MAP_YEAR,
        options=[{"value": y, "label": str(y)} for y in years],
        value=years[0],
        clearable=False,
        searchable=False,
    )
    return [
        html.H2(t("compare.map_heading", lang), className="h4 mt-4"),
        html.Div(components.control(t("compare.map_year", lang), choice), className="controls"),
        html.Div(
            [
                dcc.Graph(
                    id=MAP, figure=figure, config=figures.graph_config(lang, **map_figures.GRAPH_CONFIG)
                ),
                html.P(note, className="map-note"),
                html.Div(tools, id=MAP_TOOLS),
            ],
            className="chart-card",
        ),
    ]
