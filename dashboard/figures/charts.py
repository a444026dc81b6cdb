"""Line and bar charts. Pure: (frame, *, lang, ...) -> plain figure dict (see figures/__init__.py).

May import: i18n. Every chart carries its title and a source line inside the figure, so a PNG saved from
the mode bar still says what it shows and where the figures come from.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from dashboard.figures import TEMPLATE, Figure, plain, wrap
from dashboard.figures.text import plotly_text
from dashboard.i18n import d3_locale_format, format_number, t

__all__ = [
    "CHART_CONFIG",
    "SERIES_COLOURS",
    "Figure",
    "bars_against_reference",
    "base_figure",
    "series_style",
    "styles_by_series",
    "unit_styles",
    "year_lines",
    "year_ticks",
]

# Series styles: colour, marker symbol and dash go together, so a series is told apart by its shape and
# line as well as its colour (WCAG 1.4.1), and a unit keeps all three wherever it is drawn.
# Okabe–Ito without its yellow (too light on white), plus a wine red: eight, as the national page's indices.
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#1f2328", "#882255")
SERIES_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "triangle-down", "star", "hexagon")
SERIES_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "2px,4px")
STYLE_COUNT = len(SERIES_COLOURS)
CHART_CONFIG = {
    "displaylogo": False,
    "scrollZoom": False,
    "responsive": True,
    # plotly.js's "Share chart..." button uploads the chart to Plotly Cloud: a third party, and nothing
    # may leave the page. The page's own address is the link to share (the URL holds the view).
    "showSendToCloud": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    # The toolbar keeps only what a reader uses: download and reset. Buttons sit on the title otherwise.
    "modeBarButtonsToRemove": [
        "zoom", "pan", "select", "lasso2d", "zoomIn", "zoomOut", "autoScale", "toggleSpikelines",
    ],
}
SOURCE_LINE_SHIFT = -86  # pixels below the plot area: under the legend, inside the bottom margin
# Plotly never wraps a title or an annotation: lines are broken at word boundaries so that they fit a
# 390 px phone, about 325 px of chart in the wide DejaVu Sans that Debian and many phones fall back to:
# 32 characters of a 16 px title, 42 of an 11 px note (it starts at the plot area, 56 px in).
TITLE_WIDTH, NOTE_WIDTH = 32, 42
TITLE_LINE, NOTE_LINE = 20, 14  # pixels per extra line
NOTE_FONT = {"size": 11, "color": "#57606a"}


def series_style(index: int, *, width: float = 2.5) -> dict[str, dict[str, object]]:
    """The line and marker of style `index` (cycled): colour, dash and marker symbol together."""
    index %= STYLE_COUNT
    return {
        "line": {"color": SERIES_COLOURS[index], "width": width, "dash": SERIES_DASHES[index]},
        "marker": {"color": SERIES_COLOURS[index], "symbol": SERIES_SYMBOLS[index], "size": 8},
    }


def unit_styles(codes: Iterable[str]) -> dict[str, int]:
    """The style index of each unit code, the same on every chart: each code has its own index (from a
    checksum of the code, stable across processes, unlike hash()); when two units of one chart share it,
    the later code in code order takes the next free one, so up to STYLE_COUNT units never look alike."""
    taken: set[int] = set()
    styles: dict[str, int] = {}
    for code in sorted(set(codes)):
        index = zlib.crc32(code.encode()) % STYLE_COUNT
        while index in taken and len(taken) < STYLE_COUNT:
            index = (index + 1) % STYLE_COUNT
        taken.add(index)
        styles[code] = index
    return styles


def styles_by_series(frame: pd.DataFrame) -> dict[str, int]:
    """The style index of each series of a frame of units (columns series, unit_code): its unit's."""
    pairs = frame[["series", "unit_code"]].drop_duplicates()
    styles = unit_styles(pairs["unit_code"].astype(str))
    return {str(series): styles[str(code)] for series, code in pairs.itertuples(index=False)}


def generated_marks(title: str, source_line: str, lang: str) -> tuple[str, list[dict]]:
    """A chart of generated figures (its source line starts with the label, views/published.py) carries
    the label in its title and across the plot, so a saved PNG cannot pass for real figures."""
    label = t("generated.label", lang)
    if not source_line.startswith(label):
        return title, []
    watermark = {
        "text": label,
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "showarrow": False,
        "textangle": -20,
        "opacity": 0.12,
        "font": {"size": 56, "color": "#b35900"},
    }
    return (title if title.startswith(label) else f"{label} – {title}"), [watermark]


def base_figure(*, title: str, source_line: str, lang: str, height: int, extra_bottom: int = 0) -> Figure:
    """An empty chart: the shared layout with its title and source line; `extra_bottom` pixels more
    below the plot push the source line under a tall legend."""
    title, marks = generated_marks(title, source_line, lang)
    title = wrap(title.replace("<br>", " "), width=TITLE_WIDTH)
    source_line = wrap(source_line, width=NOTE_WIDTH)
    extra_top = TITLE_LINE * title.count("<br>")
    below = extra_bottom + NOTE_LINE * source_line.count("<br>")  # the note's lines run downwards
    layout: dict[str, Any] = {
        "template": TEMPLATE,
        **d3_locale_format(lang),
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        "height": height + extra_top + below,
        "margin": {"l": 56, "r": 16, "t": 64 + extra_top, "b": 110 + below},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "color": "#1f2328"},
        "legend": {"orientation": "h", "y": -0.14, "yanchor": "top", "x": 0},
        "hovermode": "x unified",
        "annotations": [
            {
                "text": source_line,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "yshift": SOURCE_LINE_SHIFT - extra_bottom,
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "font": NOTE_FONT,
                "align": "left",
            },
            *marks,
        ],
        "xaxis": {"dtick": 1, "gridcolor": "#eaeef2", "tickformat": "d"},
        "yaxis": {"gridcolor": "#eaeef2", "zeroline": False},
    }
    return {"data": [], "layout": layout}


