"""Vietnamese numbers, ranks, group headings and encodings."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from dashboard.ingest.parsing import (
    ImportRejected,
    Problem,
    decode,
    is_roman_numeral,
    parse_number,
    parse_rank,
    parse_rank_and_score,
)
from dashboard.ingest.tables import read_rows


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("95,26", 95.26),
        ("95,26%", 95.26),
        (" 95,26 % ", 95.26),
        ("1.234,5", 1234.5),
        ("1.234.567", 1234567.0),
        ("0.727", 0.727),
        ("95.26", 95.26),
        ("-3,5", -3.5),
        ("12", 12.0),
        (7, 7.0),
        (0.5, 0.5),
        ("", None),
        ("-", None),
        ("–", None),
        (None, None),
        (math.nan, None),
    ],
)
def test_parse_number_vietnamese(cell: object, expected: float | None) -> None:
    assert parse_number(cell) == expected


@pytest.mark.parametrize("cell", ["abc", "95,26,1", "1e5", "9 5x", True])
def test_parse_number_refuses_text(cell: object) -> None:
    with pytest.raises(ValueError):
        parse_number(cell)


def test_parse_number_plain_refuses_decimal_comma() -> None:
    assert parse_number("1.234", vietnamese=False) == 1.234
    with pytest.raises(ValueError):
        parse_number("95,26", vietnamese=False)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("3", 3), ("03", 3), (3.0, 3), ("Đồng hạng 2", 2), ("01 (0,727)", 1), (None, None)],
)
def test_parse_rank(cell: object, expected: int | None) -> None:
    assert parse_rank(cell) == expected


@pytest.mark.parametrize("cell", ["0", "first", 2.5, -1, "1a"])
def test_parse_rank_refuses(cell: object) -> None:
    with pytest.raises(ValueError):
        parse_rank(cell)


def test_rank_and_score_cell() -> None:
    assert parse_rank_and_score("01 (0,727)") == (1, 0.727)
    assert parse_rank_and_score(" 12 ( 95,26 ) ") == (12, 95.26)
    assert parse_rank_and_score("95,26") is None
    assert parse_rank_and_score(1) is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("I", True),
        ("II.", True),
        ("iv", True),
        ("X", True),
        ("1", False),
        (2, False),
        ("", False),
        ("Sở", False),
    ],
)
def test_roman_group_headings(cell: object, expected: bool) -> None:
    assert is_roman_numeral(cell) is expected


TEXT = "year,unit\n2022,Huyện Sơn Tây\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_decode_accepts_utf8_and_utf16(encoding: str) -> None:
    assert decode(TEXT.encode(encoding), "f.csv") == TEXT


@pytest.mark.parametrize("encoding", ["cp1258", "latin-1"])
def test_decode_refuses_legacy_encodings(encoding: str) -> None:
    with pytest.raises(ImportRejected) as rejected:
        decode("year,unit\n2022,Huyện Sơn Hà\n".encode(encoding, errors="replace"), "f.csv")
    assert [(p.file, p.rule) for p in rejected.value.problems] == [("f.csv", "encoding")]


def test_decode_refuses_mojibake_with_line_number() -> None:
    broken = TEXT.encode("utf-8").decode("cp1252", errors="replace")
    with pytest.raises(ImportRejected) as rejected:
        decode(broken.encode("utf-8"), "f.csv")
    assert [(p.row, p.rule) for p in rejected.value.problems] == [(2, "mojibake")]


def test_read_rows_numbers_rows_skips_blank_and_cleans_cells(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("a,b\n1,\u00a0x\u00a0\n,\n3, \n", encoding="utf-8")
    header, rows = read_rows(path)
    assert header == ["a", "b"]
    assert [(r.number, r.cells) for r in rows] == [(2, {"a": "1", "b": "x"}), (4, {"a": "3", "b": None})]


def test_problem_text_names_file_row_column_value_rule() -> None:
    problem = Problem("f.csv", 3, "value", "abc", "type", "not a number", "warning")
    assert str(problem) == "WARNING f.csv, row 3, column 'value': not a number (value 'abc') [type]"
