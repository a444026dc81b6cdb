"""Shared benchmark helpers: the bench database, gunicorn on a free port, HTTP clients, stats, tables.

Benchmarks never touch the test suite's services: PostgreSQL database `bench` and Redis db 5 unless
`BENCH_DATABASE_URL` / `BENCH_REDIS_URL` name others (engineers sharing one machine each use their own).
"""

from __future__ import annotations

import asyncio
import http.client
import json
import math
import os
import platform
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# This checkout's package, not whichever one is installed editable (benchmarks may run from an export).
sys.path.insert(0, str(REPO))
PYTHON = sys.executable
GEO_SOURCE = Path("/work/shared/geo/quang_ngai_districts.geojson")
BENCH_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/bench")
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
BENCH_DATABASE = BENCH_DATABASE_URL.rsplit("/", 1)[1]  # psql runs as postgres on 127.0.0.1 against this name
# One instance directory per bench database: map layers prepared for one database never serve another.
BENCH_INSTANCE = Path(tempfile.gettempdir()) / "qnbench" / BENCH_DATABASE / "instance"
OVERVIEW_OUTPUT = "overview-map.figure"
PAGES_OUTPUT = "_pages_content.children"


# --- environment -------------------------------------------------------------------------------


def machine_info() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )  # fmt: skip
    memory = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.splitlines()[1].split()[1]
    versions = {}
    for name in ("dash", "plotly", "flask", "pandas", "gunicorn", "sqlalchemy", "psycopg", "redis"):
        try:
            versions[name] = __import__(name).__version__
        except (ImportError, AttributeError):
            versions[name] = "?"
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "python": platform.python_version(),
        **versions,
    }


def bench_env(*, redis: bool = True, **extra: str) -> dict[str, str]:
    """Environment for the app against the bench database (and the bench Redis db)."""
    env = {
        **os.environ,
        "DATABASE_URL": BENCH_DATABASE_URL,
        "DASHBOARD_INSTANCE_DIR": str(BENCH_INSTANCE),
        "DASHBOARD_BUILD_ON_START": "0",
        "EXPORT_RATE_LIMIT": "off",
        "PYTHONPATH": str(REPO),
    }
    env.pop("CACHE_REDIS_URL", None)
    if redis:
        env["CACHE_REDIS_URL"] = BENCH_REDIS_URL
    env.update(extra)
    return env


def psql(sql: str, *, database: str = "postgres") -> str:
    """Run one SQL statement with psql as postgres on 127.0.0.1; return its unaligned output."""
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-AtX", "-c", sql],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def ensure_bench_database(*, rebuild: bool = False) -> None:
    """Create and fill the bench database (data + real district boundaries) unless it is ready."""
    exists = psql(f"SELECT 1 FROM pg_database WHERE datname = '{BENCH_DATABASE}'") == "1"
    if exists and rebuild:
        psql(f'DROP DATABASE "{BENCH_DATABASE}" WITH (FORCE)')
        exists = False
    if not exists:
        psql(f'CREATE DATABASE "{BENCH_DATABASE}"')
    geo_ready = any((BENCH_INSTANCE / "geo").glob("districts-2020.*.geojson"))
    filled = (
        exists
        and psql("SELECT to_regclass('public.observations') IS NOT NULL", database=BENCH_DATABASE) == "t"
    )
    env = bench_env(redis=False)
    # The maps draw only layers imported as redistributable; a bench database made before that rule
    # holds the layer without the flag and is re-imported with it (the bench never publishes the layer).
    flagged = (
        filled
        and geo_ready
        and psql("SELECT count(*) FROM boundary_layers WHERE redistributable", database=BENCH_DATABASE) != "0"
    )
    if filled and geo_ready:  # made by an older version: its schema is brought up to date, data kept
        subprocess.run(
            [PYTHON, "-m", "dashboard", "db", "upgrade"], env=env, cwd=REPO, check=True, capture_output=True
        )
        if not flagged:
            _import_districts(env)
        return
    BENCH_INSTANCE.mkdir(parents=True, exist_ok=True)
    subprocess.run([PYTHON, "-m", "dashboard", "build"], env=env, cwd=REPO, check=True, capture_output=True)
    _import_districts(env)


