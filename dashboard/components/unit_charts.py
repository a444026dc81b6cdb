"""A unit's score charts, one per scale, shared by its profile (/don-vi/<code>) and its embed
(/nhung/don-vi/<code>), so both show every year (2025 on its own 1,000-point scale) the same way.

May import: views, figures, queries, i18n.
"""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard import queries
from dashboard.figures import charts
from dashboard.figures import compare as figures
from dashboard.figures.text import plotly_text
from dashboard.i18n import t
from dashboard.views import analysis
from dashboard.views.comparison import scale_title


def score_charts(history: pd.DataFrame, *, lang: str, unit_name: str, source: str, breaks: list) -> list:
    """One score chart per scale (points out of 100, percent, points out of 1,000): never a shared axis;
    the unit's line keeps its style (colour, marker, dash) on every chart."""
    maxima = queries.indicators().set_index("code")["max_value"].to_dict()
    segments = analysis.scale_segments(history, maxima)
    styles = charts.styles_by_series(history.assign(series=unit_name))
    charts_out = []
    for segment in segments:
        years = sorted(int(y) for y in segment["year"].unique())
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        title = f"{t('profile.scores', lang)} – {plotly_text(unit_name)}"
        if len(segments) > 1:
            title = t("scale.chart_title", lang, title=title, years=span)
        inside = [(y, label) for y, label in breaks if years[0] < y <= years[-1]]
        figure = charts.year_lines(
            segment.assign(series=unit_name),
            lang=lang,
            title=title,
            source_line=source,
            y_title=scale_title(segment, lang),
            breaks=inside,
            styles=styles,
        )
        charts_out.append(
            html.Div(dcc.Graph(figure=figure, config=figures.graph_config(lang)), className="chart-card")
        )
    return charts_out
