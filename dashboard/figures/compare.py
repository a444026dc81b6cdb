"""Figures of the compare, e-documents and national pages, and the Graph config per language.

Pure: (frame, *, lang, ...) -> plain figure dict (see figures/__init__.py). May import: i18n. Every
figure keeps the title and source line inside it (the shared layout of charts.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from dashboard.figures import Figure, charts, plain, wrap
from dashboard.figures.text import plotly_text
from dashboard.i18n import format_number, normalize_language


def graph_config(lang: str | None, **overrides: object) -> dict[str, object]:
    """The one dcc.Graph config: the chart settings (charts.CHART_CONFIG) and the toolbar in the page's
    language; explicit settings win. plotly.js's `vi` locale and our toolbar texts are registered once, by
    the partial plotly.js bundle (scripts/plotly-bundle), so no locale is sent with each graph."""
    return {**charts.CHART_CONFIG, "locale": normalize_language(lang), **overrides}


def end_notes(figure: Figure, notes: Sequence[tuple[int, float, str]]) -> Figure:
    """Mark where a series stops and say what followed (e.g. '→ Trà Bồng'), at (year, value, text)."""
    figure["layout"]["annotations"].extend(
        {
            "x": year,
            "y": value,
            "text": plotly_text(text),
            "showarrow": True,
            "arrowhead": 0,
            "ax": 24,
            "ay": -28,
            "xanchor": "left",
            "font": {"size": 11, "color": "#1f2328"},
            "bgcolor": "rgba(255,255,255,0.85)",
        }
        for year, value, text in notes
    )
    return figure


def point_texts(figure: Figure, texts: Mapping[tuple[str, int], str]) -> Figure:
    """Replace the hover text of each (series, year) point, e.g. a rank '26/63' instead of '26'."""
    # Keyed as the traces are named (escaped).
    by_name = {(plotly_text(series), year): text for (series, year), text in texts.items()}
    for trace in figure["data"]:
        trace["text"] = [
            by_name.get((trace["name"], int(x)), label) if x is not None else label
            for x, label in zip(trace["x"], trace["text"], strict=True)
        ]
    return figure


PANEL_PLOT_HEIGHT = 190  # pixels of plot in a small-multiple panel
PANEL_BOTTOM = 40  # below it: the year labels only (legend and source line are the page's, once)
PANEL_TITLE_SAVING = 24  # pixels of top margin a panel's title does without (no toolbar over it)
PANEL_WATERMARK_SIZE = 36


def small_multiples(
    frame: pd.DataFrame,
    *,
    lang: str,
    source_line: str,
    panels: Sequence[tuple[str, str, float | None]],
    styles: Mapping[str, int] | None = None,
) -> list[Figure]:
    """One small figure per sub-index (code, label, maximum); frame columns: series, panel, year, value.
    `styles` as in charts.year_lines.

    The page lays the figures out in a grid that reflows (3, 2 or 1 columns) and says the legend and the
    source line once under the group; each figure is titled with its sub-index and maximum, its y axis runs
    from 0 to just above it, and generated figures keep their label and watermark (charts.base_figure),
    so a panel saved as a PNG still says what it shows. Every panel has the same top margin, so that the
    plot areas of one row line up whatever the length of their titles.
    """
    series_names = list(dict.fromkeys(frame["series"]))
    # One pass over the frame instead of a boolean filter per panel and series.
    cells = {key: rows for key, rows in frame.sort_values("year").groupby(["panel", "series"], sort=False)}
    no_rows = frame.iloc[0:0]
    x_axis = {"gridcolor": "#eaeef2", **charts.year_ticks(frame["year"])}
    figures = []
    for code, label, top in panels:
        title = plotly_text(label)
        if top:
            title = f"{title} (≤\u00a0{format_number(top, lang, decimals=0)})"  # never broken
        figure = charts.base_figure(lang=lang, title=title, source_line=source_line, height=PANEL_PLOT_HEIGHT)
        layout = figure["layout"]
        del layout["annotations"][0]  # the source line: once, under the group
        for mark in layout["annotations"]:  # the watermark, smaller: "ILLUSTRATIVE" fits a 320 px panel
            mark["font"] = {**mark["font"], "size": PANEL_WATERMARK_SIZE}
        if not layout["annotations"]:  # no watermark either (plotly drops an empty list)
            del layout["annotations"]
        layout.update(hovermode="closest", showlegend=False, xaxis=dict(x_axis))
        if top:
            layout["yaxis"]["range"] = [0, top * 1.05]
        for index, name in enumerate(series_names):
            rows_ = cells.get((code, name), no_rows)
            values = plain(rows_["value"])
            shown = plotly_text(name)
            figure["data"].append(
                {
                    "type": "scatter",
                    "x": [int(year) for year in rows_["year"]],
                    "y": values,
                    "name": shown,
                    "mode": "lines+markers",
                    "text": [format_number(v, lang) for v in values],
                    "hovertemplate": f"{shown}: %{{text}}<extra></extra>",
                    **charts.series_style((styles or {}).get(str(name), index), width=2),
                }
            )
        figures.append(figure)
    # The title needs less room than a full chart gives it: the page's toolbar sits above the figure.
    top_margin = max((f["layout"]["margin"]["t"] for f in figures), default=0) - PANEL_TITLE_SAVING
    for figure in figures:
        layout = figure["layout"]
        layout["margin"] = {**layout["margin"], "t": top_margin, "b": PANEL_BOTTOM}
        layout["height"] = top_margin + PANEL_PLOT_HEIGHT + PANEL_BOTTOM
    return figures


def labelled_bars(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source_line: str,
    x_title: str,
    x_range: tuple[float, float] | None = (0, 100),
    label_width: int = 30,
    targets: pd.DataFrame | None = None,
    names: tuple[str, str] = ("", ""),
) -> Figure:
    """Horizontal bars whose labels are honest texts; columns: label, value, text, optional value_high.

    A range (value to value_high) is drawn as a bar to the low end with an error bar up to the high end.
    `targets` (same columns) are a plan's targets, never results: open markers on their own rows, a legend
    entry of their own; `names` are the legend's names of the results and of the targets.
    """
    targets = targets if targets is not None and not targets.empty else None
    if targets is not None:
        frame = pd.concat([frame, targets])
    # Long labels are wrapped so that the plot keeps its width on a phone.
    labels = [wrap(plotly_text(label), width=label_width) for label in frame["label"]]
    height = 170 + sum(max(34, 17 * (label.count("<br>") + 1)) for label in labels)
    figure = charts.base_figure(lang=lang, title=title, source_line=source_line, height=height)
    values = plain(frame["value"])
    highs = plain(frame["value_high"]) if "value_high" in frame else [None] * len(values)
    spans = [h - v if h is not None and v is not None else 0 for v, h in zip(values, highs, strict=True)]
    figure["data"].append(
        {
            "type": "bar",
            "y": labels,
            "x": values,
            "orientation": "h",
            "text": [None if text is None else plotly_text(text) for text in plain(frame["text"])],
            "textposition": "auto",
            "hovertemplate": "%{y}: %{text}<extra></extra>",
            "marker": {"color": charts.SERIES_COLOURS[0]},
            "error_x": {
                "type": "data",
                "array": spans,
                "arrayminus": [0] * len(spans),
                "visible": any(spans),
            },
            "showlegend": False,
        }
    )
    if targets is not None:
        results = len(frame) - len(targets)
        bar = figure["data"][-1]
        for key in ("y", "x", "text"):
            bar[key] = bar[key][:results]
        bar["error_x"]["array"] = spans[:results]
        bar["error_x"]["arrayminus"] = [0] * results
        bar.update(name=plotly_text(names[0]), showlegend=True)
        figure["data"].append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": plotly_text(names[1]),
                "y": labels[results:],
                "x": values[results:],
                "text": [None if text is None else plotly_text(text) for text in plain(targets["text"])],
                "textposition": "middle right",
                "hovertemplate": "%{y}: %{text}<extra></extra>",
                "marker": {"symbol": "diamond-open", "size": 14, "line": {"width": 2}, "color": "#1f2328"},
                "showlegend": True,
            }
        )
    layout = figure["layout"]
    layout.update(hovermode="closest", margin={**layout["margin"], "l": 16})
    layout["xaxis"] = {"gridcolor": "#eaeef2", "tickformat": "", "title": {"text": x_title}}
    if x_range:
        layout["xaxis"]["range"] = list(x_range)
    layout["yaxis"].update(autorange="reversed", automargin=True, title={"text": ""})
    return figure
