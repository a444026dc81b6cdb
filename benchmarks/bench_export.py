"""Streaming CSV export vs building it in memory: peak memory and rows/s on a 100,000-row database.

Run:  .venv/bin/python benchmarks/bench_export.py [--rows 100000]

Builds a temporary SQLite database from data/ through the importer, adds N synthetic observation rows
(direct inserts: the importer validates row by row, which would dominate the run), then in one process:
1. streams GET /api/v1/observations.csv through the Flask test client, discarding chunks;
2. builds the same CSV fully in memory (queries.observations() frame -> exports.to_csv).
Peak memory is measured with tracemalloc (Python allocations, per run) and ru_maxrss (process peak; the
streaming run goes first because the process peak never falls). Timings are taken without tracemalloc.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dashboard import db, queries  # noqa: E402
from dashboard.api import exports  # noqa: E402
from dashboard.config import Settings  # noqa: E402
from dashboard.ingest.importer import build_all  # noqa: E402


def _seed(engine, rows: int) -> None:
    """Add one synthetic dataset with `rows` observations over real units and indicators."""
    with engine.connect() as connection:
        units = [r[0] for r in connection.execute(select(db.units.c.code))]
        indicators = [r[0] for r in connection.execute(select(db.indicators.c.code))]
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            insert(db.datasets).values(
                id="bench",
                title_vi="bench",
                title_en="bench",
                licence="CC0",
                file_name="bench.csv",
                checksum="0" * 64,
                imported_at=now,
            )
        )
        connection.execute(
            insert(db.sources).values(
                id="bench:gen",
                dataset_id="bench",
                kind="illustrative",
                issuer="bench",
                title="=bench",
                licence="CC0",
                checksum="0" * 64,
                imported_at=now,
            )
        )
        batch = []
        for i in range(rows):
            year = 2012 + i % 13
            batch.append(
                {
                    "unit_code": units[i % len(units)],
                    "year": year,
                    "period": str(year),
                    "indicator_code": indicators[(i // len(units)) % len(indicators)],
                    "gov_level": f"g{i}",
                    "value": (i % 1000) / 7 - 50,
                    "qualifier": "exact",
                    "value_published": f"{i},5",
                    "rank": i % 60 + 1,
                    "rank_of": 60,
                    "source_id": "bench:gen",
                }
            )
            if len(batch) == 10_000:
                connection.execute(insert(db.observations), batch)
                batch = []
        if batch:
            connection.execute(insert(db.observations), batch)
        db_version = f"{now:%Y%m%dT%H%M%S}-bench000"
        connection.execute(
            db.app_meta.update().where(db.app_meta.c.key == "data_version").values(value=db_version)
        )


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _stream(client, path: str = "/api/v1/observations.csv") -> tuple[int, int]:
    response = client.get(path, buffered=False)
    size = lines = 0
    for chunk in response.response:
        size += len(chunk)
        lines += chunk.count(b"\n")
    response.close()
    return size, lines - 1


def _in_memory(app) -> tuple[int, int]:
    with app.server.test_request_context():
        frame = queries.observations.uncached(queries.data_version(), queries.ObservationFilter())
        payload = exports.to_csv(frame, exports.RESOURCES["observations"])
    return len(payload), len(frame)


def _measure(label: str, function, *args) -> dict[str, float]:
    rss_before = _maxrss_mb()
    start = time.perf_counter()
    size, rows = function(*args)
    seconds = time.perf_counter() - start
    rss_after = _maxrss_mb()
    tracemalloc.start()
    function(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "label": label,
        "rows": rows,
        "mb": size / 1e6,
        "seconds": seconds,
        "rows_s": rows / seconds,
        "py_peak_mb": peak / 1e6,
        "rss_growth_mb": rss_after - rss_before,
    }


def main(argv: list[str]) -> int:
    """Build the database, run both exports, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    instance = Path(tempfile.mkdtemp(prefix="bench-export-"))
    os.environ.update(DASHBOARD_INSTANCE_DIR=str(instance), EXPORT_RATE_LIMIT="off")
    os.environ.pop("DATABASE_URL", None)
    settings = Settings.from_env(build_on_start=False)
    engine = db.get_engine(settings.database_url)
    build_all(engine, REPO / "data")
    _seed(engine, args.rows)
    from dashboard import create_app

    app = create_app(settings)
    client = app.server.test_client()
    client.get("/api/v1/observations.csv?year=2012&units=522").get_data()  # warm up imports and caches
    results = [_measure("streamed (api)", _stream, client), _measure("in memory (frame)", _in_memory, app)]
    header = f"{'export':<20}{'rows':>9}{'MB':>8}{'s':>7}{'rows/s':>10}{'py peak MB':>12}{'RSS +MB':>9}"
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r['label']:<20}{r['rows']:>9}{r['mb']:>8.1f}{r['seconds']:>7.2f}{r['rows_s']:>10.0f}"
            f"{r['py_peak_mb']:>12.1f}{r['rss_growth_mb']:>9.1f}"
        )
    ratio = results[1]["py_peak_mb"] / max(results[0]["py_peak_mb"], 1e-9)
    print(f"\npeak Python memory, in memory / streamed: {ratio:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
