"""Cost of reading uploads in a child process under a memory ceiling, against reading in the worker.

Two measures, each the median of N runs, in-process and in the child, in the same run:
  1. reading a 120-row annex as decisions print it (.xlsx, title block, two-level header, 12 columns);
  2. the whole browser preview (dry-run import) of the 2024 annex on a SQLite copy of data/.
The first child read also starts the forkserver (once per worker process): reported on its own.
Each child runs the program's main script again (multiprocessing does): this script imports nothing
heavy at its top, as gunicorn's own script does not, so that the cost measured is the one a worker pays.

Usage: .venv/bin/python benchmarks/bench_upload_ceiling.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
ANNEX = REPO / "data" / "illustrative" / "qn_readiness_annex_2024.csv"


def annex_xlsx(path: Path, rows: int = 120) -> Path:
    """An annex of `rows` units under a title block and a merged two-level header."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["A1"], sheet["A2"] = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Phụ lục: KẾT QUẢ ĐÁNH GIÁ NĂM 2024"
    sheet.append([])
    sheet.append(["TT", "Đơn vị", "Chỉ số thành phần", None, None, None, None, None, "Chỉ số CĐS (%)",
                  "Xếp hạng", "Xếp loại", "Ghi chú"])  # fmt: skip
    sheet.append(
        [None, None, "Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn", "Hoạt động"]
    )
    sheet.merge_cells("C4:H4")
    for number in range(1, rows + 1):
        scores = [round(50 + (number * k) % 150 + 0.25, 2) for k in range(1, 7)]
        sheet.append(
            [number, f"Xã số {number}", *scores, round(60 + number % 40 + 0.5, 2), number, "Khá", None]
        )
    book.save(path)
    return path


def header(cells: list[str]) -> bool:
    """The annex's header row (a module-level function: the child process gets it pickled)."""
    return "Đơn vị" in cells


def median_seconds(function: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from dashboard import db
    from dashboard.admin import publishing
    from dashboard.ingest import ceiling
    from dashboard.ingest.importer import build_all
    from dashboard.ingest.tables import read_table

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        xlsx = annex_xlsx(directory / "annex-120.xlsx")

        start = time.perf_counter()
        ceiling.read_table_within(xlsx, is_header=header)
        first = time.perf_counter() - start
        inside = median_seconds(lambda: read_table(xlsx, is_header=header), runs)
        child = median_seconds(lambda: ceiling.read_table_within(xlsx, is_header=header), runs)

        engine = db.get_engine(f"sqlite:///{directory / 'bench.sqlite3'}")
        build_all(engine, REPO / "data")
        upload = directory / "upload.csv"  # as the upload folder keeps it: no sidecar
        upload.write_bytes(ANNEX.read_bytes())
        fields = publishing.Fields(
            year=2024, methodology="qn-dti-2020", kind="official", issuer="UBND tỉnh Quảng Ngãi",
            document="Quyết định số 123/QĐ-UBND", source_url="https://quangngai.gov.vn/van-ban/123",
            replaces="illustrative-readiness-2024",
        )  # fmt: skip
        saved = publishing.UPLOAD_MEMORY_CEILING
        assert not publishing.check(engine, upload, fields).errors
        publishing.UPLOAD_MEMORY_CEILING = None  # type: ignore[assignment]  # the baseline: read in-process
        preview_inside = median_seconds(lambda: publishing.check(engine, upload, fields), runs)
        publishing.UPLOAD_MEMORY_CEILING = saved
        preview_child = median_seconds(lambda: publishing.check(engine, upload, fields), runs)

    print(f"commit {commit.stdout.strip()}, {runs} runs each, medians")
    print("| measure | in the worker (baseline) | child under ceiling | ratio |")
    print("| --- | --- | --- | --- |")
    for name, baseline, measured in (
        ("read 120-row .xlsx annex", inside, child),
        ("preview of the 2024 annex (dry run)", preview_inside, preview_child),
    ):
        print(
            f"| {name} | {baseline * 1000:.1f} ms | {measured * 1000:.1f} ms | {measured / baseline:.2f}× |"
        )
    print(f"first child read in a process (starts the forkserver): {first * 1000:.0f} ms")


if __name__ == "__main__":
    main()
