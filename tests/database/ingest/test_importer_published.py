"""Files as the province publishes them, built here: an XLSX annex under a title block with a two-level
merged header and footnotes, a ';' CSV saved by Excel in Vietnamese settings, a UTF-16 tab-separated
total in points; the command line without JSON; the dry run; a replace and its corrections."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook
from sqlalchemy import Engine, select

from dashboard import db
from dashboard.__main__ import cli
from dashboard.ingest.importer import ImportOptions, import_files
from dashboard.ingest.parsing import ImportRejected
from tests.database.ingest.test_importer import REFERENCE_FILES, observations, reference_engine, snapshot

__all__ = ["reference_engine"]

DOCUMENT = "Quyết định số 123/QĐ-UBND ngày 15/3/2023"
CLI_SOURCE = [
    "--year", "2022", "--methodology", "qn-dti-2020", "--kind", "official",
    "--issuer", "UBND tỉnh Quảng Ngãi", "--document", DOCUMENT,
    "--source-url", "https://example.invalid/qd-123",
]  # fmt: skip
OVERRIDES = {
    "year": 2022,
    "methodology": "qn-dti-2020",
    "type": "annex",
    "id": "dti-2022",
    "title_vi": "Kết quả DTI 2022",
    "title_en": "DTI 2022 results",
    "licence": "CC0 1.0",
    "sources": [
        {
            "id": "qd",
            "kind": "official",
            "issuer": "UBND tỉnh Quảng Ngãi",
            "title": DOCUMENT,
            "document_number": "123/QĐ-UBND",
            "url": "https://example.invalid/qd-123",
            "licence": "CC0 1.0",
        }
    ],
}


def decision_annex(path: Path, *, footnotes: bool = True) -> Path:
    """An annex as decisions print it: title block, merged two-level header, column numbers, footnotes."""
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    sheet["A2"] = "Phụ lục: KẾT QUẢ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2022"
    sheet["A3"] = f"(Kèm theo {DOCUMENT})"
    for cell, text in {"A5": "TT", "B5": "Đơn vị", "C5": "Chỉ số thành phần", "F5": "Chỉ số CĐS (%)"}.items():
        sheet[cell] = text
    sheet["G5"], sheet["H5"] = "Xếp hạng", "Xếp loại"
    sheet["C6"], sheet["D6"], sheet["E6"] = "Nhận thức số", "Hạ tầng số", "Nhân lực số"
    for merged in ("A1:H1", "A2:H2", "A3:H3", "A5:A6", "B5:B6", "C5:E5", "F5:F6", "G5:G6", "H5:H6"):
        sheet.merge_cells(merged)
    sheet.append([f"({i})" for i in range(1, 9)])
    mark = " (*)" if footnotes else ""
    rows = [
        ["I", "Các sở, ban, ngành", None, None, None, None, None, None],
        [1, "Sở Nội vụ", 95, 190, 143, 95.26, 1, "Tốt"],
        [2, f"Sở Y tế{mark}", 80, 160, 120, 80, 2, "Khá"],
        ["II", "UBND các huyện, thị xã, thành phố", None, None, None, None, None, None],
        [1, "UBND huyện Sơn Tây", 90, 180, 135, 90, 1, "Tốt"],
        [2, f"UBND huyện Lý Sơn{' (1)' if footnotes else ''}", 40, 80, 60, 40, 2, "Yếu"],
    ]
    for row in rows:
        sheet.append(row)
    sheet.append([])
    sheet.append(["Ghi chú: (*) đơn vị nộp báo cáo muộn; (1) chưa đủ số liệu."])
    book.save(path)
    return path


def test_xlsx_under_a_title_block_with_a_merged_two_level_header(
    reference_engine: Engine, tmp_path: Path
) -> None:
    path = decision_annex(tmp_path / "phu_luc.xlsx")
    report = import_files(reference_engine, [path], overrides=OVERRIDES)
    assert report.rows == {"dti-2022": 16}
    assert [str(note) for note in report.notes] == [
        "INFO phu_luc.xlsx, row 5: header on rows 5–6; columns used: A 'TT' → row number; B 'Đơn vị' → unit; "
        "G 'Xếp hạng' → rank; H 'Xếp loại' → class; C 'Chỉ số thành phần › Nhận thức số' → DTI_AWARE; "
        "D 'Chỉ số thành phần › Hạ tầng số' → DTI_INFRA; E 'Chỉ số thành phần › Nhân lực số' → DTI_HR; "
        "F 'Chỉ số CĐS (%)' → DTI_TOTAL; not in the file: DTI_INST, DTI_SEC, DTI_GOV [columns]"
    ]
    rows = observations(reference_engine, "dti-2022")
    health = rows[("so-y-te", 2022, "DTI_TOTAL")]
    assert (health["value"], health["rank"], health["rank_of"], health["class_label"]) == (80, 2, 2, "fair")
    assert health["note"] == "footnote (*) in the published table"
    assert rows[("536", 2022, "DTI_INFRA")]["note"] == "footnote (1) in the published table"
    assert rows[("530", 2022, "DTI_AWARE")]["value"] == 90


def semicolon_csv(path: Path, *, encoding: str = "utf-8-sig", total: str = "95,26") -> Path:
    """A total-only table saved by Excel in Vietnamese settings: ';' separator, decimal commas, a title."""
    text = (
        "KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2022;;;;\n"
        ";;;;\n"
        "TT;Đơn vị;Chỉ số CĐS (%);Xếp hạng;Xếp loại\n"
        "I;Các sở, ban, ngành;;;\n"
        f"1;Sở Nội vụ;{total};1;Tốt\n"
        "2;Sở Tư pháp;80,00;2;Khá\n"
        "II;UBND các huyện, thị xã, thành phố;;;\n"
        "1;Huyện Sơn Tây;90,00;1;Tốt\n"
        f"2;Thị xã Đức Phổ;70,00;2;{unicodedata.normalize('NFD', 'Khá')}\n"
    )
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """A SQLite database of the CLI's own, with the reference tables."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DASHBOARD_INSTANCE_DIR", str(tmp_path / "instance"))
    engine = db.get_engine(url)
    db.create_schema(engine)
    import_files(engine, REFERENCE_FILES)
    return engine


