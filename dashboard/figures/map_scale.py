"""Colours, labels and frame of the map: a colour scale fitted to the values in view and stated in its
legend, tile text that stays readable on its fill, names wrapped to fit a tile, a tight frame.
Pure. May import: i18n."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any

import plotly.graph_objects as go
from plotly.colors import (
    colorscale_to_colors,
    colorscale_to_scale,
    find_intermediate_color,
    get_colorscale,
    unlabel_rgb,
    validate_colors,
)

from dashboard import i18n

# Viridis as the [position, colour] list go.Figure resolves the name to, so a figure dict carries what
# go.Figure would (tests/pure/figures/test_figures.py). plotly.colors samples its own copy of the scale
# (one stop differs in the last digit): the colours of labels and anchors come from that one, as before.
SCORE_SCALE: list[list] = [list(stop) for stop in go.layout.Coloraxis(colorscale="Viridis").colorscale]
_SAMPLED = get_colorscale("Viridis")
_STOPS = colorscale_to_scale(_SAMPLED)
_STOP_COLOURS = validate_colors(colorscale_to_colors(_SAMPLED), colortype="tuple")
DARK_TEXT = "#1a1a1a"
LIGHT_TEXT = "#ffffff"


def _nice_step(span: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about five intervals over the span."""
    raw = span / 5
    power = 10 ** math.floor(math.log10(raw))
    return next(f * power for f in (1, 2, 5, 10) if f * power >= raw)


def fitted_range(values: Iterable[float | None]) -> tuple[float, float] | None:
    """The colour range for the values in view: their extremes widened to round numbers.

    Data between 53 and 80 give 50–80, never 0–100: the differences the map exists to show stay visible.
    None when no value is known (the scale is then not drawn).
    """
    known = [float(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if not known:
        return None
    low, high = min(known), max(known)
    if high - low < 1e-9:  # one value (or all equal): a small band around it, so it has a colour
        spread = max(abs(low) * 0.05, 1.0)
        low, high = low - spread, high + spread
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step


def score_colour(value: float, value_range: tuple[float, float]) -> str:
    """The colour the score scale gives a value (as plotly draws it for the same cmin and cmax)."""
    low, high = value_range
    share = 0.0 if high <= low else min(max((value - low) / (high - low), 0.0), 1.0)
    # plotly.colors.sample_colorscale's interpolation (same colours), without its 0.7 ms of validation.
    high_stop = bisect_left(_STOPS, share)
    low_stop = high_stop - 1
    fraction = (share - _STOPS[low_stop]) / (_STOPS[high_stop] - _STOPS[low_stop])
    colour = find_intermediate_color(_STOP_COLOURS[low_stop], _STOP_COLOURS[high_stop], fraction)
    return validate_colors([colour], colortype="rgb")[0]


def text_colour(fill: str) -> str:
    """Dark or light text, whichever reads better on the fill (relative luminance, WCAG)."""
    if fill.startswith("#"):
        red, green, blue = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    else:
        red, green, blue = (float(c) for c in unlabel_rgb(fill))

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    # Contrast with white is (1.05)/(L+0.05), with near-black (L+0.05)/0.06: equal near L = 0.2.
    return LIGHT_TEXT if luminance < 0.2 else DARK_TEXT


def wrap_name(name: str, *, width: int) -> str:
    """Break a short name into lines of at most `width` characters at spaces (a long word stays whole)."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def scale_layout(low: float, high: float, *, fitted: bool, lang: str, value_label: str | None = None) -> dict:
    """The score colour axis: what the values are (`value_label`, e.g. "Điểm trên 1.000"; the plain word
    when not given) and its range stated in the legend's title (and whether it fits the data)."""
    key = "map.scale_fitted" if fitted else "map.scale_fixed"
    numbers = {name: i18n.format_number(v, lang, decimals=0) for name, v in (("low", low), ("high", high))}
    title = f"{value_label or i18n.t('map.legend_score', lang)} ({i18n.t(key, lang, **numbers)})"
    return {
        "colorscale": SCORE_SCALE,
        "cmin": low,
        "cmax": high,
        # Below the map, across: beside it, it would take a third of a phone's width from the map.
        "colorbar": {
            "title": {"text": title, "side": "top"},
            "orientation": "h",
            "x": 0.5,
            "xanchor": "center",
            "y": -0.01,
            "yanchor": "top",
            "len": 0.6,
            "thickness": 12,
        },
    }


def frame_on(bbox: Sequence[float] | None) -> dict[str, Any]:
    """Frame the map on the layer's bounding box (west, south, east, north) when known: plotly's
    `fitbounds` leaves a wide margin, which shrinks 96 tiles below the size of their names."""
    if not bbox:
        return {"fitbounds": "locations"}
    west, south, east, north = bbox
    pad = 0.01 * max(east - west, north - south)
    return {"lonaxis": {"range": [west - pad, east + pad]}, "lataxis": {"range": [south - pad, north + pad]}}
