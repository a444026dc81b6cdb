"""Importer on deliberately bad input: each case asserts the exact problems (file, row, column, rule) and
that the database is exactly as it was before the rejected import."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine

from tests.database.ingest.test_importer import (
    FIXTURES,
    MAPPINGS,
    annex_meta,
    annex_text,
    reference_engine,
    snapshot,
    tidy_meta,
    tidy_text,
    write_dataset,
)

__all__ = ["reference_engine"]  # a fixture shared with test_importer.py

from dashboard.ingest.importer import import_files
from dashboard.ingest.parsing import ImportRejected

Build = Callable[[Path], list[Path]]
Expected = list[tuple[str, int | None, str | None, str]]


def tidy(text: str, meta: dict | None = None, name: str = "t.csv") -> Build:
    """A tidy file (text replaced) with the good sidecar unless one is given."""
    return lambda tmp: [write_dataset(tmp, name, text, tidy_meta() if meta is None else meta)]


def tidy_bytes(data: bytes) -> Build:
    return lambda tmp: [write_dataset(tmp, "t.csv", data, tidy_meta())]


def tidy_replace(old: str, new: str) -> Build:
    assert old in tidy_text(), old
    return tidy(tidy_text().replace(old, new))


def annex(text: str, meta: dict | None = None) -> Build:
    return lambda tmp: [write_dataset(tmp, "annex.csv", text, annex_meta() if meta is None else meta)]


def annex_replace(old: str, new: str) -> Build:
    assert old in annex_text(), old
    return annex(annex_text().replace(old, new))


def annex_without_column(header: str) -> Build:
    rows = list(csv.reader(io.StringIO(annex_text())))
    index = rows[0].index(header)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:index] + r[index + 1 :] for r in rows])
    return annex(out.getvalue())


def with_sidecar_text(sidecar: str) -> Build:
    def build(tmp: Path) -> list[Path]:
        path = write_dataset(tmp, "t.csv", tidy_text(), None)
        (tmp / "t.meta.json").write_text(sidecar, encoding="utf-8")
        return [path]

    return build


def xlsx(rows: list[list[object]], meta: dict) -> Build:
    def build(tmp: Path) -> list[Path]:
        tmp.mkdir(parents=True)
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        workbook.save(tmp / "t.xlsx")
        (tmp / "t.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        return [tmp / "t.xlsx"]

    return build


def two_files_same_id(tmp: Path) -> list[Path]:
    return [
        write_dataset(tmp, "a.csv", tidy_text(), tidy_meta()),
        write_dataset(tmp, "b.csv", tidy_text(), tidy_meta()),
    ]


def reference(name: str, kind: str, text: str) -> Build:
    """A reference table of the given type (its sidecar names one source, so rows may leave it out)."""
    return lambda tmp: [write_dataset(tmp, name, text, tidy_meta(id=name.split(".")[0], type=kind))]


INDICATORS_WITH_DUPLICATE_CODE = (
    "code,methodology,parent_code,name_vi,name_en,measure,min_value,max_value\n"
    "X_ONE,edoc,,Một,One,percent,0,100\n"
    "X_ONE,edoc,,Hai,Two,percent,0,100\n"
    "X_TWO,edoc,,Ba,Three,percent,100,0\n"
)
LINEAGE_ROWS = (
    "from_code,to_code,event,event_date,legal_basis,indicative,source,note\n"
    "526,525,merged_into,2020-02-01,NQ 867,0,,\n"
    "999,525,merged_into,,NQ 867,0,,\n"
)
PREDECESSOR_ROWS = (
    "old_code,old_name_vi,old_kind,to_code,share,event_date,indicative,source\n"
    "21019,,commune,99999,half,2025-07-01,1,\n"
)


MOJIBAKE = tidy_text().encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", "?")
HEADER = "year,unit,indicator,value,rank,class\n"
ROW_530 = "2022,530,EDOC_PROCESSED_ONLINE_SHARE,91.5,1,"

# name -> (files to import, exact problems as (file, row, column, rule), fragment of the first message)
CASES: dict[str, tuple[Build, Expected, str]] = {
    "missing required column": (
        tidy(HEADER.replace("value,", "") + "2022,530,EDOC_SIGNED_SHARE,1,\n"),
        [("t.csv", 1, "value", "required-column")],
        "required column is missing",
    ),
    "missing unit column": (
        tidy("year,indicator,value\n2022,EDOC_SIGNED_SHARE,5\n"),
        [("t.csv", 1, "unit_code", "required-column")],
        "need 'unit_code' or 'unit'",
    ),
    "row longer than the header": (
        tidy_replace(",91.5,1,", ",91,5,1,x"),
        [("t.csv", 2, None, "extra-cells")],
        "more cells",
    ),
    "text in value": (tidy_replace(",91.5,", ",chín mươi,"), [("t.csv", 2, "value", "type")], "not a number"),
    "Vietnamese decimal comma in a tidy file": (
        tidy_replace(",91.5,", ',"91,5",'),
        [("t.csv", 2, "value", "type")],
        "not a number",
    ),
    "value out of range": (
        tidy_replace(",91.5,", ",191.5,"),
        [("t.csv", 2, "value", "range")],
        "EDOC_PROCESSED_ONLINE_SHARE must lie between 0 and 100",
    ),
    "unknown indicator": (
        tidy_replace("530,EDOC_PROCESSED_ONLINE_SHARE", "530,EDOC_NOPE"),
        [("t.csv", 2, "indicator", "unknown-indicator")],
        "unknown indicator",
    ),
    "unknown unit name with closest candidates": (
        tidy_replace(ROW_530, "2022,Huyen Son Tai,EDOC_PROCESSED_ONLINE_SHARE,91.5,1,"),
        [("t.csv", 2, "unit", "unknown-unit")],
        "unknown unit; closest: Huyện Sơn Tây (530); Huyện Sơn Tịnh (527); Huyện Sơn Hà (529)",
    ),
    "ambiguous unit name": (
        tidy(HEADER + "2024,Kon Tum,EDOC_SIGNED_SHARE,50,,\n"),
        [("t.csv", 2, "unit", "ambiguous-unit")],
        "ambiguous unit name; candidates: Thành phố Kon Tum (608); Tỉnh Kon Tum (62)",
    ),
    "unit not valid in the year (Tây Trà 2022)": (
        tidy(HEADER + "2022,Huyện Tây Trà,EDOC_SIGNED_SHARE,50,,\n"),
        [("t.csv", 2, "unit", "unit-validity")],
        "no such unit existed on 31 December 2022 (Huyện Tây Trà (526) valid … – 2020)",
    ),
    "unit code not valid in the year (Kon Tum 2025)": (
        tidy(HEADER + "2025,62,EDOC_SIGNED_SHARE,50,,\n"),
        [("t.csv", 2, "unit", "unit-validity")],
        "no such unit existed on 31 December 2025 (Tỉnh Kon Tum (62)",
    ),
    "duplicate row": (
        tidy(tidy_text() + ROW_530 + "\n"),
        [("t.csv", 7, None, "duplicate")],
        "same unit, period and indicator as row 2",
    ),
    "implausible year": (
        tidy_replace("2022,530", "1899,530"),
        [("t.csv", 2, "year", "year")],
        "year must be between 2000 and",
    ),
    "bad rank cell": (
        tidy_replace(",91.5,1,", ",91.5,first,"),
        [("t.csv", 2, "rank", "type")],
        "whole number",
    ),
    "unknown class label": (
        tidy(HEADER + "2019,Huyện Sơn Tây,ITR_TOTAL,91.5,,Xuất sắc\n"),
        [("t.csv", 2, "class", "class")],
        "unknown class (expected Tốt, Khá, Trung bình or Yếu: the classes of qn-itr-2012)",
    ),
    "a class under a method without classes": (
        tidy_replace(",91.5,1,", ",91.5,1,Tốt"),
        [("t.csv", 2, "class", "class")],
        "the method edoc defines no classes",
    ),
    "undeclared source id": (
        tidy("year,unit,indicator,value,source\n2022,530,EDOC_SIGNED_SHARE,50,nowhere\n"),
        [("t.csv", 2, "source", "source")],
        "source not declared in metadata",
    ),
    "bad qualifier": (
        tidy("year,unit,indicator,value,qualifier\n2022,530,EDOC_SIGNED_SHARE,50,about\n"),
        [("t.csv", 2, "qualifier", "qualifier")],
        "must be one of exact",
    ),
    "missing unit value": (
        tidy(HEADER + "2022,,EDOC_SIGNED_SHARE,50,,\n"),
        [("t.csv", 2, "unit", "required-value")],
        "unit is missing",
    ),
    "bad encoding (cp1258)": (
        tidy_bytes(tidy_text().replace("Ơ", "O").encode("cp1258", errors="replace")),
        [("t.csv", None, None, "encoding")],
        "not UTF-8 or UTF-16",
    ),
    "bad encoding (latin-1)": (
        tidy_bytes(
            (HEADER + "2022,Huyện Sơn Hà,EDOC_SIGNED_SHARE,50,,\n").encode("latin-1", errors="replace")
        ),
        [("t.csv", None, None, "encoding")],
        "Windows-1258",
    ),
    "mojibake in CSV": (tidy(MOJIBAKE), [("t.csv", 3, None, "mojibake")], "double-encoded"),
    "mojibake in XLSX": (
        xlsx(
            [["year", "unit", "indicator", "value"], [2022, "Huyá»‡n SÆ¡n TÃ¢y", "EDOC_SIGNED_SHARE", 5]],
            tidy_meta(),
        ),
        [("t.xlsx", 2, "unit", "mojibake")],
        "double-encoded",
    ),
    "NUL bytes": (tidy_bytes(b"year,unit\x00\x01\x02,value\n"), [("t.csv", None, None, "encoding")], "NUL"),
    "unsupported file extension": (
        lambda tmp: [write_dataset(tmp, "t.ods", tidy_text(), tidy_meta())],
        [("t.ods", None, None, "format")],
        "unsupported file type",
    ),
    "garbage xlsx": (
        lambda tmp: [write_dataset(tmp, "t.xlsx", b"PK\x03\x04 not really a zip", tidy_meta())],
        [("t.xlsx", None, None, "format")],
        "not a readable .xlsx workbook",
    ),
    "duplicate column": (
        tidy("year,unit,indicator,value,value\n2022,530,EDOC_SIGNED_SHARE,5,6\n"),
        [("t.csv", 1, "value", "duplicate-column")],
        "twice",
    ),
    "sidecar missing required metadata": (
        tidy(tidy_text(), {k: v for k, v in tidy_meta().items() if k not in ("licence", "title_en")}),
        [("t.meta.json", None, "title_en", "metadata"), ("t.meta.json", None, "licence", "metadata")],
        "missing",
    ),
    "no sidecar at all": (
        lambda tmp: [write_dataset(tmp, "t.csv", tidy_text(), None)],
        [("t.csv", None, key, "metadata") for key in ("id", "title_vi", "title_en", "licence", "sources")],
        "source metadata is missing this field",
    ),
    "source without URL or kind": (
        tidy(
            tidy_text(),
            tidy_meta(sources=[{"id": "s", "kind": "blog", "issuer": "x", "title": "t", "licence": "l"}]),
        ),
        [("t.meta.json", None, "sources[1].kind", "metadata")],
        "kind must be one of official, press, community, illustrative, reference",
    ),
    "malformed sidecar JSON": (
        with_sidecar_text('{"id": "t",\n  "title_vi": }'),
        [("t.meta.json", 2, None, "metadata")],
        "",
    ),
    "sidecar is not an object": (
        with_sidecar_text("[1, 2]"),
        [("t.meta.json", 1, None, "metadata")],
        "JSON object",
    ),
    "two files with one dataset id": (
        two_files_same_id,
        [("b.csv", None, "id", "metadata")],
        "dataset id already used by a.csv",
    ),
    "file not found": (
        lambda tmp: [tmp / "missing.csv"],
        [("missing.csv", None, None, "file")],
        "file not found",
    ),
    "annex row before any group": (
        annex_replace('I,"Các sở, ban, ngành",,,,,,,,,\n', ""),
        [("annex.csv", row, "STT", "group") for row in (2, 3, 4, 5)],
        "row before any group",
    ),
    "annex group heading of unknown kind": (
        annex_replace('I,"Các sở, ban, ngành"', "I,Khối khác"),
        [("annex.csv", 2, "Đơn vị", "group")],
        "cannot tell the group's unit kind",
    ),
    "replace that shrinks the dataset by 14 % (a sub-index column dropped)": (
        annex_without_column("Hạ tầng số"),
        [("annex.csv", None, None, "shrink")],
        "would remove 7 of the 49 rows stored for dataset 'test-annex-dti-2022' (14 %",
    ),
    "header-only annex under the stored dataset's id (the data-loss bug)": (
        annex(annex_text().splitlines()[0] + "\n"),
        [("annex.csv", None, None, "empty-file")],
        "no data rows (only a header or nothing): nothing to import; the 49 rows stored for dataset "
        "'test-annex-dti-2022' are kept",
    ),
    "header-only tidy file": (
        tidy(tidy_text().splitlines()[0] + "\n"),
        [("t.csv", None, None, "empty-file")],
        "the 5 rows stored for dataset 'test-tidy-edoc' are kept",
    ),
    "annex with only group headings": (
        annex("\n".join(line for line in annex_text().splitlines() if not line[0].isdigit()) + "\n"),
        [("annex.csv", None, None, "empty-file")],
        "nothing to import",
    ),
    "same year and groups under a new dataset id (doubled rankings)": (
        annex(annex_text(), annex_meta(id="another-dti-2022")),
        [("annex.csv", None, None, "already-published"), ("annex.csv", None, None, "already-published")],
        "qn-dti-2020 2022 (department units) is already published by dataset 'test-annex-dti-2022' "
        "(Thử nghiệm – phụ lục DTI 2022); to publish this file in its place, import it with "
        "--replace test-annex-dti-2022",
    ),
    "ambiguous number 91.470": (
        annex_replace('"95,00","142,60"', '"91.470","142,60"'),
        [("annex.csv", 3, "Nhận thức số", "ambiguous-number")],
        "'91.470' may be 91.47 (decimal point) or 91470 (thousands separator): write it as 91,47 or 91470",
    ),
    "another province's district in the district group": (
        annex_replace("3,Huyện Lý Sơn,", "3,Huyện Đắk Glei,"),
        [("annex.csv", 10, "Đơn vị", "other-province")],
        "not a unit of Quảng Ngãi: Huyện Đắk Glei (",
    ),
    "a city of another province never resolves to that province (TP Tuyên Quang)": (
        tidy_replace("2022,530,", "2022,TP Tuyên Quang,"),
        [("t.csv", 2, "unit", "unknown-unit")],
        "unknown unit",
    ),
    "annex year outside methodology years": (
        annex(annex_text(), annex_meta(year=2019)),
        [("annex.csv", None, "year", "methodology")],
        "methodology qn-dti-2020 does not cover 2019",
    ),
    "annex year missing": (
        annex(annex_text(), {k: v for k, v in annex_meta().items() if k != "year"}),
        [("annex.csv", None, "year", "metadata")],
        "missing or implausible",
    ),
    "annex mapping file not found": (
        annex(annex_text(), annex_meta(mapping=str(MAPPINGS / "nope.json"))),
        [("annex.csv", None, "mapping", "metadata")],
        "mapping file not found",
    ),
    "annex district under group I (unit kind)": (
        annex_replace("4,Ban Dân tộc,", "4,Huyện Sơn Hà,"),
        [("annex.csv", 6, "Đơn vị", "unit-kind")],
        "expected a department: Huyện Sơn Hà (529) is a district",
    ),
    "annex unit gone that year (Tây Trà 2022)": (
        annex_replace("3,Huyện Lý Sơn,", "3,Huyện Tây Trà,"),
        [("annex.csv", 10, "Đơn vị", "unit-validity")],
        "no such unit existed on 31 December 2022",
    ),
    "annex bad number": (
        annex_replace('"142,60"', '"142,6o"'),
        [("annex.csv", 3, "Thể chế số", "type")],
        "not a number",
    ),
    "annex sub-index out of range": (
        annex_replace('"240,00"', '"260,00"'),
        [("annex.csv", 3, "Hoạt động chính quyền số", "range")],
        "DTI_GOV must lie between 0 and 250",
    ),
    "annex bad rank": (
        annex_replace('"95,26%",1,', '"95,26%",một,'),
        [("annex.csv", 3, "Xếp hạng", "type")],
        "rank",
    ),
    "annex unknown class": (
        annex_replace('"95,26%",1,Tốt', '"95,26%",1,Xuất sắc'),
        [("annex.csv", 3, "Xếp loại", "class")],
        "expected Tốt, Khá, Trung bình or Yếu",
    ),
    "annex unit twice": (
        annex_replace("4,Ban Dân tộc,", "4,Sở Y tế,"),
        [("annex.csv", 6, None, "duplicate")],
        "same unit, period and indicator as row 5",
    ),
    "annex missing unit name": (
        annex_replace("4,Ban Dân tộc,", "4,,"),
        [("annex.csv", 6, "Đơn vị", "required-value")],
        "unit name missing",
    ),
    "reference file: duplicate and missing keys, bad range": (
        reference("ind.csv", "indicators", INDICATORS_WITH_DUPLICATE_CODE),
        [("ind.csv", 4, "max_value", "range"), ("ind.csv", 3, "code", "duplicate")],
        "below min_value",
    ),
    "lineage rows: unknown unit, missing date": (
        reference("lin.csv", "lineage", LINEAGE_ROWS),
        [("lin.csv", 3, "from_code", "unknown-unit"), ("lin.csv", 3, "event_date", "required-value")],
        "unknown unit",
    ),
    "predecessor rows: unknown unit, bad share, missing name": (
        reference("pre.csv", "predecessors", PREDECESSOR_ROWS),
        [
            ("pre.csv", 2, "to_code", "unknown-unit"),
            ("pre.csv", 2, "share", "share"),
            ("pre.csv", 2, "old_name_vi", "required-value"),
        ],
        "unknown unit",
    ),
}


@pytest.fixture
def populated_engine(reference_engine: Engine, tmp_path: Path) -> Engine:
    """Reference tables plus the good tidy and annex fixtures, so rejected re-imports must keep them."""
    import_files(reference_engine, [FIXTURES / "tidy_edoc_2022.csv"])
    import_files(
        reference_engine, [write_dataset(tmp_path / "good", "annex.csv", annex_text(), annex_meta())]
    )
    return reference_engine


def test_there_are_at_least_fifteen_distinct_kinds() -> None:
    assert len({rule for _, expected, _ in CASES.values() for *_, rule in expected}) >= 15
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_rejected_with_exact_problems(
    case: str, populated_engine: Engine, tmp_path: Path
) -> None:
    build, expected, fragment = CASES[case]
    paths = build(tmp_path / "input")
    before = snapshot(populated_engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(populated_engine, paths)
    problems = rejected.value.problems
    assert [(p.file, p.row, p.column, p.rule) for p in problems] == expected
    assert all(p.severity == "error" for p in problems)
    assert fragment in problems[0].message
    first = str(problems[0])
    assert first.startswith(f"ERROR {expected[0][0]}")
    if expected[0][1] is not None:
        assert f"row {expected[0][1]}" in first
    if expected[0][2] is not None:
        assert f"column '{expected[0][2]}'" in first
    assert f"[{expected[0][3]}]" in first
    assert snapshot(populated_engine) == before


def test_value_of_problem_is_the_offending_cell(reference_engine: Engine, tmp_path: Path) -> None:
    path = write_dataset(tmp_path, "t.csv", tidy_text().replace(",91.5,", ",chín mươi,"), tidy_meta())
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [path])
    assert (
        str(rejected.value) == "ERROR t.csv, row 2, column 'value': not a number (value 'chín mươi') [type]"
    )


def test_all_problems_of_a_file_are_reported_together(reference_engine: Engine, tmp_path: Path) -> None:
    text = (
        tidy_text()
        .replace(",91.5,", ",abc,")
        .replace("Huyện Lý Sơn", "Huyện Không Có")
        .replace("2019,", "1999,")
    )
    path = write_dataset(tmp_path, "t.csv", text, tidy_meta())
    before = snapshot(reference_engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [path])
    assert [(p.row, p.column, p.rule) for p in rejected.value.problems] == [
        (2, "value", "type"),
        (5, "unit", "unknown-unit"),
        (6, "year", "year"),
    ]
    assert snapshot(reference_engine) == before


def test_a_bad_file_rejects_the_good_files_imported_with_it(reference_engine: Engine, tmp_path: Path) -> None:
    good = write_dataset(tmp_path, "good.csv", tidy_text(), tidy_meta(id="good"))
    bad = write_dataset(tmp_path, "bad.csv", tidy_text().replace(",91.5,", ",191.5,"), tidy_meta(id="bad"))
    before = snapshot(reference_engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [good, bad])
    assert [(p.file, p.rule) for p in rejected.value.problems] == [("bad.csv", "range")]
    assert snapshot(reference_engine) == before
