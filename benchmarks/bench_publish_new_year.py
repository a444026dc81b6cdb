"""Time publishing a 120-row annex (96 communes, 16 departments and 8 agencies added by a units file, totals
in points) under a new index set the officer has just published (the shipped template), as the command
line and /quan-tri do: the preview (dry run: checked, stored, rolled back) and the publication.

    .venv/bin/python benchmarks/bench_publish_new_year.py [--repeat 10] [--database-url URL]

The baseline is the same annex, its total column named as the shipped set qn-dti-2025 names it, under that
set, in this process: the ratios say what a set published as data costs over a shipped one. Targets on a
2-core box: preview < 2 s, publication < 5 s. Each repeat publishes the same dataset again (a re-import:
the diff with the stored rows is part of the cost). Uses a fresh SQLite file, or a fresh PostgreSQL schema
(dropped afterwards) with --database-url.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench_import import fresh_engine  # noqa: E402
from bench_method_import import TEMPLATE, header, timed  # noqa: E402

from dashboard import db  # noqa: E402
from dashboard.ingest.importer import ImportOptions, import_files  # noqa: E402
from dashboard.ingest.index_set_store import publish_index_set  # noqa: E402
from dashboard.ingest.unit_store import publish_units  # noqa: E402

REFERENCE = [
    REPO / "data" / "reference" / f"{name}.csv"
    for name in ("units", "lineage", "methodologies", "indicators", "class_schemes")
]
NEW_TOTAL = "Chỉ số chuyển đổi số (tổng điểm)"  # the template's total
SHIPPED = ("qn-dti-2025", "Chỉ số chuyển đổi số 2025 (điểm/1.000)")


def extra_agencies(directory: Path, count: int = 8) -> Path:
    """A units file adding `count` agencies (central agencies ranked with the departments), to reach 120."""
    path = directory / "don-vi.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["action", "code", "kind", "name_vi", "name_en", "date", "legal_basis"])
        for number in range(1, count + 1):
            name = f"Cơ quan benchmark {number}"
            writer.writerow(["add", f"bench-{number}", "department", name, name, "2025-01-01", "benchmark"])
    return path


def _units() -> list[dict]:
    with (REPO / "data" / "reference" / "units.csv").open(encoding="utf-8") as handle:
        units = [row for row in csv.DictReader(handle) if not row["valid_to"] and row["parent_code"] == "51"]
    extra = [{"kind": "department", "name_vi": f"Cơ quan benchmark {n}"} for n in range(1, 9)]
    return units + extra


def annex(directory: Path, total_header: str) -> Path:
    """96 communes and 24 departments with made-up points, ranked within their block."""
    units = _units()
    blocks = (
        ("Sở, ban, ngành có thủ tục hành chính", [u for u in units if u["kind"] == "department"]),
        ("UBND xã, phường, đặc khu", [u for u in units if u["kind"] == "commune"]),
    )
    path = directory / f"phu-luc-{len(total_header)}.csv"
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["STT", "Đơn vị", total_header, "Xếp hạng"])
        for number, (heading, members) in zip(("I", "II"), blocks, strict=True):
            writer.writerow([number, heading, "", ""])
            for rank, unit in enumerate(members, start=1):
                writer.writerow([rank, unit["name_vi"], f"{950 - 4 * rank:.2f}".replace(".", ","), rank])
                rows += 1
    print(f"{path.name}: {rows} units")
    return path


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--database-url")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder, fresh_engine(args.database_url, Path(folder)) as engine:
        db.create_schema(engine)
        import_files(engine, REFERENCE)
        publish_index_set(engine, TEMPLATE, replace(header("bench-moi"), first_year=2025))
        publish_units(engine, extra_agencies(Path(folder)))
        meta = {"year": 2025, "kind": "official", "issuer": "UBND tỉnh Quảng Ngãi", "licence": "CC0 1.0"}
        cases = (
            ("shipped set (baseline)", SHIPPED[0], annex(Path(folder), SHIPPED[1])),
            ("new set, just published", "bench-moi", annex(Path(folder), NEW_TOTAL)),
        )
        print(f"database: {engine.dialect.name}; {args.repeat} runs each; median / p95 s")
        print(f"{'annex under':<26} {'step':<8} {'median':>8} {'p95':>8} {'x base':>8}")
        baseline: dict[str, float] = {}
        for name, method, path in cases:
            overrides = {
                **meta,
                "methodology": method,
                "type": "annex",
                "id": f"bench-{method}",
                "title_vi": "Phụ lục (benchmark)",
                "title_en": "Annex (benchmark)",
                "sources": [
                    {
                        "id": "qd",
                        "kind": "official",
                        "issuer": "UBND tỉnh Quảng Ngãi",
                        "title": "Quyết định (benchmark)",
                        "url": "https://example.org/qd",
                        "licence": "CC0 1.0",
                    }
                ],
            }

            def run(*, dry_run: bool, overrides: dict = overrides, path: Path = path) -> None:
                import_files(engine, [path], overrides=overrides, options=ImportOptions(dry_run=dry_run))

            run(dry_run=False)  # first publication; the repeats below re-publish it
            for step, dry in (("preview", True), ("publish", False)):
                median, p95 = timed(lambda dry=dry: run(dry_run=dry), args.repeat)
                baseline.setdefault(step, median)
                print(f"{name:<26} {step:<8} {median:>8.4f} {p95:>8.4f} {median / baseline[step]:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
