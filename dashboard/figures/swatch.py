"""A series style (charts.series_style) drawn as a small SVG image, for a legend written in HTML.

Pure: style index -> `data:` URI of its line dash and marker symbol in its colour, as plotly draws them
(the CSP allows `data:` images). May import: nothing of ours but figures.charts.
"""

from __future__ import annotations

import math
from urllib.parse import quote

from dashboard.figures import charts

WIDTH, HEIGHT = 44, 16
# plotly.js's dash patterns (drawing.dashStyle) for a 2 px line: steps of max(width, 3) = 3 px.
DASH_ARRAYS = {
    "solid": "",
    "dot": "3,3",
    "dash": "9,9",
    "longdash": "15,15",
    "dashdot": "9,3,3,3",
    "longdashdot": "15,6,3,6",
}


def _polygon(points: list[tuple[float, float]]) -> str:
    return "<polygon points='{}'/>".format(" ".join(f"{x:.2f},{y:.2f}" for x, y in points))


def _star(cx: float, cy: float, r: float, *, tips: int, inner: float) -> list[tuple[float, float]]:
    """Points of a star (or, with inner=1, a regular polygon) of `tips` corners, the first one up."""
    steps = tips * 2 if inner != 1 else tips
    return [
        (
            cx + (r if inner == 1 or k % 2 == 0 else r * inner) * math.sin(2 * math.pi * k / steps),
            cy - (r if inner == 1 or k % 2 == 0 else r * inner) * math.cos(2 * math.pi * k / steps),
        )
        for k in range(steps)
    ]


def _marker(symbol: str, colour: str) -> str:
    cx, cy, r = WIDTH / 2, HEIGHT / 2, 5.0
    shapes = {
        "circle": f"<circle cx='{cx}' cy='{cy}' r='{r - 0.5}'/>",
        "square": f"<rect x='{cx - r + 1}' y='{cy - r + 1}' width='{2 * r - 2}' height='{2 * r - 2}'/>",
        "diamond": _polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]),
        "triangle-up": _polygon([(cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8)]),
        "triangle-down": _polygon([(cx, cy + r), (cx + r, cy - r * 0.8), (cx - r, cy - r * 0.8)]),
        "star": _polygon(_star(cx, cy, r + 0.5, tips=5, inner=0.45)),
        "hexagon": _polygon(_star(cx, cy, r, tips=6, inner=1)),
        "x": (
            f"<path d='M{cx - 4},{cy - 4}L{cx + 4},{cy + 4}M{cx - 4},{cy + 4}L{cx + 4},{cy - 4}' "
            f"stroke='{colour}' stroke-width='3'/>"
        ),
    }
    return shapes.get(symbol, shapes["circle"])


def swatch_svg(index: int) -> str:
    """The SVG of style `index`: a line across with its dash, its marker in the middle."""
    style = charts.series_style(index, width=2)
    colour = style["line"]["color"]
    dash = str(style["line"]["dash"])
    dasharray = DASH_ARRAYS.get(dash, dash.replace("px", ""))
    line_dash = f" stroke-dasharray='{dasharray}'" if dasharray else ""
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{WIDTH}' height='{HEIGHT}' "
        f"viewBox='0 0 {WIDTH} {HEIGHT}'>"
        f"<line x1='0' y1='{HEIGHT / 2}' x2='{WIDTH}' y2='{HEIGHT / 2}' stroke='{colour}' stroke-width='2'"
        f"{line_dash}/>"
        f"<g fill='{colour}'>{_marker(str(style['marker']['symbol']), colour)}</g></svg>"
    )


def swatch_uri(index: int) -> str:
    """`swatch_svg` as a `data:` URI for an <img src>."""
    return "data:image/svg+xml," + quote(swatch_svg(index), safe="")
