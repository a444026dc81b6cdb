"""Time publishing an index set: the shipped template (11 indices, 3 unit groups, 4 levels) and a large set
(8 main indices x 12 components, 3 groups), each read and checked, previewed (dry run: stored then rolled
back) and published, as the command line and /quan-tri do.

    .venv/bin/python benchmarks/bench_method_import.py [--repeat 20] [--database-url URL]

The baseline is reading the same file with the shared reader alone (ingest.tables.read_table), in this
process: the ratios say what the checks and the transaction cost over reading the file. Aim on a 2-core
box: a preview < 2 s and a publication < 5 s together with a 120-row annex (the `units` branch times the
annex; `publish_template` below is the step it starts from). Uses a fresh SQLite file, or a fresh
PostgreSQL schema (dropped afterwards) with --database-url.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench_import import fresh_engine  # noqa: E402

from dashboard import db  # noqa: E402
from dashboard.domain.methods import IndexSet  # noqa: E402
from dashboard.ingest.importer import import_files  # noqa: E402
from dashboard.ingest.index_set_store import make_header, publish_index_set  # noqa: E402
from dashboard.ingest.index_sets import read_index_set  # noqa: E402
from dashboard.ingest.tables import read_table  # noqa: E402

TEMPLATE = REPO / "data" / "templates" / "bo-chi-so-mau.csv"
REFERENCE = [REPO / "data" / "reference" / f"{name}.csv" for name in ("units", "methodologies", "indicators")]


def header(code: str):
    """The decision a benchmark set is published with."""
    return make_header(
        code=code,
        name_vi="Bộ chỉ số (benchmark)",
        name_en=None,
        issuer="UBND tỉnh Quảng Ngãi",
        document="Quyết định số 123/QĐ-UBND ngày 15/3/2026",
        source_url="https://example.org/qd-123",
    )


def publish_template(engine, *, code: str = "bench-mau", dry_run: bool = False) -> IndexSet:
    """Publish the shipped template under `code` (the step an annex benchmark starts from)."""
    return publish_index_set(engine, TEMPLATE, header(code), dry_run=dry_run).index_set


def large_set(directory: Path, components: int = 12) -> Path:
    """8 main indices of `components` components each (maxima adding up), three groups, four levels."""
    path = directory / "bo-chi-so-lon.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        columns = "kind code parent_code name_vi max_value max_value:b sum_of_children lower_bound basis"
        writer.writerow(columns.split())
        for group in ("a", "b", "c"):
            writer.writerow(["group", group, "", f"Nhóm {group}", "", "", "", "", ""])
        writer.writerow(["index", "L", "", "Tổng", 8 * components * 10, 8 * components * 8, 1, "", ""])
        for main in range(8):
            writer.writerow(
                ["index", f"L{main}", "L", f"Chỉ số {main}", components * 10, components * 8, 1, "", ""]
            )
            for part in range(components):
                writer.writerow(
                    ["index", f"L{main}_{part}", f"L{main}", f"Thành phần {main}.{part}", 10, 8, "", "", ""]
                )
        for level, bound in ((4, 75), (3, 50), (2, 25), (1, 0)):
            writer.writerow(["class", f"muc-{level}", "", f"Mức {level}", "", "", "", bound, "percent"])
    return path


def timed(step: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, 95th percentile) seconds of `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--database-url")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder, fresh_engine(args.database_url, Path(folder)) as engine:
        db.create_schema(engine)
        import_files(engine, REFERENCE)
        big = large_set(Path(folder))
        print(f"database: {engine.dialect.name}; {args.repeat} runs each; median / p95 s; ratio to reading")
        print(f"{'file':<22} {'step':<10} {'median':>8} {'p95':>8} {'x read':>8}")
        for name, path, code in (
            ("template (11 indices)", TEMPLATE, "bench-mau"),
            ("large (105 indices)", big, "bench-lon"),
        ):
            read, _ = timed(lambda path=path: read_table(path), args.repeat)
            steps = {
                "read": lambda path=path: read_table(path),
                "check": lambda path=path, code=code: read_index_set(path, header(code)),
                "preview": lambda path=path, code=code: publish_index_set(
                    engine, path, header(code), dry_run=True
                ),
                "publish": lambda path=path, code=code: publish_index_set(engine, path, header(code)),
            }
            for step, run in steps.items():
                median, p95 = timed(run, args.repeat)
                print(f"{name:<22} {step:<10} {median:>8.4f} {p95:>8.4f} {median / read:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
