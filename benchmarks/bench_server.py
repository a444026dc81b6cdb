"""gunicorn on both cores: the cached overview callback and the CSV API against a static file of equal size.

The static files are served by the same gunicorn and Flask app (same headers hook, same workers) from a
route that exists only in this benchmark's WSGI wrapper (`bench_server:wsgi_app()`), so the ratio
isolates what our code costs per request. Runs against the bench PostgreSQL database and Redis db.
The load generator (asyncio, keep-alive) shares the two cores with the server, as on any one-box test.

Usage: .venv/bin/python benchmarks/bench_server.py [--seconds 10] [--connections 8] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common

STATIC_ROUTE = "/_bench-static/<name>"
CSV_PATH = "/api/v1/observations.csv?year=2024&group=district"


def wsgi_app():
    """The real app plus a static route serving BENCH_STATIC_DIR (only for this benchmark)."""
    import flask

    from dashboard import create_app

    server = create_app().server
    directory = os.environ["BENCH_STATIC_DIR"]

    def static_file(name: str) -> flask.Response:
        return flask.send_from_directory(directory, name, max_age=0)

    server.add_url_rule(STATIC_ROUTE, endpoint="bench_static", view_func=static_file)
    return server


async def run_load(
    server: common.Server,
    method: str,
    path: str,
    *,
    body: bytes | Callable[[], bytes] = b"",
    headers: dict[str, str] | None = None,
    connections: int,
    seconds: float,
) -> dict[str, float]:
    """Hammer one request from `connections` keep-alive connections for `seconds`; stats and req/s."""
    durations: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        client = common.AsyncClient(server.host, server.port)
        try:
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                payload = body() if callable(body) else body
                status, _, _ = await client.request(method, path, payload, headers)
                durations.append(time.perf_counter() - t0)
                if status != 200:
                    errors += 1
        finally:
            await client.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - started
    return {**common.summary_ms(durations), "rps": len(durations) / elapsed, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    """Print sizes, latency and throughput for each route against its equal-size static file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10, help="per throughput scenario")
    parser.add_argument("--connections", type=int, default=8, help="concurrent keep-alive connections")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: config)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="loaded runs of every route, interleaved (medians reported)"
    )
    args = parser.parse_args(argv)
    common.ensure_bench_database()
    static_dir = Path(tempfile.mkdtemp(prefix="qnbench-static-"))
    env = common.bench_env(BENCH_STATIC_DIR=str(static_dir))
    env["PYTHONPATH"] = f"{common.REPO}{os.pathsep}{Path(__file__).resolve().parent}"
    with common.gunicorn(env, app="bench_server:wsgi_app()", workers=args.workers) as server:
        graph = common.request(server, "GET", "/_dash-dependencies")[2]
        import json

        dependencies = json.loads(graph)
        full = common.callback_payload(
            dependencies, common.OVERVIEW_OUTPUT, **common.overview_inputs(2024, map_state=None)
        )
        status, _, data = common.request(server, "POST", "/_dash-update-component", full, common.JSON_HEADERS)
        assert status == 200, data[:500]
        map_state = json.loads(data)["response"]["overview-map-state"]["data"]
        patch = common.callback_payload(
            dependencies, common.OVERVIEW_OUTPUT, **common.overview_inputs(2023, map_state=map_state)
        )
        page = common.callback_payload(
            dependencies,
            common.PAGES_OUTPUT,
            inputs={"_pages_location.pathname": "/", "_pages_location.search": ""},
        )
        sizes = {
            "/_dash-layout": common.request(server, "GET", "/_dash-layout")[2],
            "/_dash-dependencies": graph,
            "page-content callback (/)": common.request(
                server, "POST", "/_dash-update-component", page, common.JSON_HEADERS
            )[2],
            "overview callback, full figure": data,
            "overview callback, year change": common.request(
                server, "POST", "/_dash-update-component", patch, common.JSON_HEADERS
            )[2],
            "CSV API (district, 2024)": common.request(server, "GET", CSV_PATH)[2],
        }
        (static_dir / "callback.json").write_bytes(b"x" * len(sizes["overview callback, year change"]))
        (static_dir / "export.csv").write_bytes(b"x" * len(sizes["CSV API (district, 2024)"]))

        nonces = itertools.count()
        scenarios = [
            ("static, callback size", "GET", "/_bench-static/callback.json", b"", None),
            (
                "overview callback (cached data)",
                "POST",
                "/_dash-update-component",
                patch,
                common.JSON_HEADERS,
            ),
            ("page-content callback (/)", "POST", "/_dash-update-component", page, common.JSON_HEADERS),
            # Every request a view never seen before (a nonce in the map state): rendered and serialised
            # each time, with the queries answered from the shared cache. Not compared with static.
            (
                "overview callback, new view each time",
                "POST",
                "/_dash-update-component",
                lambda: common.callback_payload(
                    dependencies,
                    common.OVERVIEW_OUTPUT,
                    **common.overview_inputs(2023, map_state={**map_state, "nonce": next(nonces)}),
                ),
                common.JSON_HEADERS,
            ),
            ("static, CSV size", "GET", "/_bench-static/export.csv", b"", None),
            ("CSV API", "GET", CSV_PATH, b"", None),
        ]
        # The load generator shares the two cores, so one run of a route swings by ±30 %: every route runs
        # in each round, and ratios are taken within a round, where the machine was in the same state.
        latencies = {
            name: asyncio.run(
                run_load(
                    server, method, path, body=body, headers=headers, connections=1, seconds=args.seconds / 2
                )
            )
            for name, method, path, body, headers in scenarios
        }
        rounds: list[dict[str, dict[str, float]]] = []
        for _ in range(args.rounds):
            rounds.append(
                {
                    name: asyncio.run(
                        run_load(
                            server, method, path, body=body, headers=headers, connections=args.connections,
                            seconds=args.seconds,
                        )
                    )
                    for name, method, path, body, headers in scenarios
                }
            )  # fmt: skip

    common.print_machine()
    print(f"gunicorn workers: {args.workers or 'config default'}; load: {args.connections} connections")
    print()
    print(common.markdown_table(["response", "bytes"], [[k, len(v)] for k, v in sizes.items()]))
    print()

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    rows = []
    for name, latency in latencies.items():
        loads = [run[name] for run in rounds]
        rps = median([load["rps"] for load in loads])
        rows.append(
            [name, latency["p50"], latency["p95"], median([load["p50"] for load in loads]),
             median([load["p95"] for load in loads]), rps, rps / 2,
             int(latency["errors"] + sum(load["errors"] for load in loads))]
        )  # fmt: skip
    print(f"{args.rounds} loaded rounds of {args.seconds:g} s per route; loaded figures are medians")
    print(
        common.markdown_table(
            ["route", "p50 ms (1 conn)", "p95 ms (1 conn)", "p50 ms (loaded)", "p95 ms (loaded)", "req/s",
             "req/s per core", "errors"],
            rows,
        )
    )  # fmt: skip
    print()
    for route, static in (
        ("overview callback (cached data)", "static, callback size"),
        ("page-content callback (/)", "static, callback size"),
        ("CSV API", "static, CSV size"),
    ):
        ratios = sorted(run[route]["rps"] / run[static]["rps"] for run in rounds)
        spread = ", ".join(f"{r:.2f}" for r in ratios)
        print(f"{route}: {median(ratios):.2f}× the static throughput (rounds: {spread}; aim ≥ 0.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
