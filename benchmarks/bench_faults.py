"""Faults under load: Redis stopped and restarted, PostgreSQL restarted, an import killed mid-transaction.

Each fault runs during its own bounded bench_load scenario (gunicorn + `bench` database + Redis db 5) and
reports failed requests, the latency spike (p95 in the fault window vs before) and recovery time (from
the service being back until the first second with no errors and p95 within 2× of before). The killed
import is SIGKILLed once its transaction has written rows; the bench database must then be exactly as
before (md5 of every table). Redis and PostgreSQL are always restored at the end (try/finally).
Note: Redis and PostgreSQL are shared services; other users of them see the same outage.

Usage: .venv/bin/python benchmarks/bench_faults.py [--users 50] [--seconds 40]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as common
from bench_load import IMPORT_FILE, LoadResult, run_users

REDIS_START = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379", "--save", "",
    "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log",
]  # fmt: skip


# Backends of the bench database holding a transaction id: they have written rows not yet committed.
WRITING = (
    f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{common.BENCH_DATABASE}' "
    "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
)


def pg_version() -> str:
    """The Debian cluster version (the only directory in /etc/postgresql)."""
    return sorted(os.listdir("/etc/postgresql"))[-1]


def redis_up() -> bool:
    """Whether Redis answers PING."""
    return (
        subprocess.run(["redis-cli", "-p", "6379", "ping"], capture_output=True, text=True).stdout.strip()
        == "PONG"
    )


def postgres_up() -> bool:
    """Whether PostgreSQL accepts connections."""
    return (
        subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432"], capture_output=True).returncode == 0
    )


def start_redis() -> None:
    """Start Redis as the machine's notes say, and wait for it."""
    if not redis_up():
        subprocess.run(REDIS_START, check=True, capture_output=True)
    for _ in range(100):
        if redis_up():
            return
        time.sleep(0.1)


def stop_redis() -> None:
    """Stop Redis without saving."""
    subprocess.run(["redis-cli", "-p", "6379", "shutdown", "nosave"], capture_output=True)


def restart_postgres() -> None:
    """Restart the cluster and wait until it accepts connections."""
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), "main", "restart"],
        check=True,
        capture_output=True,
    )
    for _ in range(200):
        if postgres_up():
            return
        time.sleep(0.1)


def restore_services() -> None:
    """Whatever happened: PostgreSQL and Redis running."""
    if not postgres_up():
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", pg_version(), "main", "start"], capture_output=True
        )
    start_redis()


def database_checksum() -> dict[str, str]:
    """md5 of every table of the bench database (rows in text form, sorted), by table name."""
    tables = common.psql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
        database=common.BENCH_DATABASE,
    ).split()
    digest = "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {} t"
    return {
        table: common.psql(digest.format(table), database=common.BENCH_DATABASE)
        for table in tables
    }  # fmt: skip