def _import_districts(env: dict[str, str]) -> None:
    subprocess.run(
        [PYTHON, "-m", "dashboard", "geo", "import", str(GEO_SOURCE), "--vintage", "districts-2020",
         "--source-title", "dvhcvn", "--licence", "GPL-3.0", "--redistributable"],
        env=env, cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip


_VIEW_SPACE = """
import json
from dashboard import create_app, queries
from dashboard.assemble import ranking
from dashboard.views import analysis
with create_app().server.test_request_context("/"):
    years, groups = ranking.years_and_groups()
    indicators = queries.indicators()
    views, units = [], set()
    for year in years:
        total = analysis.total_for_year(indicators, year)
        if total is None:
            continue
        codes = [total["code"], *analysis.sub_indicators(indicators, total["code"])["code"]]
        views += [[year, code, group] for group in groups[year] for code in codes]
    coverage = queries.observations(queries.ObservationFilter(indicators=queries.provincial_totals()))
    print(json.dumps({"views": views, "units": sorted(set(coverage["unit_code"].astype(str)))}))
"""


def view_space() -> dict[str, list]:
    """Every overview view the bench database can show (year, index, group) and the units it ranks.

    Read by a child process against the bench database, so the caller loads none of the app.
    """
    env = bench_env(redis=False)
    result = subprocess.run(
        [PYTHON, "-c", _VIEW_SPACE], env=env, cwd=REPO, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- gunicorn ----------------------------------------------------------------------------------


@dataclass
class Server:
    """A running gunicorn (or nginx over TLS, with the context that trusts its certificate): its base URL
    parts and process."""

    host: str
    port: int
    process: subprocess.Popen
    log: Path
    tls: ssl.SSLContext | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{self.host}:{self.port}"


@contextmanager
def gunicorn(
    env: dict[str, str],
    *,
    app: str = "app:server",
    workers: int | None = None,
    threads: int | None = None,
    extra_args: Sequence[str] = (),
    ready_path: str = "/health",
    repo: Path = REPO,
) -> Iterator[Server]:
    """Start gunicorn (our gunicorn.conf.py) on a free loopback port; stop it on exit.

    `repo` is the checkout served (another commit's export, to compare two versions in one run)."""
    port = free_port()
    env = {**env, "BIND": f"127.0.0.1:{port}"}
    if workers is not None:
        env["WEB_CONCURRENCY"] = str(workers)
    if threads is not None:
        env["GUNICORN_THREADS"] = str(threads)
    log = Path(tempfile.mkstemp(prefix="qnbench-gunicorn-", suffix=".log")[1])
    with log.open("w") as out:
        process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", str(repo / "gunicorn.conf.py"), *extra_args, app],
            env=env,
            cwd=repo,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server("127.0.0.1", port, process, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {log.read_text()[-2000:]}")
            try:
                status, _, _ = request(server, "GET", ready_path, timeout=2)
                if status < 500:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer: {log.read_text()[-2000:]}")
            time.sleep(0.2)
        # Every worker imports lazily on its first request; warm them all up before measuring.
        for _ in range(4 * (workers or 4)):
            request(server, "GET", ready_path)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


# --- HTTP --------------------------------------------------------------------------------------


def request(
    server: Server,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    *,
    timeout: float = 30,
) -> tuple[int, dict[str, str], bytes]:
    """One request on a fresh connection: status, headers (lower-case names), body."""
    if server.tls:
        connection = http.client.HTTPSConnection(
            server.host, server.port, timeout=timeout, context=server.tls
        )
    else:
        connection = http.client.HTTPConnection(server.host, server.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    finally:
        connection.close()


def callback_payload(
    dependencies: list[dict[str, Any]],
    output_prefix: str,
    *,
    inputs: dict[str, Any],
    state: dict[str, Any] | None = None,
    changed: str | None = None,
) -> bytes:
    """The JSON body the Dash renderer POSTs to /_dash-update-component for one callback."""
    callback = next(c for c in dependencies if c["output"].lstrip(".").startswith(output_prefix))

    def props(items: list[dict[str, str]], values: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {"id": i["id"], "property": i["property"], "value": values.get(f"{i['id']}.{i['property']}")}
            for i in items
        ]

    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1]}
        for part in callback["output"].strip(".").split("...")
    ]
    payload = {
        "output": callback["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": props(callback["inputs"], inputs),
        "state": props(callback["state"], state or {}),
        "changedPropIds": [changed or next(iter(inputs))],
    }
    return json.dumps(payload).encode()


def overview_inputs(
    year: int,
    *,
    map_state: dict | None,
    index: str = "ITR_TOTAL",
    group: str = "district",
    lang: str = "vi",
) -> dict[str, Any]:
    """Inputs and state of the overview's `update_view` callback, as the browser sends them."""
    return {
        "inputs": {
            "overview-year.value": year,
            "overview-index.value": index,
            "overview-group.value": group,
        },
        "state": {"overview-lang.data": lang, "overview-map-state.data": map_state},
    }


JSON_HEADERS = {"Content-Type": "application/json"}


@dataclass
class AsyncClient:
    """A keep-alive HTTP/1.1 connection on asyncio streams (small, so the client costs little CPU), over
    TLS when given a context."""

    host: str
    port: int
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    extra_headers: dict[str, str] = field(default_factory=dict)
    tls: ssl.SSLContext | None = None

    async def close(self) -> None:
        """Close the connection if open."""
        if self.writer is not None:
            self.writer.close()
            with suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """Send one request and read the whole response; reconnect once if the server closed it."""
        for attempt in (0, 1):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port, ssl=self.tls)
            lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
            for name, value in {**self.extra_headers, **(headers or {})}.items():
                lines.append(f"{name}: {value}")
            if body or method == "POST":
                lines.append(f"Content-Length: {len(body)}")
            self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
            try:
                return await self._read_response()
            except (asyncio.IncompleteReadError, ConnectionError):
                await self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    async def _read_response(self) -> tuple[int, dict[str, str], bytes]:
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = {}
        for line in header_lines:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                if size == 0:
                    await self.reader.readuntil(b"\r\n")
                    break
                parts.append(await self.reader.readexactly(size))
                await self.reader.readexactly(2)
            body = b"".join(parts)
        else:
            body = await self.reader.read()
            headers["connection"] = "close"
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, headers, body


# --- statistics and tables ---------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (nearest rank) of values; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50, p95, p99 and max of durations, in milliseconds."""
    return {f"p{q}": percentile(seconds, q) * 1000 for q in (50, 95, 99)} | {
        "max": max(seconds, default=math.nan) * 1000
    }


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub markdown table; floats with sensible precision."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            if math.isnan(value):
                return "–"
            return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
        if isinstance(value, int):
            return f"{value:,}"
        return str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def print_machine() -> None:
    """Print the machine line that goes above every results table."""
    info = machine_info()
    print(
        f"machine: {info['nproc']} cores ({info['cpu']}), {info['memory']} RAM, Python {info['python']}, "
        + ", ".join(f"{k} {info[k]}" for k in ("dash", "plotly", "flask", "pandas", "gunicorn"))
    )
