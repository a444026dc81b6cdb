"""Chart builders as plain dicts against the same figures built through plotly's graph objects.

The baseline, measured in this process, is what the builders did until now: the same figure built as a
`go.Figure` (every property validated on assignment), then turned into JSON as Dash does. Ours builds the
plain dict (figures/__init__.py) and turns it into JSON the same way. Both produce the same JSON (a unit
test checks it). Inputs: a profile-sized chart (2 series × 14 years, one method break), a compare-page
small-multiple grid (4 panels × 3 units) and an e-documents bar chart.

Usage: .venv/bin/python benchmarks/bench_figures.py [--calls 200]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from dash._utils import to_json

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common

from dashboard.figures import charts, compare

YEARS = list(range(2012, 2026))
LINES = pd.DataFrame(
    {
        "series": ["Score"] * len(YEARS) + ["Group median"] * len(YEARS),
        "year": YEARS * 2,
        "value": [50.0 + i for i in range(len(YEARS))] + [45.0 + i for i in range(len(YEARS))],
    }
)
MULTIPLES = pd.DataFrame(
    [
        {"series": unit, "panel": panel, "year": year, "value": 10.0 + n}
        for n, unit in enumerate(("Trà Bồng", "Sơn Tây", "Lý Sơn"))
        for panel in ("A", "B", "C", "D")
        for year in YEARS
    ]
)
BARS = pd.DataFrame(
    {
        "label": [f"Đơn vị số {n} với một tên khá dài" for n in range(12)],
        "value": [90.0 - n for n in range(12)],
        "text": [f"{90 - n} %" for n in range(12)],
    }
)
BUILDERS: dict[str, Callable[[], dict]] = {
    "profile score lines": lambda: charts.year_lines(
        LINES, lang="vi", title="Điểm", source_line="Nguồn", y_title="Điểm", breaks=[(2020, "DTI")]
    ),
    "compare small multiples": lambda: compare.small_multiples(
        MULTIPLES,
        lang="vi",
        source_line="Nguồn",
        panels=[(p, f"Chỉ số {p}", 25.0) for p in ("A", "B", "C", "D")],
    ),
    "e-documents bars": lambda: compare.labelled_bars(
        BARS, lang="vi", title="Văn bản điện tử", source_line="Nguồn", x_title="%"
    ),
}


def timed(call: Callable[[], object], *, calls: int) -> dict[str, float]:
    """p50, p95 and calls/s of `call` after one warm-up call."""
    call()
    durations = []
    started = time.perf_counter()
    for _ in range(calls):
        t0 = time.perf_counter()
        call()
        durations.append(time.perf_counter() - t0)
    return {**common.summary_ms(durations), "rps": calls / (time.perf_counter() - started)}


def main(argv: list[str] | None = None) -> int:
    """Print one row per builder: baseline, ours, ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args(argv)
    rows = []
    for name, build in BUILDERS.items():
        base = timed(lambda build=build: to_json(go.Figure(build())), calls=args.calls)
        ours = timed(lambda build=build: to_json(build()), calls=args.calls)
        rows.append(
            [
                name,
                base["p50"],
                ours["p50"],
                f"{base['p50'] / ours['p50']:.1f}×",
                f"{base['p95'] / ours['p95']:.1f}×",
                f"{ours['rps'] / base['rps']:.1f}×",
            ]
        )
    common.print_machine()
    print("baseline: the same figure built as a validated go.Figure, then serialised as Dash does")
    headers = ["figure", "go.Figure p50 ms", "plain dict p50 ms", "p50", "p95", "calls/s"]
    print(common.markdown_table(headers, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
