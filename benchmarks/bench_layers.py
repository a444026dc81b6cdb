"""What each cache layer saves on the overview callback: the same request with one more layer cold each row.

In one process, against the bench PostgreSQL database, the in-process query cache and the Flask test
client (like bench_overview). The overview's three default views (2022-2024) are asked for in turn:
1. every layer warm: the response memo (web/rendered.py) answers;
2. the response memo skipped (the request carries If-None-Match, which the memo leaves to the view):
   the answer is rendered from the data memoized per data version (`queries.per_data_version`: every
   view's rankings in assemble/all_rankings.py, resolved views, options); since issue 16 no page keeps a
   rendered answer of its own, so this is also what a view never seen before costs;
3. every per-data-version memo emptied before each call too: all rankings recomputed from memoized
   queries (what the first request after an import costs);
4. the query cache emptied too: what a view costs when nothing is memoized at all.
It also times reading the data version, which every layer's key carries: from PostgreSQL (a query per
request) and from the LISTEN/NOTIFY watcher (db/versions.py). The baseline of each row is the row below
it, in the same run.

Usage: .venv/bin/python benchmarks/bench_layers.py [--calls 100]
"""

from __future__ import annotations

import argparse
import inspect
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common

YEARS = (2022, 2023, 2024)


def per_view_memos() -> list[Callable]:
    """Every function memoized by `queries.per_data_version` in the loaded dashboard modules."""
    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("dashboard."):
            continue
        for value in vars(module).values():
            # per_data_version wrappers are plain functions with cache_clear (lru_caches have cache_info).
            memoized = inspect.isfunction(value) and hasattr(value, "cache_clear")
            if memoized and not hasattr(value, "cache_info"):
                found.append(value)
    return list({id(f): f for f in found}.values())


def timed(call: Callable[[int], object], *, calls: int) -> dict[str, float]:
    """Latency stats and calls/s of `call(year)`, years in turn, after one warm-up call per year."""
    for year in YEARS:
        call(year)
    durations = []
    started = time.perf_counter()
    for n in range(calls):
        t0 = time.perf_counter()
        call(YEARS[n % len(YEARS)])
        durations.append(time.perf_counter() - t0)
    return {**common.summary_ms(durations), "rps": calls / (time.perf_counter() - started)}


def main(argv: list[str] | None = None) -> int:
    """Print one row per layer."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=100)
    args = parser.parse_args(argv)
    common.ensure_bench_database()
    os.environ.update({k: v for k, v in common.bench_env(redis=False).items() if k != "PYTHONPATH"})
    os.environ.pop("CACHE_REDIS_URL", None)

    from dashboard import create_app, queries
    from dashboard.cache import cache
    from dashboard.db import versions

    app = create_app()
    client = app.server.test_client()
    graph = client.get("/_dash-dependencies").get_json()
    memos = per_view_memos()

    def call(year: int, *, skip_memo: bool = False, clear_views: bool = False, clear_queries: bool = False):
        if clear_queries:
            with app.server.app_context():
                cache.clear()
        if clear_views:
            for memo in memos:
                memo.cache_clear()
        body = common.callback_payload(
            graph, common.OVERVIEW_OUTPUT, **common.overview_inputs(year, map_state=None)
        )
        headers = {"If-None-Match": '"bench"'} if skip_memo else {}
        response = client.post(
            "/_dash-update-component", data=body, content_type="application/json", headers=headers
        )
        assert response.status_code == 200, response.status_code
        return response

    rows = {
        "1. response memo hit": timed(call, calls=args.calls),
        "2. rendered from data memos": timed(lambda y: call(y, skip_memo=True), calls=args.calls),
        "3. data memos emptied": timed(lambda y: call(y, skip_memo=True, clear_views=True), calls=args.calls),
        "4. nothing memoized": timed(
            lambda y: call(y, skip_memo=True, clear_views=True, clear_queries=True), calls=args.calls
        ),
    }

    def in_request(read: Callable[[], object]) -> Callable[[int], object]:
        def run(_year: int) -> object:
            with app.server.test_request_context("/"):  # the version is read once per request
                return read()

        return run

    version_reads = {
        "request context only (no read)": timed(in_request(lambda: None), calls=args.calls),
        "data version from PostgreSQL": timed(in_request(queries.data_version), calls=args.calls),
        "data version from the watcher": timed(
            in_request(lambda: versions.watch.current(queries.engine()) or queries.data_version()),
            calls=args.calls,
        ),
    }
    common.print_machine()
    print(f"per-data-version memos emptied in rows 3-4: {len(memos)}")
    table = []
    names = list(rows)
    for index, name in enumerate(names):
        r = rows[name]
        below = rows[names[index + 1]] if index + 1 < len(names) else None
        saving = f"{below['p50'] / r['p50']:.1f}×" if below else "–"
        table.append([name, r["p50"], r["p95"], r["rps"], saving])
    print(common.markdown_table(["overview callback", "p50 ms", "p95 ms", "req/s", "p50 vs next row"], table))
    print()
    print(
        common.markdown_table(
            ["read", "p50 ms", "p95 ms"], [[n, r["p50"], r["p95"]] for n, r in version_reads.items()]
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
