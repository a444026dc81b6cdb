"""Figures of the compare, e-documents and national pages, and the Graph config per language.

Pure: (frame, *, lang, ...) -> go.Figure. May import: i18n, figures.charts. Every figure keeps the
title and source line inside it (the shared layout of charts.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.figures import charts
from dashboard.i18n import format_number, normalize_language

# plotly.js's Dash bundle ships only English; this is its 'vi' locale (mode bar, snapshot messages,
# dates), passed inline through the Graph config so nothing is fetched from a CDN.
LOCALE_VI: dict[str, object] = {
    "moduleType": "locale",
    "name": "vi",
    "dictionary": {
        "Autoscale": "Tự động co giãn",
        "Box Select": "Chọn theo vùng chữ nhật",
        "Click to enter Colorscale title": "Bấm để nhập tiêu đề thang màu",
        "Click to enter Component A title": "Bấm để nhập tiêu đề thành phần A",
        "Click to enter Plot title": "Bấm để nhập tiêu đề biểu đồ",
        "Click to enter X axis title": "Bấm để nhập tiêu đề trục X",
        "Click to enter Y axis title": "Bấm để nhập tiêu đề trục Y",
        "Compare data on hover": "So sánh dữ liệu khi di chuột",
        "Double-click on legend to isolate one trace": "Bấm đúp vào chú giải để chỉ xem một chuỗi",
        "Double-click to zoom back out": "Bấm đúp để thu nhỏ lại",
        "Download plot": "Tải biểu đồ",
        "Download plot as a png": "Tải biểu đồ dạng PNG",
        "Download plot as a PNG": "Tải biểu đồ dạng PNG",
        "Lasso Select": "Chọn tự do",
        "Orbital rotation": "Xoay quỹ đạo",
        "Pan": "Kéo",
        "Produced with Plotly.js": "Tạo bằng Plotly.js",
        "Reset": "Đặt lại",
        "Reset axes": "Đặt lại trục",
        "Reset view": "Đặt lại khung nhìn",
        "Reset views": "Đặt lại các khung nhìn",
        "Show closest data on hover": "Hiện dữ liệu gần nhất khi di chuột",
        "Snapshot succeeded": "Đã chụp xong",
        "Sorry, there was a problem downloading your snapshot!": "Xin lỗi, không tải được ảnh chụp!",
        "Taking snapshot - this may take a few seconds": "Đang chụp ảnh – có thể mất vài giây",
        "Toggle Spike Lines": "Bật/tắt đường gióng",
        "Toggle show closest data on hover": "Bật/tắt hiện dữ liệu gần nhất khi di chuột",
        "Turntable rotation": "Xoay bàn xoay",
        "Zoom": "Phóng to vùng",
        "Zoom in": "Phóng to",
        "Zoom out": "Thu nhỏ",
        "close:": "đóng:",
        "high:": "cao:",
        "low:": "thấp:",
        "open:": "mở:",
        "trace": "chuỗi",
        "lat": "vĩ độ",
        "lon": "kinh độ",
    },
    "format": {
        "days": ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
        "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
        "months": [f"Tháng {m}" for m in range(1, 13)],
        "shortMonths": [f"Th{m}" for m in range(1, 13)],
        "date": "%d/%m/%Y",
        "decimal": ",",
        "thousands": ".",
    },
}


def graph_config(lang: str | None, **overrides: object) -> dict[str, object]:
    """dcc.Graph config with the mode bar in the page's language."""
    config = {**charts.CHART_CONFIG, **overrides}
    if normalize_language(lang) == "vi":
        config.update(locale="vi", locales={"vi": LOCALE_VI})
    return config


def _blank(*, lang: str, title: str, source_line: str, height: int) -> go.Figure:
    """The shared chart layout (title and source line inside the figure) with no series yet."""
    empty = pd.DataFrame({"series": [], "year": [], "value": []})
    return charts.year_lines(
        empty, lang=lang, title=title, source_line=source_line, y_title="", height=height
    )


def end_notes(figure: go.Figure, notes: Sequence[tuple[int, float, str]]) -> go.Figure:
    """Mark where a series stops and say what followed (e.g. '→ Trà Bồng'), at (year, value, text)."""
    for year, value, text in notes:
        figure.add_annotation(
            x=year,
            y=value,
            text=text,
            showarrow=True,
            arrowhead=0,
            ax=24,
            ay=-28,
            xanchor="left",
            font={"size": 11, "color": "#1f2328"},
            bgcolor="rgba(255,255,255,0.85)",
        )
    return figure


