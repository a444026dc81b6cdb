"""Every CSV the app writes goes through one writer with one formula-injection rule (OWASP), whatever the
spreadsheet's list separator (`;` in Vietnamese Excel): the open-data exports and the public
corrections.csv, each checked byte for byte (the publishing audit log: test_audit_log.py)."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard import csv_output
from dashboard.api import exports
from tests.database.api.test_corrections import CORRECTION, corrected  # noqa: F401 - the fixture

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


HOSTILE_CORRECTION = {
    **CORRECTION,
    "document": '=HYPERLINK("http://evil.example";"123/QĐ-UBND")',
    "old_value": "-95,26",
    "new_value": "96,00;@SUM(1)",
}


@pytest.mark.parametrize("corrected", [HOSTILE_CORRECTION], indirect=True)
def test_public_corrections_csv_neutralises_formulas(client, corrected) -> None:  # noqa: F811 - the fixture
    response = client.get("/api/v1/corrections.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.get_data() == (
        "\ufeffcorrected_at,document,source_url,dataset_id,replaced_dataset_id,unit_code,unit_name_vi,"
        "unit_name_en,year,period,indicator_code,indicator_name_vi,indicator_name_en,field,old_value,new_value\r\n"
        '2026-03-20T08:00:00Z,"\'=HYPERLINK(""http://evil.example"";""123/QĐ-UBND"")",'
        "https://example.invalid/qd-123,dti-2022-corrected,dti-2022,so-noi-vu,Sở Nội vụ,"
        "Department of Home Affairs,2022,2022,DTI_TOTAL,Chỉ số chuyển đổi số (%),"
        'Digital transformation index (%),value,"\'-95,26","96,00;@SUM(1)"\r\n'
    ).encode("utf-8")
