"""Memory held by the memo of rendered views (`queries.per_data_version`) with and without its byte budget.

In one process, against a temporary SQLite database built from data/ (the memo does not depend on the
database): every overview and rankings view (year × index × group) and every unit profile, in both
languages, is rendered three times over: with a budget of 0 (the memo holds nothing; everything else warms
up), with the budget (`--budget-mb`, the default of VIEW_CACHE_MB), and with the budget lifted, which is
what the entry caps alone allowed (issue 15: 450 requests grew each worker from 200 to 425 MB, for good).
Rows: the estimated bytes the memo holds, its entries, the process's resident memory after the phase and
that memory above the first phase's, i.e. what the memo costs; the baseline is the unbounded phase of the
same run. Phases only grow the memo (Python keeps freed memory for reuse, so shrinking it would not show).

Usage: .venv/bin/python benchmarks/bench_view_memo.py [--budget-mb 32]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc), in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(argv: list[str] | None = None) -> int:
    """Print one row per phase."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget-mb", type=float, default=16)
    args = parser.parse_args(argv)
    instance = Path(tempfile.mkdtemp(prefix="bench-view-memo-"))
    os.environ.pop("CACHE_REDIS_URL", None)
    os.environ.update(
        DASHBOARD_INSTANCE_DIR=str(instance),
        DATABASE_URL=f"sqlite:///{instance / 'bench.sqlite3'}",
        VIEW_CACHE_MB=str(args.budget_mb),
        RATE_LIMIT="off",
    )

    from dashboard import create_app, queries
    from dashboard.assemble import ranking
    from dashboard.views import analysis

    app = create_app()
    from dashboard.pages import home, rankings, unit  # registered by the app (Dash Pages)

    with app.server.test_request_context("/"):
        years, groups = ranking.years_and_groups()
        indicators = queries.indicators()
        views = []
        for year in years:
            total = analysis.total_for_year(indicators, year)
            if total is not None:
                codes = [total["code"], *analysis.sub_indicators(indicators, total["code"])["code"]]
                views += [(str(year), code, group) for group in groups[year] for code in codes]
        codes = list(queries.units()["code"])
    renders: list[Callable[[str], object]] = [
        *(lambda lang, v=v: home.layout(lang=lang, year=v[0], index=v[1], group=v[2]) for v in views),
        *(lambda lang, v=v: rankings.layout(lang=lang, year=v[0], index=v[1], group=v[2]) for v in views),
        *(lambda lang, c=c: unit.layout(code=c, lang=lang) for c in codes),
    ]

    def phase(budget: int) -> dict[str, float]:
        queries._views.budget = budget
        gc.collect()
        started = time.perf_counter()
        for lang in ("vi", "en"):
            for render in renders:
                with app.server.test_request_context(f"/?lang={lang}"):
                    render(lang)
        gc.collect()
        return {
            "held MB": queries._views.size / 2**20,
            "entries": len(queries._views),
            "RSS MB": rss_mb(),
            "s": time.perf_counter() - started,
        }

    with app.server.test_request_context("/"):
        home.layout(lang="vi")
    queries._views.clear()
    start = rss_mb()
    # Budget 0 holds nothing: this phase warms everything else (query cache, figures, allocator).
    phases = {
        "nothing held (budget 0)": phase(0),
        f"budget {args.budget_mb:g} MB": phase(int(args.budget_mb * 2**20)),
        "no byte budget (entry caps only)": phase(1 << 40),  # as before: maxsize per function only
    }
    floor = phases["nothing held (budget 0)"]["RSS MB"]
    common.print_machine()
    print(f"views rendered per phase: {2 * len(renders)} ({len(views)} overview views, {len(codes)} units)")
    print(f"RSS after start-up and one page: {start:.1f} MB")
    rows = [[name, *row.values(), row["RSS MB"] - floor] for name, row in phases.items()]
    print(common.markdown_table(["memo", "held MB", "entries", "RSS MB", "s", "RSS above budget 0"], rows))
    bounded, unbounded = list(phases.values())[1:]
    print(
        f"\nheld with the budget / without: {bounded['held MB'] / unbounded['held MB']:.2f}; resident memory "
        f"above the no-memo phase, with / without: "
        f"{(bounded['RSS MB'] - floor) / max(unbounded['RSS MB'] - floor, 0.1):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