def test_cli_imports_a_semicolon_total_only_table_without_any_json(
    cli_database: Engine, tmp_path: Path
) -> None:
    path = semicolon_csv(tmp_path / "ket_qua.csv")
    result = CliRunner().invoke(cli, ["import", str(path), *CLI_SOURCE], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "qn-dti-2020-2022-official: 4 rows\n" in result.stdout
    assert "header on row 3, separator ';'" in result.stderr
    assert (
        "qn-dti-2020-2022-official: 6 rows read\nqn-dti-2020-2022-official: 4 rows checked\n" in result.stderr
    )
    assert "not in the file: DTI_AWARE, DTI_INST, DTI_INFRA, DTI_HR, DTI_SEC, DTI_GOV" in result.stderr
    rows = observations(cli_database, "qn-dti-2020-2022-official")
    assert rows[("534", 2022, "DTI_TOTAL")]["class_label"] == "fair"  # an NFD 'Khá' is 'Khá'
    assert rows[("so-noi-vu", 2022, "DTI_TOTAL")]["value_published"] == "95,26"
    with cli_database.connect() as connection:
        source = connection.execute(select(db.sources)).mappings().all()
    mine = [s for s in source if s["dataset_id"] == "qn-dti-2020-2022-official"]
    assert [
        (s["kind"], s["issuer"], s["document_number"], str(s["document_date"]), s["url"]) for s in mine
    ] == [("official", "UBND tỉnh Quảng Ngãi", "123/QĐ-UBND", "2023-03-15", "https://example.invalid/qd-123")]


def test_utf16_tab_separated_total_in_points_is_converted_and_kept_as_published(
    reference_engine: Engine, tmp_path: Path
) -> None:
    text = (
        "STT\tTên đơn vị\tTổng điểm\tXếp hạng\n"
        "I\tCác sở, ban, ngành\t\t\n1\tSở Nội vụ\t952,6\t1\n2\tSở Tư pháp\t800\t2\n"
    )
    path = tmp_path / "diem.csv"
    path.write_bytes(text.encode("utf-16"))
    report = import_files(reference_engine, [path], overrides=OVERRIDES)
    assert report.rows == {"dti-2022": 2}
    row = observations(reference_engine, "dti-2022")[("so-noi-vu", 2022, "DTI_TOTAL")]
    assert (row["value"], row["value_published"], row["note"]) == (
        95.26,
        "952,6",
        "published in points: 952,6",
    )
    assert "separator tab" in report.notes[0].message


def test_dry_run_stores_nothing_and_previews_the_table_and_its_diff(
    cli_database: Engine, tmp_path: Path
) -> None:
    runner = CliRunner()
    first = semicolon_csv(tmp_path / "a.csv")
    assert runner.invoke(cli, ["import", str(first), *CLI_SOURCE]).exit_code == 0
    database = Path(str(cli_database.url.database))
    before, before_bytes = snapshot(cli_database), database.read_bytes()
    corrected = semicolon_csv(tmp_path / "b.csv", total="96,00")
    preview = tmp_path / "xem_truoc.html"
    args = ["import", str(corrected), *CLI_SOURCE, "--dry-run", "--preview", str(preview)]
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "would record 1 correction(s)" in result.stdout and "dry run: nothing was stored" in result.stdout
    assert snapshot(cli_database) == before
    assert database.read_bytes() == before_bytes
    page = preview.read_text(encoding="utf-8")
    assert "<td>1</td><td>Sở Nội vụ</td><td>96,00</td><td>Tốt</td>" in page
    assert (
        "<td>≠</td><td>Sở Nội vụ</td><td>Chỉ số chuyển đổi số (%)</td><td>value</td><td>95,26 → 96,00</td>"
        in page
    )


def test_replace_keeps_the_previous_values_as_corrections(cli_database: Engine, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(semicolon_csv(tmp_path / "a.csv")), *CLI_SOURCE]).exit_code == 0
    corrected = semicolon_csv(tmp_path / "b.csv", total="96,00")
    args = ["import", str(corrected), *CLI_SOURCE, "--dataset-id", "dti-2022-corrected"]
    refused = runner.invoke(cli, args)
    assert refused.exit_code == 1
    assert "--replace qn-dti-2020-2022-official" in refused.stderr
    result = runner.invoke(cli, [*args, "--replace", "qn-dti-2020-2022-official"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with cli_database.connect() as connection:
        fixes = connection.execute(select(db.corrections)).mappings().all()
        datasets = set(connection.execute(select(db.datasets.c.id)).scalars())
    assert "qn-dti-2020-2022-official" not in datasets and "dti-2022-corrected" in datasets
    assert [
        (
            f["dataset_id"],
            f["replaced_dataset_id"],
            f["document"],
            f["unit_code"],
            f["field"],
            f["old_value"],
            f["new_value"],
        )
        for f in fixes
    ] == [
        (
            "dti-2022-corrected",
            "qn-dti-2020-2022-official",
            "123/QĐ-UBND",
            "so-noi-vu",
            "value",
            "95,26",
            "96,00",
        )
    ]
    assert observations(cli_database, "dti-2022-corrected")[("so-noi-vu", 2022, "DTI_TOTAL")]["value"] == 96.0


def test_replace_of_a_dataset_that_does_not_exist_is_refused(
    reference_engine: Engine, tmp_path: Path
) -> None:
    path = semicolon_csv(tmp_path / "a.csv")
    before = snapshot(reference_engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [path], overrides=OVERRIDES, options=ImportOptions(replace="nope"))
    assert [(p.value, p.rule) for p in rejected.value.problems] == [("nope", "replace")]
    assert snapshot(reference_engine) == before


def test_twenty_thousand_unknown_names_are_each_refused_with_closest_names(
    reference_engine: Engine, tmp_path: Path
) -> None:
    lines = ["TT;Đơn vị;Chỉ số CĐS (%);Xếp hạng", "I;Các sở, ban, ngành;;"]
    lines += [f"{i};Sở Không Có {i};50,00;1" for i in range(1, 20_001)]
    path = tmp_path / "unknown.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [path], overrides=OVERRIDES)
    problems = rejected.value.problems
    assert len(problems) == 20_000 and {p.rule for p in problems} == {"unknown-unit"}
    assert problems[0].message.startswith("unknown unit; closest: ")


def test_refused_dry_run_previews_the_problems_and_stores_nothing(
    cli_database: Engine, tmp_path: Path
) -> None:
    path = semicolon_csv(tmp_path / "a.csv", total="91.470")
    preview = tmp_path / "p.html"
    before = snapshot(cli_database)
    result = CliRunner().invoke(
        cli, ["import", str(path), *CLI_SOURCE, "--dry-run", "--preview", str(preview)]
    )
    assert result.exit_code == 1
    assert "ERROR a.csv, row 5, column 'Chỉ số CĐS (%)': '91.470' may be 91.47" in result.stderr
    assert "'91.470' may be 91.47 (decimal point) or 91470" in preview.read_text(encoding="utf-8")
    assert snapshot(cli_database) == before


def test_geo_commands_pass_through_unchanged(cli_database: Engine, tmp_path: Path) -> None:
    from dashboard.__main__ import main

    argv = ["geo", "import", str(tmp_path / "none.geojson"), "--vintage", "districts-2020"]
    assert main([*argv, "--source-title", "t", "--licence", "l"]) == 1  # geo's own refusal: file not found


def test_cli_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert all(command in result.output for command in ("build", "db", "geo", "import", "serve"))


def test_dry_run_on_this_suite_s_database_changes_nothing(reference_engine: Engine, tmp_path: Path) -> None:
    first = semicolon_csv(tmp_path / "a.csv")
    import_files(reference_engine, [first], overrides=OVERRIDES)
    before, version = snapshot(reference_engine), db.data_version(reference_engine)
    corrected = semicolon_csv(tmp_path / "b.csv", total="96,00")
    report = import_files(
        reference_engine, [corrected], overrides=OVERRIDES, options=ImportOptions(dry_run=True)
    )
    assert report.corrections == 1 and report.data_version == version
    assert [(old["unit_code"], field) for old, _, field in report.results[0].diff.changed] == [
        ("so-noi-vu", "value")
    ]
    assert snapshot(reference_engine) == before


def test_a_methodology_without_a_mapping_file_uses_its_own_indicator_names(
    reference_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dashboard.ingest import annex_validation

    monkeypatch.setattr(annex_validation, "MAPPINGS_DIR", tmp_path / "no-mappings")
    text = (
        "TT,Đơn vị,Hạ tầng số,Chỉ số chuyển đổi số (%),Thứ hạng\n"
        'I,"Các sở, ban, ngành",,,\n1,Sở Nội vụ,"190,00","95,26",1\n2,Sở Tư pháp,"160,00","80,00",2\n'
    )
    path = tmp_path / "own.csv"
    path.write_text(text, encoding="utf-8")
    report = import_files(reference_engine, [path], overrides=OVERRIDES)
    assert report.rows == {"dti-2022": 4}
    assert "E 'Thứ hạng' → rank" in report.notes[0].message
    row = observations(reference_engine, "dti-2022")[("so-tu-phap", 2022, "DTI_TOTAL")]
    assert (row["value"], row["rank"], row["rank_of"]) == (80.0, 2, 2)


def test_a_sidecar_may_give_the_year_as_text(reference_engine: Engine, tmp_path: Path) -> None:
    path = semicolon_csv(tmp_path / "a.csv")
    sidecar = {**OVERRIDES, "year": "2022"}
    path.with_name("a.meta.json").write_text(json.dumps(sidecar, ensure_ascii=False), encoding="utf-8")
    assert import_files(reference_engine, [path]).rows == {"dti-2022": 4}
