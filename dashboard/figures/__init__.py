"""Pure figure builders: (frame, *, lang, ...) -> figure. No I/O, no Dash, no database.

May import: i18n, domain. Must not import: db, queries, ingest, geo, views, pages, dash (import-linter
checks).

The pattern (charts.py, compare.py, map.py): a builder returns a plain figure dict, `{"data": [...], "layout":
{...}}`, every trace with its "type". dcc.Graph takes it as is and Dash serialises it like any JSON.
`plotly.graph_objects` validates every property on every assignment: a profile's two-series line chart
cost 9-20 ms through `go.Figure`, 0.5-0.7 ms as a dict, serialisation included (`bench_figures.py`). The
validation runs once instead, in the tests:
`tests/pure/figures/test_figures.py` passes every builder's output through `go.Figure(...)` (which raises on
any unknown property or bad value) and requires plotly to give back exactly the same dict. The look
comes from `TEMPLATE`, plotly's default template turned into a dict once at import, so a plain figure
draws exactly as the `go.Figure` it replaced. Values must be plain Python (lists, float, int, str,
None for missing): convert pandas columns with `plain()`. A new builder builds its traces as dicts with
"type", puts `TEMPLATE` (or, as the map does, `map.NO_TEMPLATE`) in the layout, writes named colour
scales as the list go.Figure resolves them to (`map_scale.SCORE_SCALE`), and joins that test.

Names from the data (units, indicators, methods) show literally: builders pass every name they place
(series, labels, hover, annotations) through `text.plotly_text`; a `title` is the caller's and may hold
our markup (`<br>`, `<sup>`), so a caller escapes the names it writes into one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

import plotly.io as pio

Figure = dict[str, Any]  # {"data": [trace dicts], "layout": layout dict}

# plotly.py puts its default template into every go.Figure; a plain figure carries the same one.
TEMPLATE: dict[str, Any] = pio.templates["plotly"].to_plotly_json()


def plain(values: Iterable[object]) -> list[object]:
    """Values as plain Python for a trace: numpy scalars unwrapped, NaN as None (a gap, never zero)."""
    result: list[object] = []
    for value in values:
        if hasattr(value, "item"):  # numpy scalar
            value = value.item()
        if isinstance(value, float) and math.isnan(value):
            value = None
        result.append(value)
    return result


_BREAKABLE = re.compile(r"[^\S\u00a0]+")  # any white space but the no-break space


def wrap(text: str, *, width: int) -> str:
    """Break a label into lines of at most `width` characters (plotly does not wrap); never at a
    no-break space."""
    lines: list[str] = []
    for word in filter(None, _BREAKABLE.split(text)):
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)
