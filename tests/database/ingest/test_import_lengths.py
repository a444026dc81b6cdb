"""Named import problems: values longer than their column, source URLs that are not http(s) (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from dashboard.ingest.importer import import_files
from dashboard.ingest.parsing import ImportRejected
from tests.database.ingest.test_importer import reference_engine, snapshot, tidy_meta, write_dataset

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


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://x/y"]
)
def test_a_source_url_must_be_http(reference_engine: Engine, tmp_path: Path, url: str) -> None:
    meta = tidy_meta()
    meta["sources"][0]["url"] = url
    text = "year,unit,indicator,value\n2022,530,EDOC_PROCESSED_ONLINE_SHARE,91.5\n"
    path = write_dataset(tmp_path, "t.csv", text, meta)
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [path])
    assert [(p.column, p.value, p.message) for p in rejected.value.problems] == [
        ("sources[1].url", url, "not an http(s) URL")  # numbered from 1, as people count
    ]


def test_only_web_links_are_rendered():
    from dashboard.domain import is_web

    assert is_web("https://qppl.quangngai.gov.vn/x") and is_web("HTTP://a.b")
    assert not any(is_web(u) for u in ("javascript:alert(1)", "data:text/html,x", "", None, " https://x"))
