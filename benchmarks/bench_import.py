"""Time the importer: the full build of data/, an import of N generated tidy rows, a file of 20,000
unknown unit names refused (each with its closest names), and the peak memory of a large import.

    .venv/bin/python benchmarks/bench_import.py [--rows 100000] [--unknown 20000] [--big-rows 1000000]
        [--database-url URL]

The baseline is `pandas.DataFrame.to_sql` of the same rows into the same kind of database with no
validation, measured in this process; the ratio says what validation and transactions cost. Aims on
a 2-core box: full build < 5 s, 100,000 rows < 10 s, 20,000 unknown names refused < 10 s, a
1,000,000-row file under 2 GB peak memory (measured in a child process: its maximum resident set).
Uses a fresh SQLite file in a temporary directory, or a fresh schema (dropped afterwards) on the
PostgreSQL server given by --database-url.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, text

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dashboard import db  # noqa: E402
from dashboard.ingest.catalogue import Catalogue  # noqa: E402
from dashboard.ingest.importer import build_all, import_files  # noqa: E402
from dashboard.ingest.parsing import ImportRejected  # noqa: E402

DATA = REPO / "data"


@contextmanager
def fresh_engine(database_url: str | None, directory: Path) -> Iterator[Engine]:
    """An empty database: a new SQLite file, or a new PostgreSQL schema dropped on exit."""
    if not database_url:
        engine = db.get_engine(f"sqlite:///{directory / f'{uuid.uuid4().hex}.sqlite3'}")
        yield engine
        engine.dispose()
        return
    url = database_url.replace("postgresql://", "postgresql+psycopg://", 1)
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with db.get_engine(url).begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = db.get_engine(url, schema=schema)
    try:
        yield engine
    finally:
        engine.dispose()
        with db.get_engine(url).begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def generate(engine: Engine, directory: Path, rows: int) -> Path:
    """Write `rows` tidy observations over existing units (codes and names) and indicators, with a sidecar."""
    with engine.connect() as connection:
        catalogue = Catalogue.load(connection)
    indicators = [code for code, i in catalogue.indicators.items() if i["measure"] in ("percent", "count")]
    years = list(range(2005, 2025))
    units = {
        year: sorted(
            catalogue.codes_valid_in(year, "district") | catalogue.codes_valid_in(year, "department")
        )
        for year in years
    }
    path = directory / "generated.csv"
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["year", "unit", "indicator", "gov_level", "value"])
        level = 0
        while written < rows:
            for year in years:
                for index, code in enumerate(units[year]):
                    for indicator in indicators:
                        # Half the rows name the unit, half give its code: both paths are timed.
                        unit = catalogue.units[code]["name_vi"] if index % 2 and code != "534" else code
                        writer.writerow([year, unit, indicator, f"g{level}", f"{(written * 37) % 100:.2f}"])
                        written += 1
                        if written == rows:
                            break
                    if written == rows:
                        break
                if written == rows:
                    break
            level += 1
    write_meta(path)
    return path


def write_meta(path: Path, dataset_id: str = "bench") -> None:
    """The sidecar of a generated file."""
    meta = {
        "id": dataset_id,
        "type": "observations",
        "title_vi": "Benchmark",
        "title_en": "Benchmark",
        "licence": "CC0",
        "sources": [
            {"id": "gen", "kind": "illustrative", "issuer": "bench", "title": "generated", "licence": "CC0"}
        ],
    }
    path.with_name(path.stem + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")


def unknown_names(directory: Path, count: int) -> Path:
    """A tidy file of `count` distinct unit names that do not exist (each needs its closest names)."""
    path = directory / "unknown.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["year", "unit", "indicator", "value"])
        for index in range(count):
            writer.writerow([2022, f"Sở Không Tồn Tại Số {index}", "EDOC_SIGNED_SHARE", "50"])
    write_meta(path, "bench-unknown")
    return path


CHILD = """
import sys, time
sys.path.insert(0, {repo!r})
from pathlib import Path
from dashboard import db
from dashboard.ingest.importer import ImportOptions, import_files
engine = db.get_engine({url!r}, schema={schema!r})
start = time.perf_counter()
# The same units, indicators and years as the 'bench' dataset: published in its place.
report = import_files(engine, [Path({path!r})], options=ImportOptions(replace="bench", confirm_shrink=True))
print(sum(report.rows.values()), time.perf_counter() - start)
"""


def peak_memory(engine: Engine, path: Path) -> tuple[int, float, float]:
    """Import a file in a child process; return (rows, seconds, peak resident MB of the child)."""
    url = engine.url.render_as_string(hide_password=False)
    code = CHILD.format(repo=str(REPO), url=url, schema=_schema_of(engine), path=str(path))
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if child.returncode:
        raise RuntimeError(child.stderr[-3000:])
    output = child.stdout
    rows, seconds = output.split()
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return int(rows), float(seconds), peak_kb / 1024


def _schema_of(engine: Engine) -> str | None:
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as connection:
        return connection.execute(text("SELECT current_schema()")).scalar()


def baseline(engine: Engine, path: Path) -> float:
    """pandas read + to_sql of the same rows into a plain table: no validation, no resolution."""
    start = time.perf_counter()
    frame = pd.read_csv(path, dtype=str)
    frame.to_sql("baseline_observations", engine, if_exists="replace", index=False, chunksize=10_000)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--unknown", type=int, default=20_000, help="unknown unit names to refuse")
    parser.add_argument("--big-rows", type=int, default=1_000_000, help="rows of the peak-memory import")
    parser.add_argument("--database-url", help="PostgreSQL URL; default: a temporary SQLite file")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        with fresh_engine(args.database_url, directory) as engine:
            start = time.perf_counter()
            report = build_all(engine, DATA)
            build_seconds = time.perf_counter() - start
            build_rows = sum(report.rows.values())
            results.append(("full build of data/", build_rows, build_seconds, None, 5.0))

            path = generate(engine, directory, args.rows)
            start = time.perf_counter()
            report = import_files(engine, [path])
            import_seconds = time.perf_counter() - start
            assert report.rows == {"bench": args.rows}, report.rows
            start = time.perf_counter()
            import_files(engine, [path])  # a re-import replaces the same rows
            reimport_seconds = time.perf_counter() - start
            base = baseline(engine, path)
            results.append((f"import {args.rows:,} tidy rows", args.rows, import_seconds, base, 10.0))
            results.append((f"re-import {args.rows:,} rows", args.rows, reimport_seconds, base, 10.0))
            results.append(("baseline pandas to_sql", args.rows, base, base, None))

            refused = unknown_names(directory, args.unknown)
            start = time.perf_counter()
            try:
                import_files(engine, [refused])
                raise AssertionError("unknown names were accepted")
            except ImportRejected as rejected:
                assert len(rejected.problems) == args.unknown, len(rejected.problems)
            unknown_seconds = time.perf_counter() - start
            results.append(
                (f"refuse {args.unknown:,} unknown names", args.unknown, unknown_seconds, None, 10.0)
            )

            big = generate(engine, directory, args.big_rows)
            write_meta(big, "bench-big")
            size_mb = big.stat().st_size / 1e6
            rows, big_seconds, peak_mb = peak_memory(engine, big)
            results.append((f"import {rows:,} rows ({size_mb:.0f} MB)", rows, big_seconds, None, None))
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"backend: {backend}")
    print(f"{'step':<32} {'rows':>9} {'seconds':>8} {'rows/s':>10} {'× baseline':>10} {'aim':>7}")
    for name, rows, seconds, base, aim in results:
        ratio = f"{seconds / base:.1f}" if base else "–"
        target = f"< {aim:g} s" if aim else ""
        mark = "" if aim is None else (" ok" if seconds < aim else " SLOW")
        print(f"{name:<32} {rows:>9,} {seconds:>8.2f} {rows / seconds:>10,.0f} {ratio:>10} {target:>7}{mark}")
    verdict = "ok" if peak_mb < 2048 else "OVER"
    big = f"{args.big_rows:,}-row import"
    print(f"peak memory of the {big} (child process): {peak_mb:,.0f} MB (aim < 2,048 MB) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