def kill_import_mid_transaction(env: dict[str, str], *, attempts: int = 10) -> dict[str, object]:
    """SIGKILL an import once its transaction has written; compare checksums before and after."""
    for attempt in range(1, attempts + 1):
        before = database_checksum()
        process = subprocess.Popen(
            [common.PYTHON, "-m", "dashboard", "import", IMPORT_FILE], env=env, cwd=common.REPO,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        killed_with_writes = False
        while process.poll() is None:
            if common.psql(WRITING, database=common.BENCH_DATABASE) != "0":
                process.send_signal(signal.SIGKILL)
                killed_with_writes = True
                break
        process.wait()
        if not killed_with_writes:
            continue  # the import finished before we caught it writing; try again
        # The server notices the dead client and rolls back; wait until its backend is gone.
        for _ in range(100):
            if common.psql(WRITING, database=common.BENCH_DATABASE) == "0":
                break
            time.sleep(0.1)
        after = database_checksum()
        changed = sorted(t for t in before if before[t] != after.get(t))
        return {
            "attempts": attempt,
            "killed_mid_transaction": True,
            "tables": len(before),
            "changed": changed,
        }
    return {"attempts": attempts, "killed_mid_transaction": False, "tables": 0, "changed": []}


def fault_costs(result: LoadResult, *, down_at: float, up_at: float) -> dict[str, float]:
    """Failed requests, p95 before vs during the fault, recovery seconds after the service is back."""
    before = [s.seconds for s in result.samples if s.at < down_at]
    during = [s.seconds for s in result.samples if down_at <= s.at < up_at + 2]
    base_p95 = common.percentile(before, 95)
    recovery = math.nan
    second = math.floor(up_at)
    last = math.ceil(result.elapsed)
    while second < last:
        window = [s for s in result.samples if second <= s.at < second + 1]
        if (
            window
            and all(s.ok for s in window)
            and common.percentile([s.seconds for s in window], 95) <= 2 * base_p95
        ):
            recovery = max(0.0, second - up_at)
            break
        second += 1
    return {
        "failed": len(result.failures()),
        "requests": len(result.samples),
        "p95_before_ms": base_p95 * 1000,
        "p95_during_ms": common.percentile(during, 95) * 1000,
        "max_during_ms": max(during, default=math.nan) * 1000,
        "recovery_s": recovery,
    }


def fault_run(
    env: dict[str, str],
    stop: Callable[[], None],
    start: Callable[[], None] | None,
    *,
    users: int,
    seconds: float,
    think: tuple[float, float],
    down_at: float,
    up_at: float,
) -> LoadResult:
    """One load scenario on a fresh gunicorn with `stop` at down_at and `start` (if any) at up_at."""

    async def go_down() -> None:
        await asyncio.to_thread(stop)

    async def come_back() -> None:
        await asyncio.to_thread(start)

    schedule = [(down_at, "stop", go_down)]
    if start is not None:
        schedule.append((up_at, "start", come_back))
    with common.gunicorn(env) as server:
        return asyncio.run(
            run_users(server, users=users, seconds=seconds, think=tuple(think), schedule=schedule)
        )


def main(argv: list[str] | None = None) -> int:
    """Run the three faults and print what each cost."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=40, help="per fault scenario")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 5.0), metavar=("MIN", "MAX"))
    args = parser.parse_args(argv)
    common.ensure_bench_database()
    env = common.bench_env()
    rows, notes = [], []
    down_at, up_at = args.seconds * 0.3, args.seconds * 0.55
    try:
        for name, stop, start in (
            ("Redis stopped, restarted", stop_redis, start_redis),
            ("PostgreSQL restarted", restart_postgres, None),
        ):
            result = fault_run(env, stop, start, users=args.users, seconds=args.seconds, think=args.think,
                               down_at=down_at, up_at=up_at)  # fmt: skip
            events = dict((label, at) for at, label in result.events)
            # Down when the stop began; up when the start (or, for the PostgreSQL restart, the stop) ended.
            up = events.get("start: done", events.get("stop: done", up_at))
            costs = fault_costs(result, down_at=events.get("stop: start", down_at), up_at=up)
            rows.append([name, costs["requests"], costs["failed"], costs["p95_before_ms"],
                         costs["p95_during_ms"], costs["max_during_ms"], costs["recovery_s"]])  # fmt: skip
            kinds: dict[str, int] = {}
            for failure in result.failures():
                key = f"{failure.step}: {failure.detail[:90]}"
                kinds[key] = kinds.get(key, 0) + 1
            top = sorted(kinds.items(), key=lambda item: -item[1])[:6]
            notes += [f"- {name}: {count}× {key}" for key, count in top]
            restore_services()
        with common.gunicorn(env) as server:
            killed: dict[str, object] = {}

            async def kill_import() -> None:
                killed.update(await asyncio.to_thread(kill_import_mid_transaction, env))

            result = asyncio.run(
                run_users(server, users=args.users, seconds=args.seconds / 2, think=tuple(args.think),
                          schedule=[(args.seconds / 6, "killed import", kill_import)])
            )  # fmt: skip
            stats = common.summary_ms([s.seconds for s in result.samples])
            rows.append(["import SIGKILLed mid-transaction", len(result.samples), len(result.failures()),
                         stats["p95"], stats["p95"], stats["max"], 0.0])  # fmt: skip
            notes.append(
                f"- killed import: caught writing after {killed.get('attempts')} attempt(s): "
                f"{killed.get('killed_mid_transaction')}; {killed.get('tables')} tables compared, "
                f"changed: {killed.get('changed') or 'none'}"
            )
    finally:
        restore_services()
    common.print_machine()
    print(f"{args.users} users, {args.seconds:.0f} s per fault, think {args.think[0]}-{args.think[1]} s")
    print(
        common.markdown_table(
            ["fault", "requests", "failed", "p95 before ms", "p95 during ms", "max during ms", "recovery s"],
            rows,
        )
    )
    print("\n".join(notes))
    states = {"PostgreSQL": postgres_up(), "Redis": redis_up()}
    print("services after the run: " + ", ".join(f"{k} {'up' if v else 'DOWN'}" for k, v in states.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
