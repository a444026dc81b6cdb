"""Abuse through nginx: 20 clients sending cache-missing heavy requests while one visitor browses.

The production recipe (`deploy/start.sh`: nginx in front of gunicorn, limits counted in Redis) on
loopback ports. Each attacker has its own source address (127.0.0.11-30; all of 127/8 is loopback on
Linux), as distinct clients behind nginx would, and sends back to back, for --seconds: the compare
callback with 6 units in a random order (a new answer every time) or an XLSX download with random
filters. The visitor (127.0.0.200) repeats what a reader does on a page already seen: the rankings
page, its page-content callback and the overview callback for a year (all cached once warm). The
visitor's p50/p95 are measured alone first, then under attack, in the same run. Before that, 50 slow
clients (slowloris) hold connections straight to gunicorn, then through nginx, while /health is asked
once a second. Stops by itself.

Usage: .venv/bin/python benchmarks/bench_abuse.py [--seconds 60] [--attackers 20]
       [--database-url postgresql://postgres@127.0.0.1:5432/bench] [--redis-url redis://127.0.0.1:6379/5]
Smoke: .venv/bin/python benchmarks/bench_abuse.py --seconds 10 --attackers 4 --baseline 5
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common

DISTRICTS = ["522", "524", "525", "527", "528", "529", "530", "531", "532", "533", "534", "535", "536"]
YEARS = list(range(2012, 2026))
VISITOR_ADDRESS = "127.0.0.200"


@dataclass
class Phase:
    """What one phase measured: the visitor's latencies and failures, the attackers' answers."""

    visitor: list[float] = field(default_factory=list)
    visitor_failures: list[str] = field(default_factory=list)
    attack: Counter = field(default_factory=Counter)
    attack_errors: list[str] = field(default_factory=list)


class SourcedClient(common.AsyncClient):
    """A keep-alive client whose connections come from a given loopback address."""

    def __init__(self, server: common.Server, source: str) -> None:
        super().__init__(server.host, server.port, tls=server.tls)
        self.source = source

    async def request(self, method, path, body=b"", headers=None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(
                self.host, self.port, local_addr=(self.source, 0), ssl=self.tls
            )
        return await super().request(method, path, body, headers)


def _loopback_port() -> int:
    """A free port in 18000-18999 (the range this project's servers use on shared machines)."""
    for port in random.sample(range(18000, 19000), 1000):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 18000-18999")


@contextmanager
def behind_nginx(env: dict[str, str]) -> Iterator[common.Server]:
    """deploy/start.sh on free loopback ports (HTTPS with its self-signed certificate, plain HTTP that
    redirects, gunicorn); stopped (process group) on exit."""
    run = Path(tempfile.mkdtemp(prefix="qnbench-nginx-"))
    nginx_port, tls_port, app_port = _loopback_port(), _loopback_port(), _loopback_port()
    env = {
        **env,
        "LISTEN": f"127.0.0.1:{nginx_port}",
        "LISTEN_TLS": f"127.0.0.1:{tls_port}",
        "UPSTREAM": f"127.0.0.1:{app_port}",
        "NGINX_RUN_DIR": str(run),
        "PYTHON": common.PYTHON,
    }
    log = run / "start.log"
    process = subprocess.Popen(
        ["bash", str(common.REPO / "deploy" / "start.sh")],
        env=env,
        cwd=common.REPO,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        certificate = run / "self-signed.crt"
        while not certificate.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"no certificate: {log.read_text()[-2000:]}")
            time.sleep(0.2)
        time.sleep(0.5)  # complete once openssl has exited
        tls = ssl.create_default_context(cafile=str(certificate))
        server = common.Server("127.0.0.1", tls_port, process, log, tls=tls)
        server.upstream_port = app_port  # gunicorn itself, for the slow-client comparison
        server.http_port = nginx_port  # nginx's plain HTTP (it reads whole headers, then redirects)
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"deploy/start.sh exited: {log.read_text()[-2000:]}")
            try:
                if common.request(server, "GET", "/health", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing answered: {log.read_text()[-2000:]}")
            time.sleep(0.3)
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        shutil.rmtree(run, ignore_errors=True)


def slow_clients(
    port: int, probe: common.Server, *, connections: int = 50, rounds: int = 6
) -> tuple[int, int]:
    """Slowloris on a port: `connections` clients each send one more header line per second, never the
    blank line that ends the headers; meanwhile `probe`'s /health is asked once per second (3 s
    timeout). Answered probes and probes in all."""
    slow: list[socket.socket] = []
    answered = 0
    try:
        for n in range(connections):
            client = socket.create_connection(("127.0.0.1", port), timeout=5)
            client.sendall(f"GET /xep-hang?slow={n} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode())
            slow.append(client)
        for second in range(rounds):
            for client in slow:
                with contextlib.suppress(OSError):  # a server may drop a slow client: fine
                    client.sendall(f"X-Slow-{second}: a\r\n".encode())
            with contextlib.suppress(OSError):  # no answer in 3 s: not answered
                answered += common.request(probe, "GET", "/health", timeout=3)[0] == 200
            time.sleep(1)
    finally:
        for client in slow:
            client.close()
    return answered, rounds


def _visitor_requests(dependencies: list[dict]) -> list[tuple[str, str, str, bytes]]:
    rankings = common.callback_payload(
        dependencies,
        common.PAGES_OUTPUT,
        inputs={"_pages_location.pathname": "/xep-hang", "_pages_location.search": "?year=2022"},
    )
    overview = common.callback_payload(
        dependencies, common.OVERVIEW_OUTPUT, **common.overview_inputs(2022, map_state=None)
    )
    return [
        ("rankings page", "GET", "/xep-hang?year=2022", b""),
        ("page-content callback", "POST", "/_dash-update-component", rankings),
        ("overview callback", "POST", "/_dash-update-component", overview),
    ]


def _compare_body(dependencies: list[dict], rng: random.Random) -> bytes:
    units = rng.sample(DISTRICTS, 6)  # a random order of six: a cache miss every time
    return common.callback_payload(
        dependencies,
        "compare-results.children",
        inputs={
            "compare-group.value": "district",
            "compare-units.value": units,
            "compare-index.value": "total",
        },
        state={"compare-lang.data": "vi"},
    )


def _xlsx_path(rng: random.Random) -> str:
    years = ",".join(str(y) for y in rng.sample(YEARS, rng.randint(1, 6)))
    units = ",".join(rng.sample(DISTRICTS, rng.randint(1, 8)))
    return f"/api/v1/observations.xlsx?year={years}&units={units}&sub={rng.randint(0, 1)}"


async def _visit(server, requests, phase: Phase, until: float, think: float) -> None:
    client = SourcedClient(server, VISITOR_ADDRESS)
    try:
        while time.perf_counter() < until:
            for name, method, path, body in requests:
                headers = common.JSON_HEADERS if method == "POST" else None
                started = time.perf_counter()
                try:
                    status, _, data = await asyncio.wait_for(client.request(method, path, body, headers), 30)
                    if status != 200:
                        phase.visitor_failures.append(f"{name}: {status} {data[:100]!r}")
                except (TimeoutError, OSError, asyncio.IncompleteReadError) as error:
                    await client.close()
                    phase.visitor_failures.append(f"{name}: {type(error).__name__}")
                phase.visitor.append(time.perf_counter() - started)
                await asyncio.sleep(think)
    finally:
        await client.close()


async def _attack(server, dependencies, phase: Phase, until: float, number: int, seed: int) -> None:
    rng = random.Random(seed + number)
    client = SourcedClient(server, f"127.0.0.{11 + number}")
    try:
        while time.perf_counter() < until:
            compare = rng.random() < 0.5
            try:
                if compare:
                    request = client.request(
                        "POST",
                        "/_dash-update-component",
                        _compare_body(dependencies, rng),
                        common.JSON_HEADERS,
                    )
                else:
                    request = client.request("GET", _xlsx_path(rng))
                status, _, _ = await asyncio.wait_for(request, 60)
                phase.attack[status] += 1
            except (TimeoutError, OSError, asyncio.IncompleteReadError) as error:
                await client.close()
                phase.attack["no answer"] += 1
                phase.attack_errors.append(type(error).__name__)
    finally:
        await client.close()


async def run(server, *, attackers: int, seconds: float, baseline: float, think: float, seed: int):
    """Baseline (visitor alone), then the attack with the visitor; the two phases."""
    status, _, graph = common.request(server, "GET", "/_dash-dependencies")
    assert status == 200, status
    dependencies = json.loads(graph)
    requests = _visitor_requests(dependencies)
    warm = Phase()
    await _visit(server, requests, warm, time.perf_counter() + 6, think)  # cached in every worker
    alone, attacked = Phase(), Phase()
    await _visit(server, requests, alone, time.perf_counter() + baseline, think)
    until = time.perf_counter() + seconds
    await asyncio.gather(
        _visit(server, requests, attacked, until, think),
        *(_attack(server, dependencies, attacked, until, n, seed) for n in range(attackers)),
    )
    return alone, attacked


def report(alone: Phase, attacked: Phase, *, attackers: int, seconds: float) -> list[str]:
    """Markdown: the visitor's latency alone and under attack, the attackers' answers."""
    rows = []
    for name, phase in (("visitor alone", alone), (f"visitor, {attackers} attackers", attacked)):
        stats = common.summary_ms(phase.visitor)
        rows.append([name, len(phase.visitor), len(phase.visitor_failures), stats["p50"], stats["p95"],
                     stats["p99"], stats["max"]])  # fmt: skip
    lines = [
        common.markdown_table(["phase", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms"], rows),
        "",
    ]
    total = sum(attacked.attack.values())
    counts = ", ".join(f"{status}: {count}" for status, count in sorted(attacked.attack.items(), key=str))
    lines.append(f"attack requests in {seconds:.0f} s: {total} ({counts})")
    server_errors = sum(c for s, c in attacked.attack.items() if isinstance(s, int) and s >= 500 and s != 503)
    lines.append(f"server errors (5xx other than 503) answered to attackers: {server_errors}")
    for failure in attacked.visitor_failures[:10]:
        lines.append(f"- visitor failed: {failure}")
    stats = common.summary_ms(attacked.visitor)
    aims = not attacked.visitor_failures and not alone.visitor_failures and stats["p95"] <= 300
    lines.append("")
    lines.append(f"aims (visitor: 0 errors, p95 ≤ 300 ms under attack): {'met' if aims else 'MISSED'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run both phases through nginx and print the report; exit 1 when an aim is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--baseline", type=float, default=20, help="seconds of the visitor alone")
    parser.add_argument("--attackers", type=int, default=20)
    parser.add_argument("--think", type=float, default=0.2, help="the visitor's pause between requests")
    parser.add_argument("--database-url", default=common.BENCH_DATABASE_URL)
    parser.add_argument("--redis-url", default=common.BENCH_REDIS_URL)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    if args.database_url == common.BENCH_DATABASE_URL:
        common.ensure_bench_database()
    env = common.bench_env(DATABASE_URL=args.database_url, CACHE_REDIS_URL=args.redis_url)
    env.pop("EXPORT_RATE_LIMIT", None)  # the limits are part of what is measured
    env["DASHBOARD_BUILD_ON_START"] = "1"
    common.print_machine()
    with behind_nginx(env) as server:
        print(f"nginx {server.url} -> gunicorn (gunicorn.conf.py as is), limits in {args.redis_url}")
        upstream = common.Server("127.0.0.1", server.upstream_port, None, None)  # type: ignore[arg-type]
        direct = slow_clients(server.upstream_port, upstream)
        proxied = slow_clients(server.http_port, server)
        alone, attacked = asyncio.run(
            run(
                server,
                attackers=args.attackers,
                seconds=args.seconds,
                baseline=args.baseline,
                think=args.think,
                seed=args.seed,
            )
        )
    lines = [
        f"slow clients (50, one header line per second): /health answered {direct[0]}/{direct[1]} straight "
        f"to gunicorn, {proxied[0]}/{proxied[1]} through nginx",
        "",
        *report(alone, attacked, attackers=args.attackers, seconds=args.seconds),
    ]
    print("\n".join(lines))
    return 0 if lines[-1].endswith("met") else 1


if __name__ == "__main__":
    sys.exit(main())
