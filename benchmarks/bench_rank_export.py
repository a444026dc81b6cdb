"""What rank_computed costs an observations download: the export query with the window rank against the
pages' observations query without it, on a 100,000-row database, in one process.

Run:  .venv/bin/python benchmarks/bench_rank_export.py [--rows 100000] [--repeats 3] [--database-url URL]

Builds a temporary SQLite database (or rebuilds the database at URL: it is emptied first) from data/
through the importer plus N synthetic rows (bench_export's seed), then reads every row of both statements
with the same server-side cursor loop as the download (yield_per 2,000), alternating the two, and reports
the median seconds of each and their ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_export import _seed  # noqa: E402

from dashboard import db  # noqa: E402
from dashboard.config import Settings  # noqa: E402
from dashboard.ingest.importer import build_all  # noqa: E402
from dashboard.queries import ObservationFilter, observation_statement  # noqa: E402
from dashboard.queries.export import export_statement  # noqa: E402


def _read_all(engine, statement) -> tuple[float, int]:
    """Seconds to read every row of a statement as the download does, and the row count."""
    start = time.perf_counter()
    rows = 0
    with engine.connect() as connection:
        result = connection.execute(statement, execution_options={"yield_per": 2000})
        for partition in result.partitions():
            rows += len(partition)
    return time.perf_counter() - start, rows


def main(argv: list[str]) -> int:
    """Build the database, time both statements, print the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--database-url", help="a database of your own to empty and use instead of SQLite")
    args = parser.parse_args(argv)
    os.environ.update(DASHBOARD_INSTANCE_DIR=tempfile.mkdtemp(prefix="bench-rank-export-"))
    os.environ.pop("DATABASE_URL", None)
    engine = db.get_engine(args.database_url or Settings.from_env(build_on_start=False).database_url)
    db.drop_schema(engine)
    build_all(engine, REPO / "data")
    _seed(engine, args.rows)
    everything = ObservationFilter()
    statements = {
        "without rank_computed (baseline)": observation_statement(everything),
        "with rank_computed (export)": export_statement(everything),
    }
    timings: dict[str, list[float]] = {label: [] for label in statements}
    counts: dict[str, int] = {}
    for _ in range(args.repeats):
        for label, statement in statements.items():
            seconds, counts[label] = _read_all(engine, statement)
            timings[label].append(seconds)
    assert len(set(counts.values())) == 1, counts  # the outer join adds no row and loses none
    for label, values in timings.items():
        print(f"{label:<34}{counts[label]:>9} rows  median {statistics.median(values):6.2f} s")
    baseline, export = (statistics.median(v) for v in timings.values())
    print(f"\nexport / baseline: {export / baseline:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
