"""Line and bar charts. Pure: (frame, *, lang, ...) -> go.Figure. May import: i18n.

Every chart carries its title and a source line inside the figure, so a PNG saved from the mode bar
still says what it shows and where the figures come from.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import d3_locale_format, format_number, t

SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")  # Okabe–Ito
CHART_CONFIG = {
    "displaylogo": False,
    "scrollZoom": False,
    "responsive": True,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


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


def _base_layout(*, title: str, source_line: str, lang: str, height: int) -> dict:
    title, marks = generated_marks(title, source_line, lang)
    return {
        **d3_locale_format(lang),
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        "height": height,
        "margin": {"l": 56, "r": 16, "t": 64, "b": 110},
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
                "yshift": -86,  # pixels below the plot area: under the legend, inside the bottom margin
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "font": {"size": 11, "color": "#57606a"},
                "align": "left",
            },
            *marks,
        ],
        "xaxis": {"dtick": 1, "gridcolor": "#eaeef2", "tickformat": "d"},
        "yaxis": {"gridcolor": "#eaeef2", "zeroline": False},
    }


def year_lines(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source_line: str,
    y_title: str,
    breaks: Sequence[tuple[int, str]] = (),
    reversed_axis: bool = False,
    decimals: int = 1,
    height: int = 380,
) -> go.Figure:
    """One line per series over the years; frame columns: series, year, value (missing years break lines).

    `breaks` are (year, label) where the method changed: a dashed line is drawn just before that year and
    the lines are not joined across it.
    """
    figure = go.Figure(layout=_base_layout(title=title, source_line=source_line, lang=lang, height=height))
    break_years = sorted(year for year, _ in breaks)
    for position, (series, rows) in enumerate(frame.groupby("series", sort=False)):
        rows = rows.sort_values("year")
        xs: list[object] = []
        ys: list[object] = []
        labels: list[str] = []
        for year, value in zip(rows["year"], rows["value"], strict=True):
            if xs and any(xs[-1] is not None and xs[-1] < b <= year for b in break_years):
                xs.append(None)
                ys.append(None)
                labels.append("")
            xs.append(int(year))
            ys.append(value)
            labels.append(format_number(value, lang, decimals=decimals))
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                name=str(series),
                mode="lines+markers",
                text=labels,
                hovertemplate="%{text}",
                connectgaps=False,
                line={"color": SERIES_COLOURS[position % len(SERIES_COLOURS)], "width": 2.5},
            )
        )
    for year, label in breaks:
        figure.add_vline(x=year - 0.5, line={"dash": "dash", "color": "#57606a", "width": 1})
        figure.add_annotation(
            x=year - 0.5,
            y=1,
            yref="paper",
            text=label,
            showarrow=False,
            xanchor="left",
            yanchor="top",
            font={"size": 11, "color": "#57606a"},
        )
    figure.update_yaxes(title_text=y_title, autorange="reversed" if reversed_axis else True)
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
) -> go.Figure:
    """Horizontal bars of a unit's values with reference markers; frame columns: label, value, reference."""
    figure = go.Figure(layout=_base_layout(title=title, source_line=source_line, lang=lang, height=height))
    figure.update_layout(hovermode="y unified", xaxis={"dtick": None, "tickformat": ""})
    labels = [format_number(v, lang) for v in frame["value"]]
    figure.add_trace(
        go.Bar(
            y=frame["label"],
            x=frame["value"],
            orientation="h",
            name=value_name,
            text=labels,
            textposition="auto",
            marker={"color": SERIES_COLOURS[0]},
            hovertemplate="%{text}",
        )
    )
    figure.add_trace(
        go.Scatter(
            y=frame["label"],
            x=frame["reference"],
            mode="markers",
            name=reference_name,
            text=[format_number(v, lang) for v in frame["reference"]],
            hovertemplate="%{text}",
            marker={"symbol": "line-ns-open", "size": 22, "line": {"width": 3}, "color": "#1f2328"},
        )
    )
    figure.update_yaxes(autorange="reversed", automargin=True)
    return figure
