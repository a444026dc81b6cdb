"""Pure writers: exact CSV bytes, formula neutralization, XLSX structure, JSON shape."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pandas as pd
import pytest

from dashboard.api import exports

FIELDS = exports.RESOURCES["observations"]
HOSTILE = ['=HYPERLINK("http://x")', "+1", "@x", "-cmd", "\tTAB", "\rCR"]


def _frame(names: list[str], values: list[float]) -> pd.DataFrame:
    rows = []
    for i, (name, value) in enumerate(zip(names, values, strict=True)):
        rows.append(
            {
                "year": 2020,
                "unit_code": f"U{i}",
                "unit_name_vi": name,
                "unit_name_en": name,
                "unit_kind": "district",
                "indicator_code": "X",
                "indicator_name_vi": "Chỉ số, có dấu phẩy",
                "indicator_name_en": "Index",
                "value": value,
                "measure": "points",
                "rank": float(i + 1),
                "rank_of": 9.0,
                "class_label": None,
                "methodology": "m",
                "data_kind": "illustrative",
                "source_document": None,
                "source_url": None,
                "period": "2020",
                "qualifier": "exact",
                "value_high": float("nan"),
                "value_published": str(value),
                "gov_level": "",
                "source_title": "t",
            }
        )
    return pd.DataFrame(rows)


def _cover(illustrative: bool = True) -> exports.Cover:
    return exports.Cover(
        title="T",
        licence="L",
        licence_url="http://h/giay-phep",
        citation="Cite me",
        updated="2026-01-02",
        data_version="v1",
        illustrative=illustrative,
        sources=({"kind": "illustrative", "title": "gen"},),
    )


def test_csv_exact_bytes_of_a_small_frame():
    frame = _frame(["Huyện A"], [12.5])
    fields = FIELDS[:12]
    expected = (
        "\ufeffyear,unit_code,unit_name_vi,unit_name_en,unit_kind,indicator_code,indicator_name_vi,"
        "indicator_name_en,value,measure,rank,rank_of\r\n"
        '2020,U0,Huyện A,Huyện A,district,X,"Chỉ số, có dấu phẩy",Index,12.5,points,1,9\r\n'
    ).encode()
    assert exports.to_csv(frame, fields) == expected


def test_hostile_text_is_inert_in_csv_while_negative_numbers_stay_numbers():
    frame = _frame(HOSTILE, [-3.5] * len(HOSTILE))
    text = exports.to_csv(frame, FIELDS).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["unit_name_vi"] for r in rows] == ["'" + name for name in HOSTILE]
    assert {r["value"] for r in rows} == {"-3.5"}
    # value_published is text, so a leading '-' there is neutralized too (it is not a number column).
    assert {r["value_published"] for r in rows} == {"'-3.5"}
    parsed = pd.read_csv(io.BytesIO(exports.to_csv(frame, FIELDS)), encoding="utf-8-sig")
    assert parsed["value"].dtype.kind == "f" and (parsed["value"] == -3.5).all()


def test_hostile_text_is_inert_in_xlsx_while_negative_numbers_stay_numbers():
    frame = _frame(HOSTILE, [-3.5] * len(HOSTILE))
    payload = exports.xlsx_bytes(
        exports.frame_rows(frame, FIELDS), FIELDS, resource="observations", cover=_cover(), lang="en"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(payload))["Data"]
    names = [sheet.cell(row=r, column=3) for r in range(2, 2 + len(HOSTILE))]
    assert all(c.data_type == "s" and c.value.startswith("'") for c in names)
    assert [c.value[1:] for c in names] == HOSTILE
    values = [sheet.cell(row=r, column=9) for r in range(2, 2 + len(HOSTILE))]
    assert all(c.data_type == "n" and c.value == -3.5 for c in values)


@pytest.mark.parametrize(
    "lang, sheets",
    [("vi", ["Dữ liệu", "Giới thiệu", "Từ điển dữ liệu"]), ("en", ["Data", "About", "Data dictionary"])],
)
def test_xlsx_opens_on_frozen_data_sheet_then_cover_and_dictionary(lang, sheets):
    frame = _frame(["A", "B"], [1.0, 2.25])
    payload = exports.xlsx_bytes(
        exports.frame_rows(frame, FIELDS), FIELDS, resource="observations", cover=_cover(), lang=lang
    )
    book = openpyxl.load_workbook(io.BytesIO(payload))
    assert book.sheetnames == sheets
    assert all(not ws.merged_cells.ranges for ws in book.worksheets)
    data, cover, dictionary = (book[name] for name in sheets)
    assert book.active.title == sheets[0] and data.freeze_panes == "A2"
    assert pd.read_excel(io.BytesIO(payload))["Năm" if lang == "vi" else "Year"].tolist() == [2020, 2020]
    cover_text = " ".join(str(c.value) for row in cover.iter_rows() for c in row)
    assert "Cite me" in cover_text and "http://h/giay-phep" in cover_text and "v1" in cover_text
    assert ("MINH HỌA" if lang == "vi" else "ILLUSTRATIVE") in cover_text
    assert [c.value for c in dictionary["A"][1:]] == [f.name for f in FIELDS]
    assert data["I2"].number_format == exports.NUMBER_FORMATS["number"]
    assert data["A2"].value == 2020 and data["A2"].number_format == "0"
    assert data["O2"].value == "illustrative" and data["O2"].fill.fgColor.rgb.endswith("FFF3CD")


def test_json_has_metadata_and_records_with_plain_values():
    frame = _frame(["A"], [1.5])
    cover = _cover()
    chunks = exports.json_chunks(
        exports.frame_rows(frame, FIELDS), FIELDS, metadata=cover.metadata(lang="en", url="u", filters={})
    )
    document = json.loads(b"".join(chunks))
    assert document["metadata"]["illustrative"] is True
    assert document["metadata"]["citation"] == "Cite me"
    assert document["records"][0]["value"] == 1.5
    assert document["records"][0]["value_high"] is None
    assert list(document["records"][0]) == [f.name for f in FIELDS]


def test_empty_json_is_valid():
    chunks = exports.json_chunks([], FIELDS, metadata={"x": 1})
    assert json.loads(b"".join(chunks)) == {"metadata": {"x": 1}, "records": []}


def test_contract_columns_come_first_in_order():
    assert [f.name for f in FIELDS[: exports.CONTRACT_FIELDS]] == [
        "year",
        "unit_code",
        "unit_name_vi",
        "unit_name_en",
        "unit_kind",
        "indicator_code",
        "indicator_name_vi",
        "indicator_name_en",
        "value",
        "measure",
        "rank",
        "rank_of",
        "class",
        "methodology_version",
        "data_kind",
        "source_document",
        "source_url",
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_field_is_documented(lang):
    for resource, fields in exports.RESOURCES.items():
        for field in fields:
            assert exports.field_label(resource, field, lang)
            assert exports.field_description(resource, field, lang)
