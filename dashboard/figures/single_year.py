"""Figures for a method with a single year (2025 now): units side by side as bars instead of one-dot lines.

Pure: (frame, *, lang, ...) -> plain figure dict. May import: i18n, figures. A line needs two years; with one
year the reader compares units, so the bars carry the values (points out of the maximum) in their labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from dashboard.figures import Figure, charts, plain
from dashboard.figures.text import plotly_text
from dashboard.i18n import format_number


def points_text(value: float | None, maximum: float | None, lang: str) -> str:
    """'126,8/200' (the points out of the maximum, as a label); the value alone without a maximum."""
    if value is None:
        return "–"
    shown = format_number(value, lang, decimals=2)
    return f"{shown}/{format_number(maximum, lang, decimals=0)}" if maximum else shown


def unit_bars(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source_line: str,
    axis_title: str,
    maximum: float | None,
    styles: Mapping[str, int] | None = None,
) -> Figure:
    """One horizontal bar per unit (columns series, value) in the frame's order, labelled with its points."""
    names = [plotly_text(name) for name in frame["series"]]
    values = plain(frame["value"])
    figure = charts.base_figure(lang=lang, title=title, source_line=source_line, height=120 + 44 * len(names))
    colours = [
        charts.SERIES_COLOURS[(styles or {}).get(str(n), i) % charts.STYLE_COUNT]
        for i, n in enumerate(frame["series"])
    ]
    texts = [points_text(v, maximum, lang) for v in values]
    figure["data"].append(
        {
            "type": "bar",
            "orientation": "h",
            "y": names,
            "x": values,
            "text": texts,
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": "%{y}: %{text}<extra></extra>",
            "marker": {"color": colours},
            "showlegend": False,
        }
    )
    layout = figure["layout"]
    layout.update(hovermode="closest")
    layout["xaxis"] = {"gridcolor": "#eaeef2", "title": {"text": axis_title}, "rangemode": "tozero"}
    if maximum:
        # Room for the labels beyond the longest bar (phones too); ticks stop at the maximum.
        layout["xaxis"]["range"] = [0, maximum * 1.3]
        layout["xaxis"]["tickvals"] = [maximum * step / 4 for step in range(5)]
    layout["yaxis"] = {"autorange": "reversed", "automargin": True, "title": {"text": ""}}
    return figure


def sub_index_bars(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source_line: str,
    axis_title: str,
    panels: Sequence[tuple[str, str, float | None]],
    styles: Mapping[str, int] | None = None,
) -> Figure:
    """Sub-indices (code, label, maximum) as % of their maximum, one bar per unit in each, side by side;
    each bar's label gives the points out of the maximum ('126,8/200').
    Frame columns: series, panel, value."""
    labels = {code: plotly_text(label) for code, label, _ in panels}
    maxima = {code: top for code, _, top in panels}
    order = [code for code, _, _ in panels]
    series_names = list(dict.fromkeys(frame["series"]))
    height = 140 + 26 * len(order) * max(len(series_names), 1)
    figure = charts.base_figure(
        lang=lang, title=title, source_line=source_line, height=height, extra_bottom=20 * len(series_names)
    )
    cells = {key: rows for key, rows in frame.groupby(["series", "panel"], sort=False)}
    for index, name in enumerate(series_names):
        values = []
        for code in order:
            rows = cells.get((name, code))
            values.append(None if rows is None else plain(rows["value"])[0])
        percents = [
            None if v is None or not maxima[c] else round(100 * v / maxima[c], 1)
            for v, c in zip(values, order, strict=True)
        ]
        style = charts.series_style((styles or {}).get(str(name), index))
        figure["data"].append(
            {
                "type": "bar",
                "orientation": "h",
                "name": plotly_text(name),
                "y": [labels[c] for c in order],
                "x": percents,
                "text": [points_text(v, maxima[c], lang) for v, c in zip(values, order, strict=True)],
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": f"{plotly_text(name)} – %{{y}}: %{{text}}<extra></extra>",
                "marker": {"color": style["marker"]["color"]},
            }
        )
    layout = figure["layout"]
    layout.update(hovermode="closest", barmode="group", legend={**layout["legend"], "traceorder": "normal"})
    layout["xaxis"] = {  # labels beyond a full bar need room on a phone: the axis runs past 100 %
        "gridcolor": "#eaeef2",
        "range": [0, 135],
        "tickvals": [0, 25, 50, 75, 100],
        "title": {"text": axis_title},
        "ticksuffix": "%",
    }
    layout["yaxis"] = {"autorange": "reversed", "automargin": True, "title": {"text": ""}}
    return figure
