"""Bounded loopback load: simulated users on gunicorn + the bench PostgreSQL database and Redis db.

Each user reads in one language (Vietnamese or English, at random) and opens the overview at a random view
(year, index, group) as the browser does (page, layout, dependencies, the page-content callback), moves to
three other random views (the overview callback, sending back the map state the previous answer gave),
opens a random unit's profile (its page-content callback), downloads the CSV of a random year and group,
with think time between steps, and starts over until the time is up. The views are every (year, index,
group) the bench database can show, in both languages (364 with the shipped data), so many requests are
the first of their kind: the report counts them and gives their latency apart ("first asks"). Halfway
through, an import lands a new data version (`python -m dashboard import
data/illustrative/qn_readiness_annex_2024.csv` against the bench database), after which every request is
new again to the server; no request may fail. Stops by itself after --seconds (plus requests in flight).

Usage: .venv/bin/python benchmarks/bench_load.py [--users 200] [--seconds 120]
Smoke: .venv/bin/python benchmarks/bench_load.py --users 20 --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
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
CSV_PATH = "/api/v1/observations.csv?year={year}&group={group}"
LANGS = ("vi", "en")


@dataclass
class Sample:
    """One request: when it ended (s since start), what, how long, and whether it failed."""

    at: float
    step: str
    seconds: float
    ok: bool
    detail: str = ""
    first: bool = False  # the first request of its kind since the run (or the import) began


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
    space = common.view_space()
    views, units = space["views"], space["units"]
    result = LoadResult()
    start = time.perf_counter()
    deadline = start + seconds
    rng = random.Random(seed)
    seen: set[bytes] = set()

    def pages_body(pathname: str, search: str) -> bytes:
        inputs = {"_pages_location.pathname": pathname, "_pages_location.search": search}
        return common.callback_payload(dependencies, common.PAGES_OUTPUT, inputs=inputs)

    async def step(client: common.AsyncClient, name: str, method: str, path: str, body: bytes = b"") -> bytes:
        headers = common.JSON_HEADERS if method == "POST" else None
        key = hashlib.blake2b(method.encode() + path.encode() + body, digest_size=16).digest()
        first = key not in seen
        seen.add(key)
        t0 = time.perf_counter()
        data = b""
        try:
            status, _, data = await asyncio.wait_for(client.request(method, path, body, headers), timeout=30)
            ok, detail = status == 200, "" if status == 200 else f"{status} {data[:120]!r}"
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            await client.close()
            ok, detail = False, f"{type(error).__name__}: {error}"
        now = time.perf_counter()
        result.samples.append(Sample(now - start, name, now - t0, ok, detail, first))
        return data if ok else b""

    async def user(number: int) -> None:
        client = common.AsyncClient(server.host, server.port)
        lang = rng.choice(LANGS)
        # Users arrive over the first few seconds, not all in the same millisecond.
        await asyncio.sleep(rng.uniform(0, min(5.0, seconds / 4)))
        try:
            while time.perf_counter() < deadline:
                year, index, group = rng.choice(views)
                search = f"?year={year}&index={index}&group={group}&lang={lang}"
                await step(client, "page /", "GET", "/" + search)
                await step(client, "layout", "GET", "/_dash-layout")
                await step(client, "dependencies", "GET", "/_dash-dependencies")
                await step(
                    client,
                    "page-content callback",
                    "POST",
                    "/_dash-update-component",
                    pages_body("/", search),
                )
                map_state = None
                for _ in range(3):
                    if time.perf_counter() >= deadline:
                        return
                    await asyncio.sleep(rng.uniform(*think))
                    year, index, group = rng.choice(views)
                    inputs = common.overview_inputs(
                        year, map_state=map_state, index=index, group=group, lang=lang
                    )
                    body = common.callback_payload(dependencies, common.OVERVIEW_OUTPUT, **inputs)
                    answer = await step(client, "overview callback", "POST", "/_dash-update-component", body)
                    if answer:
                        map_state = json.loads(answer)["response"].get("overview-map-state", {}).get("data")
                await asyncio.sleep(rng.uniform(*think))
                body = pages_body(f"/don-vi/{rng.choice(units)}", f"?lang={lang}")
                await step(client, "unit profile callback", "POST", "/_dash-update-component", body)
                await asyncio.sleep(rng.uniform(*think))
                year, _, group = rng.choice(views)
                await step(client, "CSV download", "GET", CSV_PATH.format(year=year, group=group))
                await asyncio.sleep(rng.uniform(*think))
        finally:
            await client.close()

    async def scheduled() -> None:
        for at, label, action in sorted(schedule, key=lambda item: item[0]):
            await asyncio.sleep(max(0.0, start + at - time.perf_counter()))
            result.events.append((time.perf_counter() - start, f"{label}: start"))
            await action()
            seen.clear()  # a new data version: every request is new to the server again
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
    lines.append("")
    first_rows = []
    for name in [*steps, "all"]:
        chosen = [s for s in result.samples if name in ("all", s.step)]
        firsts = [s.seconds for s in chosen if s.first]
        repeats = [s.seconds for s in chosen if not s.first]
        first_stats, repeat_stats = common.summary_ms(firsts), common.summary_ms(repeats)
        first_rows.append([name, len(firsts), first_stats["p50"], first_stats["p95"], len(repeats),
                           repeat_stats["p50"], repeat_stats["p95"]])  # fmt: skip
    lines.append(
        common.markdown_table(
            ["step", "first asks", "p50 ms", "p95 ms", "repeats", "p50 ms", "p95 ms"], first_rows
        )
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
    data_version = common.psql(
        "SELECT value FROM app_meta WHERE key = 'data_version'", database=common.BENCH_DATABASE
    )

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
    after = common.psql(
        "SELECT value FROM app_meta WHERE key = 'data_version'", database=common.BENCH_DATABASE
    )
    common.print_machine()
    print(
        f"gunicorn workers: {args.workers or 'config default'}; think time {args.think[0]}-{args.think[1]} s"
    )
    print("\n".join(report(result, users=args.users)))
    print(f"data version {data_version} -> {after}")
    return 1 if result.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
