"""The chosen national table as a chart: every province it lists on one rank line, Quảng Ngãi marked.

Pure: (frame, *, lang, ...) -> plain figure dict (see figures/__init__.py). May import: i18n. Most
national tables we hold print ranks for all provinces but values for a few, so the chart places
provinces by rank. The marked provinces differ by colour, by a larger star marker and by a labelled
arrow, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.figures import Figure, charts, plain, wrap
from dashboard.figures.text import plotly_text

OTHERS = "#8c959f"
MARKED = "#b35900"  # 4.9:1 on white, as the generated label's colour


def rank_strip(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source_line: str,
    x_title: str,
    marked: Mapping[str, str],
) -> Figure:
    """One dot per ranked province along its rank (1 on the left); frame columns: code, province, rank,
    rank_of, rank_text ('26/63' as published), value_text.

    `marked` maps a province code to its label ('★ Quảng Ngãi'): a star, coloured, with that label and
    its rank.
    """
    rows = frame.dropna(subset=["rank"]).sort_values(["rank", "province"]).reset_index(drop=True)
    figure = charts.base_figure(title=title, source_line=source_line, lang=lang, height=300)
    layout = figure["layout"]
    layout.update(hovermode="closest", showlegend=False)
    is_marked = [code in marked for code in rows["code"]]
    figure["data"].append(
        {
            "type": "scatter",
            "mode": "markers",
            "x": plain(rows["rank"]),
            "y": [0] * len(rows),
            "customdata": [
                f"{plotly_text(p)}: {r} · {v}"
                for p, r, v in zip(rows["province"], rows["rank_text"], rows["value_text"], strict=True)
            ],
            "hovertemplate": "%{customdata}<extra></extra>",
            "marker": {
                "color": [MARKED if m else OTHERS for m in is_marked],
                "symbol": ["star" if m else "circle" for m in is_marked],
                "size": [20 if m else 9 for m in is_marked],
                "line": {"color": ["#1f2328" if m else "#ffffff" for m in is_marked], "width": 1},
            },
        }
    )
    # The axis runs to the table's size as published (63), not to the last province it lists.
    counts = [value for value in (*plain(rows["rank"]), *plain(frame["rank_of"])) if value is not None]
    last = int(max(counts, default=1))
    for side, row in enumerate(rows[is_marked].itertuples()):
        layout["annotations"].append(
            {
                "x": row.rank,
                "y": 0,
                # Short lines, and on the side of the arrow with room, so that a phone shows them whole.
                "text": wrap(f"{plotly_text(marked[row.code])}: {row.rank_text}", width=26),
                "xanchor": "left" if row.rank <= last / 2 else "right",
                "align": "left" if row.rank <= last / 2 else "right",
                "showarrow": True,
                "arrowhead": 2,
                "ax": 0,
                "ay": -40 if side % 2 == 0 else 40,  # two marked provinces close in rank never overlap
                "font": {"size": 12, "color": "#1f2328"},
                "bgcolor": "rgba(255,255,255,0.9)",
            }
        )
    layout["xaxis"] = {
        "title": {"text": x_title},
        "range": [0, last + 1],
        "gridcolor": "#eaeef2",
        "tickformat": "d",
        "zeroline": False,
    }
    layout["yaxis"] = {"visible": False, "range": [-1.6, 1.6], "fixedrange": True}
    return figure


def period_ranks(
    frame: pd.DataFrame, *, lang: str, title: str, source_line: str, y_title: str, series_name: str
) -> Figure:
    """Ranks of a monthly index, one point per period as published ('tháng 5/2025'), rank 1 at the top;
    columns: period_text, rank, text ('19/63'). The x axis names the periods, never a year."""
    figure = charts.base_figure(lang=lang, title=title, source_line=source_line, height=360)
    figure["data"].append(
        {
            "type": "scatter",
            "mode": "lines+markers+text",
            "name": plotly_text(series_name),
            "x": [plotly_text(p) for p in frame["period_text"]],
            "y": plain(frame["rank"]),
            "text": [plotly_text(t) for t in frame["text"]],
            "textposition": "top center",
            "hovertemplate": "%{x}: %{text}<extra></extra>",
            "marker": {"size": 10, "color": charts.SERIES_COLOURS[0]},
            "line": {"color": charts.SERIES_COLOURS[0]},
        }
    )
    top = max(64, int(pd.Series(plain(frame["rank"])).max() or 0) + 1)
    figure["layout"]["xaxis"] = {"type": "category", "title": {"text": ""}}
    figure["layout"]["yaxis"] = {"range": [top, 0], "title": {"text": y_title}, "gridcolor": "#eaeef2"}
    figure["layout"]["hovermode"] = "closest"
    return figure
