"""Bounded loopback load: simulated users on gunicorn + PostgreSQL (`bench`) + Redis (db 5).

Each user opens the overview as the browser does (page, layout, dependencies, the page-content callback),
moves the year slider a few times (the overview callback), downloads the CSV, with think time between
steps, and starts over until the time is up. Halfway through, an import lands a new data version
(`python -m dashboard import data/illustrative/qn_readiness_annex_2024.csv` against the bench database);
no request may fail. Stops by itself after --seconds (plus the requests in flight).

Usage: .venv/bin/python benchmarks/bench_load.py [--users 200] [--seconds 120]
Smoke: .venv/bin/python benchmarks/bench_load.py --users 20 --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common

IMPORT_FILE = "data/illustrative/qn_readiness_annex_2024.csv"
CSV_PATH = "/api/v1/observations.csv?year={year}&group=district"
YEARS = (2020, 2021, 2022, 2023, 2024)


@dataclass
class Sample:
    """One request: when it ended (s since start), what, how long, and whether it failed."""

    at: float
    step: str
    seconds: float
    ok: bool
    detail: str = ""


@dataclass
class LoadResult:
    """Everything a run measured."""

    samples: list[Sample] = field(default_factory=list)
    events: list[tuple[float, str]] = field(default_factory=list)
    elapsed: float = 0.0

    def failures(self) -> list[Sample]:
        """Failed requests."""
        return [s for s in self.samples if not s.ok]


async def run_users(
    server: common.Server,
    *,
    users: int,
    seconds: float,
    think: tuple[float, float],
    schedule: list[tuple[float, str, Callable[[], Awaitable[None]]]] = (),
    seed: int = 7,
) -> LoadResult:
    """Run `users` simulated users for `seconds`; run each scheduled (at, label, action) on the way."""
    status, _, graph = common.request(server, "GET", "/_dash-dependencies")
    assert status == 200
    dependencies = json.loads(graph)
    page = common.callback_payload(
        dependencies,
        common.PAGES_OUTPUT,
        inputs={"_pages_location.pathname": "/", "_pages_location.search": ""},
    )
    first = common.callback_payload(
        dependencies, common.OVERVIEW_OUTPUT, **common.overview_inputs(2024, map_state=None)
    )
    map_state = json.loads(
        common.request(server, "POST", "/_dash-update-component", first, common.JSON_HEADERS)[2]
    )["response"]["overview-map-state"]["data"]
    year_change = {
        year: common.callback_payload(
            dependencies, common.OVERVIEW_OUTPUT, **common.overview_inputs(year, map_state=map_state)
        )
        for year in YEARS
    }
    result = LoadResult()
    start = time.perf_counter()
    deadline = start + seconds
    rng = random.Random(seed)

    async def step(client: common.AsyncClient, name: str, method: str, path: str, body: bytes = b"") -> None:
        headers = common.JSON_HEADERS if method == "POST" else None
        t0 = time.perf_counter()
        try:
            status, _, data = await asyncio.wait_for(client.request(method, path, body, headers), timeout=30)
            ok, detail = status == 200, "" if status == 200 else f"{status} {data[:120]!r}"
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            await client.close()
            ok, detail = False, f"{type(error).__name__}: {error}"
        now = time.perf_counter()
        result.samples.append(Sample(now - start, name, now - t0, ok, detail))

    async def user(number: int) -> None:
        client = common.AsyncClient(server.host, server.port)
        # Users arrive over the first few seconds, not all in the same millisecond.
        await asyncio.sleep(rng.uniform(0, min(5.0, seconds / 4)))
        try:
            while time.perf_counter() < deadline:
                await step(client, "page /", "GET", "/")
                await step(client, "layout", "GET", "/_dash-layout")
                await step(client, "dependencies", "GET", "/_dash-dependencies")
                await step(client, "page-content callback", "POST", "/_dash-update-component", page)
                for _ in range(3):
                    if time.perf_counter() >= deadline:
                        return
                    await asyncio.sleep(rng.uniform(*think))
                    body = year_change[rng.choice(YEARS)]
                    await step(client, "overview callback", "POST", "/_dash-update-component", body)
                await asyncio.sleep(rng.uniform(*think))
                await step(client, "CSV download", "GET", CSV_PATH.format(year=rng.choice(YEARS)))
                await asyncio.sleep(rng.uniform(*think))
        finally:
            await client.close()

    async def scheduled() -> None:
        for at, label, action in sorted(schedule, key=lambda item: item[0]):
            await asyncio.sleep(max(0.0, start + at - time.perf_counter()))
            result.events.append((time.perf_counter() - start, f"{label}: start"))
            await action()
            result.events.append((time.perf_counter() - start, f"{label}: done"))

    await asyncio.gather(scheduled(), *(user(n) for n in range(users)))
    result.elapsed = time.perf_counter() - start
    return result


async def run_command(args: list[str], env: dict[str, str]) -> int:
    """Run a command without blocking the users; its exit code."""
    process = await asyncio.create_subprocess_exec(
        *args, env=env, cwd=common.REPO, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
    )
    _, stderr = await process.communicate()
    if process.returncode:
        print(f"{' '.join(args)} failed: {stderr.decode()[-500:]}", file=sys.stderr)
    return process.returncode or 0


def report(result: LoadResult, *, users: int) -> list[str]:
    """Markdown lines: per-step latency and errors, totals."""
    lines = []
    rows = []
    steps = sorted({s.step for s in result.samples})
    for name in [*steps, "all"]:
        chosen = [s for s in result.samples if name in ("all", s.step)]
        stats = common.summary_ms([s.seconds for s in chosen])
        rows.append([name, len(chosen), len([s for s in chosen if not s.ok]), stats["p50"], stats["p95"],
                     stats["p99"], stats["max"]])  # fmt: skip
    lines.append(
        common.markdown_table(["step", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms"], rows)
    )
    total = len(result.samples)
    lines.append("")
    lines.append(
        f"{users} users, {result.elapsed:.0f} s: {total} requests ({total / result.elapsed:.1f}/s), "
        f"{len(result.failures())} errors"
    )
    for at, label in result.events:
        lines.append(f"- t={at:.1f} s {label}")
    for failure in result.failures()[:10]:
        lines.append(f"- failed at t={failure.at:.1f} s {failure.step}: {failure.detail}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the scenario with an import halfway and print the report; exit 1 on any failed request."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 5.0), metavar=("MIN", "MAX"))
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: config)")
    args = parser.parse_args(argv)
    common.ensure_bench_database()
    env = common.bench_env()
    data_version = common.psql("SELECT value FROM app_meta WHERE key = 'data_version'", database="bench")

    async def import_new_version() -> None:
        await run_command([common.PYTHON, "-m", "dashboard", "import", IMPORT_FILE], env)

    with common.gunicorn(env, workers=args.workers) as server:
        result = asyncio.run(
            run_users(
                server,
                users=args.users,
                seconds=args.seconds,
                think=tuple(args.think),
                schedule=[(args.seconds / 2, "import", import_new_version)],
            )
        )
    after = common.psql("SELECT value FROM app_meta WHERE key = 'data_version'", database="bench")
    common.print_machine()
    print(
        f"gunicorn workers: {args.workers or 'config default'}; think time {args.think[0]}-{args.think[1]} s"
    )
    print("\n".join(report(result, users=args.users)))
    print(f"data version {data_version} -> {after}")
    return 1 if result.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
