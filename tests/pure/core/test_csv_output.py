"""Every CSV the app writes goes through one writer with one formula-injection rule (OWASP), whatever the
spreadsheet's list separator (`;` in Vietnamese Excel): the open-data exports, checked byte for byte (the
public corrections.csv: tests/database/api/test_corrections_csv.py; the publishing audit log:
test_audit_log.py)."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard import csv_output
from dashboard.api import exports

FIELDS = (exports.Field("name", "string"), exports.Field("value", "number"))
PAYLOADS = [
    "x;=cmd|' /C calc'!A0",
    "Sở A;+1+1",
    "tab\t@SUM(A1)",
    '=HYPERLINK("http://evil.example")',
    "-2+3",
    "a,b;-1",
    "  =1+1",
    '"=1+1"',
    "\u00a0@x",
]


def _csv(*rows) -> str:
    return b"".join(exports.csv_chunks(rows, FIELDS)).decode("utf-8").removeprefix(csv_output.BOM)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("  =1+1", "'  =1+1"),
        ('"=1+1"', '\'"=1+1"'),
        ("\u00a0 -2", "'\u00a0 -2"),
        ("-3.5", "'-3.5"),  # text that reads as a number is still text: only number-typed values are numbers
        ("Sở Nội vụ", "Sở Nội vụ"),
        ("x;=cmd", "x;=cmd"),  # not altered: quoting keeps it one cell (see the separator test below)
        ("", ""),
    ],
)
def test_the_one_formula_rule(text: str, written: str) -> None:
    assert csv_output.neutralize(text) == written


def test_numbers_are_written_plainly():
    assert [csv_output.cell_text(v) for v in (10450.0, 0.5741, -3.5, -2, None, True, float("nan"))] == [
        "10450", "0.5741", "-3.5", "-2", "", "true", "",
    ]  # fmt: skip


def test_a_whole_file_byte_for_byte():
    rows = [("x;=cmd|' /C calc'!A0", -3.5), ('say "hi", then go', None), ("=1+1", 2.0), ("  @x", 1e-7)]
    assert csv_output.document(["name", "value"], rows) == (
        "\ufeffname,value\r\n"
        "\"x;=cmd|' /C calc'!A0\",-3.5\r\n"
        '"say ""hi"", then go",\r\n'
        "'=1+1,2\r\n"
        "'  @x,1e-07\r\n"
    ).encode("utf-8")


@pytest.mark.parametrize("text", PAYLOADS)
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_no_cell_is_a_formula_for_any_list_separator(text, separator):
    body = _csv((text, 1.5))
    for row in csv.reader(io.StringIO(body), delimiter=separator):
        for cell in row:
            assert not cell.lstrip(' "\u00a0').startswith(csv_output.FORMULA_PREFIXES), (separator, row)


def test_cells_read_back_as_written_with_the_standard_separator():
    body = _csv(("x;=cmd|' /C calc'!A0", 2.0), ("plain", -3.5), ('say "hi", then go', None))
    rows = list(csv.reader(io.StringIO(body)))
    assert rows == [
        ["name", "value"],
        ["x;=cmd|' /C calc'!A0", "2"],
        ["plain", "-3.5"],
        ['say "hi", then go', ""],
    ]
    assert body.splitlines()[1] == "\"x;=cmd|' /C calc'!A0\",2"
