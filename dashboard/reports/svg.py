"""Inline SVG for print: sub-index bars against the group median, a locator map, a score map.

Pure: view rows and projected shapes in, markup out (every text escaped). Inline SVG prints sharp in a
browser and in the PDF, needs no script, and fetches nothing. May import: figures.map_scale.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from dashboard.figures.map_scale import score_colour, text_colour

UNIT_COLOUR = "#1f4e79"
MEDIAN_COLOUR = "#c0392b"
TRACK_COLOUR = "#e6e9ef"
OTHER_FILL = "#d5d9e0"
FONT = "DejaVu Sans, Arial, sans-serif"


@dataclass(frozen=True)
class Bar:
    """One sub-index: its name, the unit's value, the group's median, the maximum, and the worded line."""

    label: str
    value: float | None
    median: float | None
    maximum: float
    text: str


@dataclass(frozen=True)
class Shapes:
    """A map layer projected to SVG user units: path data and label point per unit code."""

    width: float
    height: float
    paths: Mapping[str, str]
    labels: Mapping[str, tuple[float, float, str]]


def _share(value: float | None, maximum: float) -> float:
    return 0.0 if value is None or maximum <= 0 else min(max(value / maximum, 0.0), 1.0)


def bars(rows: Sequence[Bar], *, title: str) -> Markup:
    """One row per sub-index: its name and worded values above a bar of the unit's value as a share of
    the maximum, with the group's median as a red tick. Sizes are attributes, not CSS, so a browser and
    the PDF renderer draw the same."""
    width, row_h = 440.0, 31.0
    height = row_h * len(rows) + 2
    parts = [
        f'<svg class="bars" viewBox="0 0 {width:g} {height:g}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="{FONT}">'
    ]
    for index, row in enumerate(rows):
        y = index * row_h + 1
        value_w = width * _share(row.value, row.maximum)
        tick = min(max(width * _share(row.median, row.maximum), 1.2), width - 1.2)
        parts += [
            f'<text x="0" y="{y + 10:g}" font-size="10.5" fill="#1a1a1a">{escape(row.label)}</text>',
            f'<text x="{width:g}" y="{y + 10:g}" font-size="9.5" fill="#333" text-anchor="end">'
            f"{escape(row.text)}</text>",
            f'<rect x="0" y="{y + 14:g}" width="{width:g}" height="11" fill="{TRACK_COLOUR}"/>',
            f'<rect x="0" y="{y + 14:g}" width="{value_w:.1f}" height="11" fill="{UNIT_COLOUR}"/>',
        ]
        if row.median is not None:
            parts.append(
                f'<rect x="{tick - 1.2:.1f}" y="{y + 11:g}" width="2.4" height="17" fill="{MEDIAN_COLOUR}"/>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def locator(shapes: Shapes, code: str, *, title: str) -> Markup:
    """Every unit in grey and this one in the card's colour, named beside its label point."""
    parts = [_open(shapes, title, "locator")]
    for other, path in shapes.paths.items():
        if other != code:
            parts.append(f'<path d="{path}" fill="{OTHER_FILL}" stroke="#fff" stroke-width="0.6"/>')
    if code in shapes.paths:
        parts.append(f'<path d="{shapes.paths[code]}" fill="{UNIT_COLOUR}" stroke="#000" stroke-width="1"/>')
    if code in shapes.labels:
        x, y, name = shapes.labels[code]
        anchor = "end" if x > shapes.width * 0.6 else "start"
        dx = -9 if anchor == "end" else 9
        parts.append(
            f'<text x="{x + dx:.1f}" y="{y + 5:.1f}" text-anchor="{anchor}" font-size="15" '
            'font-weight="bold" '
            f'stroke="#fff" stroke-width="3" paint-order="stroke">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def score_map(
    shapes: Shapes,
    values: Mapping[str, float],
    ranks: Mapping[str, str],
    *,
    span: tuple[float, float],
    title: str,
) -> Markup:
    """Every unit coloured by its score on the site's scale, its rank written inside it."""
    parts = [_open(shapes, title, "score-map")]
    for code, path in shapes.paths.items():
        fill = score_colour(values[code], span) if code in values else OTHER_FILL
        parts.append(f'<path d="{path}" fill="{fill}" stroke="#fff" stroke-width="0.6"/>')
    for code, (x, y, _name) in shapes.labels.items():
        if code in ranks:
            fill = score_colour(values[code], span) if code in values else OTHER_FILL
            parts.append(
                f'<text x="{x:.1f}" y="{y + 3:.1f}" text-anchor="middle" font-size="8" '
                f'fill="{text_colour(fill)}">{escape(ranks[code])}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def scale_bar(span: tuple[float, float], *, steps: int = 24) -> Markup:
    """The colour scale of `score_map` as a strip from low to high."""
    low, high = span
    step_w = 200 / steps
    cells = "".join(
        f'<rect x="{i * step_w:.2f}" y="0" width="{step_w + 0.1:.2f}" height="10" '
        f'fill="{score_colour(low + (high - low) * (i + 0.5) / steps, span)}"/>'
        for i in range(steps)
    )
    return Markup(f'<svg class="scale" viewBox="0 0 200 10" xmlns="http://www.w3.org/2000/svg">{cells}</svg>')


def _open(shapes: Shapes, title: str, css: str) -> str:
    return (
        f'<svg class="{css}" viewBox="-4 -4 {shapes.width + 8:.1f} {shapes.height + 8:.1f}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" font-family="{FONT}">'
    )
