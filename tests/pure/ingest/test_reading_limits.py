"""Spreadsheets are read within limits that do not trust the file: the declared dimension is ignored,
rows, columns and cells are capped, and an uploaded file is read in a child process under a memory
ceiling."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.ingest.ceiling import read_table_within
from dashboard.ingest.parsing import ImportRejected
from dashboard.ingest.tables import Limits, read_table
from tests.support.sheets import cell, dimension_bomb, workbook

ROOT = Path(__file__).resolve().parents[3]
MEASURE = """
import json, resource, sys, time
from pathlib import Path
from dashboard.ingest.tables import read_table
from dashboard.ingest.parsing import ImportRejected
path = Path(sys.argv[1])
read_table(Path(sys.argv[2]))  # warm: openpyxl imported and its first allocations made
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    outcome = [len(read_table(path).rows)]
except ImportRejected as rejected:
    outcome = [str(p) for p in rejected.problems]
seconds = time.perf_counter() - start
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
print(json.dumps({"outcome": outcome, "seconds": seconds, "grown": grown}))
"""


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _measured(path: Path, warm: Path) -> dict:
    """Read a file in a fresh interpreter: what came out, and how much its peak resident memory grew."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), str(warm)],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def test_a_declared_dimension_is_not_trusted_only_the_cells_present_are_read(tmp_path):
    bomb = _write(tmp_path, "phu-luc.xlsx", dimension_bomb())
    assert len(bomb.read_bytes()) < 2048
    table = read_table(bomb)
    assert table.header == ["STT", "Đơn vị", "Điểm"]
    assert [(row.number, row.cells) for row in table.rows] == [
        (2, {"STT": 1, "Đơn vị": "Sở Tư pháp", "Điểm": 95.26})
    ]
    small = _write(tmp_path, "small.xlsx", workbook({1: cell("A1", "STT")}, dimension="A1"))
    measured = _measured(bomb, small)
    assert measured["outcome"] == [1]
    assert measured["grown"] < 100 * 1024 * 1024, measured


def test_a_cell_far_right_is_refused_as_too_wide_naming_file_and_limit(tmp_path):
    wide = _write(
        tmp_path,
        "rong.xlsx",
        workbook({1: cell("A1", "STT") + cell("XFD1", "x")}, dimension="A1:XFD1"),
    )
    small = _write(tmp_path, "small.xlsx", workbook({1: cell("A1", "STT")}, dimension="A1"))
    measured = _measured(wide, small)
    assert measured["outcome"] == [
        "ERROR rong.xlsx, row 1, column 'XFD': the file has data in column XFD, beyond the 256 columns "
        "a table may have: delete what lies right of the table [too-large]"
    ]
    assert measured["grown"] < 100 * 1024 * 1024, measured


def test_a_cell_at_the_last_row_counts_rows_without_holding_the_blank_ones(tmp_path):
    far = workbook(
        {1: cell("A1", "STT") + cell("B1", "Đơn vị"), 1048576: cell("A1048576", 1)}, dimension="A1:B1048576"
    )
    path = _write(tmp_path, "xa.xlsx", far)
    with pytest.raises(ImportRejected) as refused:
        read_table(path, limits=Limits(rows=1000))
    [problem] = refused.value.problems
    assert (problem.file, problem.row, problem.rule) == ("xa.xlsx", 1048576, "too-large")
    assert "past row 1,000" in problem.message
    table = read_table(path)  # within the default limits the row keeps its true number
    assert [row.number for row in table.rows] == [1048576]


def test_blank_rows_and_trailing_empty_cells_are_not_data(tmp_path):
    rows = {
        3: cell("A3", "STT") + cell("B3", "Đơn vị") + cell("Z3", " "),
        5: cell("A5", 1) + cell("B5", "Sở Y tế"),
        900000: cell("C900000", ""),
    }
    path = _write(tmp_path, "trong.xlsx", workbook(rows, dimension="A1:XFD1048576"))
    table = read_table(path, is_header=lambda cells: "STT" in cells)
    assert (table.header, table.header_row) == (["STT", "Đơn vị"], 3)
    assert [(row.number, row.cells) for row in table.rows] == [(5, {"STT": 1, "Đơn vị": "Sở Y tế"})]


def test_csv_and_xlsx_share_the_cell_and_column_caps(tmp_path):
    csv = _write(tmp_path, "nhieu.csv", ("a,b,c\n" + "10,x,3.5\n" * 50).encode())
    with pytest.raises(ImportRejected) as refused:
        read_table(csv, limits=Limits(cells=100))
    assert "more than 100 cells" in refused.value.problems[0].message
    assert refused.value.problems[0].file == "nhieu.csv"
    wide = _write(tmp_path, "rong.csv", ("a" + ",x" * 300 + "\n").encode())
    with pytest.raises(ImportRejected, match="column KO"):
        read_table(wide)
    assert len(read_table(csv).rows) == 50


def test_a_read_that_needs_more_memory_than_its_ceiling_is_refused_and_the_caller_keeps_going(tmp_path):
    big = _write(
        tmp_path, "lon.csv", ("a,b,c\n" + "".join(f"{i},x{i},{i}.5\n" for i in range(200_000))).encode()
    )
    with pytest.raises(ImportRejected) as refused:
        read_table_within(big, memory=20 * 1024 * 1024)
    [problem] = refused.value.problems
    assert (problem.file, problem.rule) == ("lon.csv", "too-large")
    assert "more than 20 MB of memory" in problem.message
    table = read_table_within(big)
    assert table == read_table(big)


def test_a_refusal_inside_the_child_comes_back_with_its_problems(tmp_path):
    wide = _write(tmp_path, "rong.xlsx", workbook({1: cell("A1", "STT") + cell("XFD1", 1)}, dimension="A1"))
    with pytest.raises(ImportRejected) as refused:
        read_table_within(wide)
    assert [(p.file, p.row, p.column) for p in refused.value.problems] == [("rong.xlsx", 1, "XFD")]