def year_ticks(years: Iterable[object]) -> dict[str, object]:
    """A year axis whose labels never collide nor show half years: every year over a short span (at
    most 6 labels, which fit a 320 px phone), else plotly's own step for the plot's width (over more
    than 5 years it is a whole 1, 2 or 5 years: about one label per 80 px)."""
    values = [int(year) for year in years if year is not None and not pd.isna(year)]
    if not values or max(values) - min(values) <= 5:
        return {"tickmode": "linear", "tick0": 0, "dtick": 1, "tickformat": "d"}
    return {"tickmode": "auto", "tickformat": "d"}


def _broken_at(rows: pd.DataFrame, break_years: Sequence[int], *, lang: str, decimals: int):
    """x, y and hover labels of one series, with a gap (None) wherever a method break falls between two
    of its years."""
    xs: list[object] = []
    ys: list[object] = []
    labels: list[str] = []
    for year, value in zip(plain(rows["year"]), plain(rows["value"]), strict=True):
        if xs and any(xs[-1] is not None and xs[-1] < b <= year for b in break_years):
            xs.append(None)
            ys.append(None)
            labels.append("")
        xs.append(int(year))
        ys.append(value)
        labels.append(format_number(value, lang, decimals=decimals))
    return xs, ys, labels


def year_lines(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source_line: str,
    y_title: str,
    breaks: Sequence[tuple[int, str]] = (),
    reversed_axis: bool = False,
    y_range: tuple[float, float] | None = None,
    decimals: int = 1,
    height: int = 380,
    extra_bottom: int = 0,
    styles: Mapping[str, int] | None = None,
) -> Figure:
    """One line per series over the years; frame columns: series, year, value (missing years break lines).

    `styles` gives a series its style index (`unit_styles`, by series name); others take theirs in order.

    `breaks` are (year, label) where the method changed: a dashed line is drawn just before that year and
    the lines are not joined across it. `y_range` fixes the axis (in drawing order: (64, 0) puts rank 1
    on top).
    """
    figure = base_figure(
        title=title, source_line=source_line, lang=lang, height=height, extra_bottom=extra_bottom
    )
    layout = figure["layout"]
    break_years = sorted(year for year, _ in breaks)
    for position, (series, rows) in enumerate(frame.groupby("series", sort=False)):
        xs, ys, labels = _broken_at(rows.sort_values("year"), break_years, lang=lang, decimals=decimals)
        figure["data"].append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "name": plotly_text(series),
                "mode": "lines+markers",
                "text": labels,
                "hovertemplate": "%{text}",
                "connectgaps": False,
                **series_style((styles or {}).get(str(series), position)),
            }
        )
    if breaks:
        layout["shapes"] = []
    for year, label in breaks:
        layout["shapes"].append(
            {
                "type": "line",
                "x0": year - 0.5,
                "x1": year - 0.5,
                "xref": "x",
                "y0": 0,
                "y1": 1,
                "yref": "y domain",
                "line": {"dash": "dash", "color": "#57606a", "width": 1},
            }
        )
        layout["annotations"].append(
            {
                "x": year - 0.5,
                "y": 1,
                "yref": "paper",
                "text": label,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "top",
                "font": NOTE_FONT,
            }
        )
    layout["xaxis"] = {"gridcolor": "#eaeef2", **year_ticks(frame["year"])}
    layout["yaxis"]["title"] = {"text": y_title}
    if y_range is not None:
        layout["yaxis"].update(range=list(y_range), autorange=False)
    else:
        layout["yaxis"]["autorange"] = "reversed" if reversed_axis else True
    return figure


def bars_against_reference(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source_line: str,
    value_name: str,
    reference_name: str,
    height: int = 360,
    axis_title: str | None = None,
) -> Figure:
    """Horizontal bars of a unit's values with reference markers; frame columns: label, value, reference,
    and optionally text (how each value is written on its bar, e.g. "126,8/200" when bars are % of it)."""
    figure = base_figure(title=title, source_line=source_line, lang=lang, height=height)
    layout = figure["layout"]
    layout["hovermode"] = "y unified"
    layout["xaxis"] = {"gridcolor": "#eaeef2", "tickformat": ""}
    if axis_title:
        layout["xaxis"]["title"] = {"text": plotly_text(axis_title)}
    layout["yaxis"].update(autorange="reversed", automargin=True)
    labels = [plotly_text(label) for label in frame["label"]]
    values, references = plain(frame["value"]), plain(frame["reference"])
    texts = (
        [plotly_text(text) for text in frame["text"]]
        if "text" in frame
        else [format_number(v, lang) for v in values]
    )
    figure["data"] = [
        {
            "type": "bar",
            "y": labels,
            "x": values,
            "orientation": "h",
            "name": plotly_text(value_name),
            "text": texts,
            "textposition": "auto",
            "marker": {"color": SERIES_COLOURS[0]},
            "hovertemplate": "%{text}",
        },
        {
            "type": "scatter",
            "y": labels,
            "x": references,
            "mode": "markers",
            "name": plotly_text(reference_name),
            "text": [format_number(v, lang) for v in references],
            "hovertemplate": "%{text}",
            "marker": {"symbol": "line-ns-open", "size": 22, "line": {"width": 3}, "color": "#1f2328"},
        },
    ]
    return figure
