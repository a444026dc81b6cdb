"""CSV cells stay inert in spreadsheets whatever their list separator (issue 15: `;` in Vietnamese Excel)."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.api import exports

FIELDS = (exports.Field("name", "string"), exports.Field("value", "number"))


def _csv(*rows) -> str:
    return b"".join(exports.csv_chunks(rows, FIELDS)).decode("utf-8").removeprefix(exports.BOM)


@pytest.mark.parametrize(
    "text",
    [
        "x;=cmd|' /C calc'!A0",
        "Sở A;+1+1",
        "tab\t@SUM(A1)",
        '=HYPERLINK("http://evil.example")',
        "-2+3",
        "a,b;-1",
    ],
)
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_no_cell_is_a_formula_for_any_list_separator(text, separator):
    body = _csv((text, 1.5))
    for row in csv.reader(io.StringIO(body), delimiter=separator):
        for cell in row:
            assert not cell.startswith(exports.FORMULA_PREFIXES), (separator, row)


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
