"""A value longer than its column is a named problem, not a raw PostgreSQL DataError (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from test_importer import reference_engine, snapshot, tidy_meta, write_dataset

from dashboard.ingest.importer import import_files
from dashboard.ingest.parsing import ImportRejected

__all__ = ["reference_engine"]


def test_a_value_longer_than_its_column_is_named(reference_engine: Engine, tmp_path: Path) -> None:
    level = "cấp xã phường đặc khu và thị trấn"  # 33 characters; the column holds 24
    text = (
        "year,unit,indicator,value,gov_level\n"
        "2022,530,EDOC_PROCESSED_ONLINE_SHARE,91.5,\n"
        f"2022,525,EDOC_PROCESSED_ONLINE_SHARE,85,{level}\n"
    )
    path = write_dataset(tmp_path, "t.csv", text, tidy_meta())
    before = snapshot(reference_engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [path])
    assert [(p.file, p.row, p.column, p.value, p.rule) for p in rejected.value.problems] == [
        ("t.csv", 3, "gov_level", level, "length")
    ]
    assert "longer than 24 characters" in str(rejected.value)
    assert snapshot(reference_engine) == before
