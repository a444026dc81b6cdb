"""What the annex importer says when a file is not what it expects: a header row without its unit column is
named (row and column), and a replace is held back by the units and indicators it loses, not its rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dashboard.ingest.importer import import_files
from dashboard.ingest.parsing import ImportRejected
from tests.database.ingest.test_importer import FIXTURES, snapshot, write_dataset

ANNEX = (FIXTURES / "annex_dti_2022.csv").read_text(encoding="utf-8")
SUB_INDICES = (
    "Nhận thức số",
    "Thể chế số",
    "Hạ tầng số",
    "Nhân lực số",
    "An toàn thông tin mạng",
    "Hoạt động chính quyền số",
)


@pytest.fixture
def engine(fresh_engine: Callable[..., Engine]) -> Engine:
    return fresh_engine(like="reference")


def meta(kind: str) -> dict:
    """The fixture's metadata, its source of the given kind, the mapping found by methodology."""
    spec = json.loads((FIXTURES / "annex_dti_2022.meta.json").read_text(encoding="utf-8"))
    del spec["mapping"]
    spec["methodology"] = "qn-dti-2020"
    spec["sources"][0]["kind"] = kind
    return spec


def without(columns: tuple[str, ...], text: str = ANNEX, *, drop_units: tuple[str, ...] = ()) -> str:
    """The annex with some columns (and units' rows) left out, as a narrower real annex would print it."""
    rows = list(csv.reader(io.StringIO(text)))
    keep = [i for i, name in enumerate(rows[0]) if name not in columns]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        if row[1] not in drop_units:
            writer.writerow([row[i] for i in keep])
    return out.getvalue()


def test_a_header_row_without_its_unit_column_is_named(engine: Engine, tmp_path: Path) -> None:
    path = write_dataset(tmp_path, "annex.csv", ANNEX.replace("Đơn vị", "Tên gọi", 1), meta("official"))
    before = snapshot(engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(engine, [path])
    [problem] = rejected.value.problems
    assert (problem.file, problem.row, problem.column, problem.rule) == (
        "annex.csv",
        1,
        "Đơn vị",
        "unit-column",
    )
    assert "row 1 looks like the header (STT, Nhận thức số, Thể chế số, Hạ tầng số)" in problem.message
    assert "'Tên đơn vị'" in problem.message
    assert snapshot(engine) == before


def test_a_real_totals_only_annex_replaces_a_generated_year_with_sub_indices(
    engine: Engine, tmp_path: Path
) -> None:
    path = write_dataset(tmp_path, "annex.csv", ANNEX, meta("illustrative"))
    import_files(engine, [path])
    write_dataset(tmp_path, "annex.csv", without(SUB_INDICES), meta("official"))
    report = import_files(engine, [path])  # every unit kept: no --confirm-shrink although 6 of 7 rows go
    assert report.rows == {"test-annex-dti-2022": 7}


def test_a_replace_losing_units_needs_confirming(engine: Engine, tmp_path: Path) -> None:
    path = write_dataset(tmp_path, "annex.csv", ANNEX, meta("illustrative"))
    import_files(engine, [path])
    write_dataset(tmp_path, "annex.csv", without(SUB_INDICES, drop_units=("Huyện Lý Sơn",)), meta("official"))
    before = snapshot(engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(engine, [path])
    [problem] = rejected.value.problems
    assert problem.rule == "shrink" and "it loses 1 of the 7 units (536)" in problem.message
    assert snapshot(engine) == before
