"""Colours and labels of the map: a colour scale fitted to the values in view, tile text that stays
readable on its fill, names wrapped to fit a tile. Pure. May import: nothing of ours."""

from __future__ import annotations

import math
from collections.abc import Iterable

from plotly.colors import sample_colorscale, unlabel_rgb

SCORE_SCALE = "Viridis"
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
    return sample_colorscale(SCORE_SCALE, [share])[0]


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