def point_texts(figure: go.Figure, texts: Mapping[tuple[str, int], str]) -> go.Figure:
    """Replace the hover text of each (series, year) point, e.g. a rank '26/63' instead of '26'."""
    for trace in figure.data:
        trace.text = [
            texts.get((trace.name, int(x)), label) if x is not None else label
            for x, label in zip(trace.x, trace.text, strict=True)
        ]
    return figure


def small_multiples(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source_line: str,
    panels: Sequence[tuple[str, str, float | None]],
    columns: int = 3,
) -> go.Figure:
    """One small panel per sub-index (code, label, maximum); frame columns: series, panel, year, value."""
    rows = max(1, -(-len(panels) // columns))
    height = 140 + 190 * rows
    figure = _blank(lang=lang, title=title, source_line=source_line, height=height)
    grid = make_subplots(
        rows=rows,
        cols=columns,
        subplot_titles=[f"{label} (≤ {format_number(top, lang, decimals=0)})" for _, label, top in panels],
        horizontal_spacing=0.07,
        vertical_spacing=0.55 / rows,
    )
    # Copies: update_layout below merges the shared layout's annotations into these objects by position.
    panel_titles = [annotation.to_plotly_json() for annotation in grid.layout.annotations]
    grid.update_layout(figure.layout)
    grid.layout.annotations = panel_titles + list(figure.layout.annotations)
    grid.update_layout(hovermode="closest", margin={"t": 80})
    series_names = list(dict.fromkeys(frame["series"]))  # the caller's order keeps colours as elsewhere
    for position, (code, _, top) in enumerate(panels):
        row, col = position // columns + 1, position % columns + 1
        for index, name in enumerate(series_names):
            rows_ = frame[(frame["panel"] == code) & (frame["series"] == name)].sort_values("year")
            grid.add_trace(
                go.Scatter(
                    x=rows_["year"].astype(int).tolist(),
                    y=rows_["value"].tolist(),
                    name=str(name),
                    legendgroup=str(name),
                    showlegend=position == 0,
                    mode="lines+markers",
                    text=[format_number(v, lang) for v in rows_["value"]],
                    hovertemplate=f"{name}: %{{text}}<extra></extra>",
                    line={"color": charts.SERIES_COLOURS[index % len(charts.SERIES_COLOURS)], "width": 2},
                ),
                row=row,
                col=col,
            )
        grid.update_yaxes(range=[0, top * 1.05] if top else None, row=row, col=col, gridcolor="#eaeef2")
        grid.update_xaxes(dtick=1, tickformat="d", row=row, col=col, gridcolor="#eaeef2")
    # The source line sits below the last row of panels, inside the figure.
    grid.layout.annotations[-1].update(yshift=-70)
    grid.update_layout(legend={"y": -0.12 / rows})
    return grid


def wrap(text: str, *, width: int) -> str:
    """Break a label into lines of at most `width` characters (plotly does not wrap)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def labelled_bars(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    source_line: str,
    x_title: str,
    x_range: tuple[float, float] | None = (0, 100),
    label_width: int = 30,
) -> go.Figure:
    """Horizontal bars whose labels are honest texts; columns: label, value, text, optional value_high.

    A range (value to value_high) is drawn as a bar to the low end with an error bar up to the high end.
    """
    # Long labels are wrapped so that the plot keeps its width on a phone.
    labels = [wrap(str(label), width=label_width) for label in frame["label"]]
    height = 170 + sum(max(34, 17 * (label.count("<br>") + 1)) for label in labels)
    figure = _blank(lang=lang, title=title, source_line=source_line, height=height)
    highs = frame["value_high"] if "value_high" in frame else pd.Series([None] * len(frame))
    spans = [
        (h - v) if pd.notna(h) and pd.notna(v) else 0 for v, h in zip(frame["value"], highs, strict=True)
    ]
    figure.add_trace(
        go.Bar(
            y=labels,
            x=frame["value"].tolist(),
            orientation="h",
            text=frame["text"].tolist(),
            textposition="auto",
            hovertemplate="%{y}: %{text}<extra></extra>",
            marker={"color": charts.SERIES_COLOURS[0]},
            error_x={"type": "data", "array": spans, "arrayminus": [0] * len(spans), "visible": any(spans)},
            showlegend=False,
        )
    )
    figure.update_layout(hovermode="closest", margin={"l": 16})
    figure.update_xaxes(
        title_text=x_title, dtick=None, tickformat="", range=list(x_range) if x_range else None
    )
    figure.update_yaxes(autorange="reversed", automargin=True)
    return figure
