"""Importer on good input: tidy CSV/XLSX, the published annex layout (CSV/XLSX), re-imports, warnings,
encodings, the CLI. Bad input lives in test_importer_bad_input.py; both share the helpers below."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, func, select

from dashboard import db
from dashboard.__main__ import main
from dashboard.config import REPO_ROOT
from dashboard.ingest.checks import INCONSISTENT_NOTE
from dashboard.ingest.importer import ImportOptions, build_all, import_files, is_empty
from dashboard.ingest.parsing import ImportRejected
from tests.support.database_copies import REFERENCE_FILES

DATA = REPO_ROOT / "data"
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "importer"
MAPPINGS = DATA / "mappings"

TIDY_META = json.loads((FIXTURES / "tidy_edoc_2022.meta.json").read_text(encoding="utf-8"))
ANNEX_META = json.loads((FIXTURES / "annex_dti_2022.meta.json").read_text(encoding="utf-8"))


# --- helpers shared with test_importer_bad_input.py -------------------------------------------------


def snapshot(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order: equal snapshots mean an unchanged database."""
    tables = {}
    with engine.connect() as connection:
        for table in db.metadata.sorted_tables:
            rows = connection.execute(select(table)).all()
            tables[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return tables


def write_dataset(directory: Path, name: str, content: str | bytes, meta: dict | None) -> Path:
    """Write a data file and (unless meta is None) its .meta.json sidecar; return the data file's path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    if meta is not None:
        path.with_name(path.stem + ".meta.json").write_text(
            json.dumps(meta, ensure_ascii=False), encoding="utf-8"
        )
    return path


def tidy_meta(**changes: object) -> dict:
    """Sidecar of a tidy observation file, with changes."""
    return {**json.loads(json.dumps(TIDY_META)), **changes}


def annex_meta(**changes: object) -> dict:
    """Sidecar of an annex, with its mapping as an absolute path so the file may live anywhere."""
    meta = {**json.loads(json.dumps(ANNEX_META)), "mapping": str(MAPPINGS / "qn-dti-2020.json")}
    return {**meta, **changes}


def annex_text() -> str:
    """The good DTI 2022 annex fixture, as text to modify."""
    return (FIXTURES / "annex_dti_2022.csv").read_text(encoding="utf-8")


def tidy_text() -> str:
    """The good tidy fixture, as text to modify."""
    return (FIXTURES / "tidy_edoc_2022.csv").read_text(encoding="utf-8")


@pytest.fixture
def reference_engine(fresh_engine: Callable[[], Engine]) -> Engine:
    """An empty database with only the reference tables of data/ imported."""
    return fresh_engine(like="reference")


def observations(engine: Engine, dataset_id: str) -> dict[tuple[str, int, str], dict]:
    """The dataset's observations keyed by (unit, year, indicator)."""
    statement = (
        select(db.observations)
        .join(db.sources, db.sources.c.id == db.observations.c.source_id)
        .where(db.sources.c.dataset_id == dataset_id)
    )
    with engine.connect() as connection:
        rows = connection.execute(statement).mappings().all()
    return {(r["unit_code"], r["year"], r["indicator_code"]): dict(r) for r in rows}


def count_observations(engine: Engine) -> int:
    """Number of observation rows in the database."""
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(db.observations)).scalar_one()


# --- tidy files ---------------------------------------------------------------------------------------


def test_tidy_csv_resolves_codes_and_names_and_keeps_rank(reference_engine: Engine) -> None:
    report = import_files(reference_engine, [FIXTURES / "tidy_edoc_2022.csv"])
    assert report.rows == {"test-tidy-edoc": 5}
    assert report.warnings == []
    rows = observations(reference_engine, "test-tidy-edoc")
    share = "EDOC_PROCESSED_ONLINE_SHARE"
    assert set(rows) == {
        ("530", 2022, share),
        ("524", 2022, share),
        ("534", 2022, share),
        ("536", 2022, share),
        ("526", 2019, share),
    }
    assert rows[("530", 2022, share)]["value"] == 91.5
    assert rows[("534", 2022, share)]["rank"] == 2
    assert {row["class_label"] for row in rows.values()} == {None}  # the edoc method defines no classes
    assert rows[("526", 2019, share)]["source_id"] == "test-tidy-edoc:report"
    assert rows[("526", 2019, share)]["period"] == "2019"


def test_tidy_xlsx_is_read_like_csv(reference_engine: Engine, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["year", "unit_code", "indicator", "value", "rank", "class"])
    sheet.append([2022, "530", "EDOC_PROCESSED_ONLINE_SHARE", 91.5, 1, None])
    sheet.append([2023.0, "Huyện Lý Sơn", "EDOC_PROCESSED_ONLINE_SHARE", 40, None, None])
    path = tmp_path / "edoc.xlsx"
    workbook.save(path)
    write_dataset(tmp_path, "edoc.meta.json", json.dumps(tidy_meta(id="xlsx")), None)
    report = import_files(reference_engine, [path])
    assert report.rows == {"xlsx": 2}
    rows = observations(reference_engine, "xlsx")
    assert rows[("530", 2022, "EDOC_PROCESSED_ONLINE_SHARE")]["rank"] == 1
    assert rows[("536", 2023, "EDOC_PROCESSED_ONLINE_SHARE")]["value"] == 40


# --- the published annex layout ----------------------------------------------------------------------


def test_annex_csv_groups_vietnamese_numbers_and_tied_ranks(reference_engine: Engine) -> None:
    report = import_files(reference_engine, [FIXTURES / "annex_dti_2022.csv"])
    assert report.rows == {"test-annex-dti-2022": 7 * 7}
    assert report.warnings == []
    rows = observations(reference_engine, "test-annex-dti-2022")
    total = rows[("so-noi-vu", 2022, "DTI_TOTAL")]
    assert (
        total["value"],
        total["value_published"],
        total["rank"],
        total["rank_of"],
        total["class_label"],
    ) == (95.26, "95,26%", 1, 4, "good")
    assert rows[("so-noi-vu", 2022, "DTI_INST")]["value"] == 142.6
    assert rows[("so-noi-vu", 2022, "DTI_INST")]["rank"] is None
    assert [rows[(code, 2022, "DTI_TOTAL")]["rank"] for code in ("so-tu-phap", "so-y-te", "ban-dan-toc")] == [
        2,
        2,
        4,
    ]
    district = rows[("530", 2022, "DTI_TOTAL")]  # 'UBND huyện Sơn Tây' under group II
    assert (district["rank"], district["rank_of"], district["class_label"]) == (1, 3, "good")
    assert rows[("534", 2022, "DTI_TOTAL")]["class_label"] == "fair"  # exactly 70 % is Khá
    assert rows[("536", 2022, "DTI_TOTAL")]["class_label"] == "weak"


def test_annex_xlsx_written_with_openpyxl(reference_engine: Engine, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "TT",
            "Tên đơn vị",
            "Nhận thức số",
            "Thể chế số",
            "Hạ tầng số",
            "Nhân lực số",
            "An toàn thông tin mạng",
            "Hoạt động chính quyền số",
            "Chỉ số CĐS (%)",
            "Xếp hạng",
            "Xếp loại",
        ]
    )
    sheet.append(["II", "UBND các huyện, thị xã, thành phố"])
    sheet.append([1, "Huyện Sơn Tây", 90, 135, 180, 135, 135, 225, 90, 1, "Tốt"])  # typed numbers
    sheet.append(
        [2, "Đức Phổ", "70,00", "105,00", "140,00", "105,00", "105,00", "175,00", "70,00%", "02", "Khá"]
    )
    sheet.append(
        [3, "huyen ly son", 40, 60, 80, 60, 60, 100, "03 (40,00)", None, "Yếu"]
    )  # rank and score in one cell
    path = tmp_path / "annex.xlsx"
    workbook.save(path)
    write_dataset(tmp_path, "annex.meta.json", json.dumps(annex_meta(id="annex-xlsx")), None)
    report = import_files(reference_engine, [path])
    assert report.rows == {"annex-xlsx": 21}
    assert report.warnings == []
    rows = observations(reference_engine, "annex-xlsx")
    assert [rows[(c, 2022, "DTI_TOTAL")]["rank"] for c in ("530", "534", "536")] == [1, 2, 3]
    assert rows[("536", 2022, "DTI_TOTAL")]["value"] == 40.0
    assert rows[("536", 2022, "DTI_TOTAL")]["value_published"] == "03 (40,00)"


def test_annex_of_2019_knows_tay_tra_and_huyen_duc_pho(reference_engine: Engine, tmp_path: Path) -> None:
    text = (
        "STT,Đơn vị,Hạ tầng kỹ thuật,Nhân lực,Ứng dụng nội bộ,Cổng/Trang TTĐT,Dịch vụ công trực tuyến,"
        "Cơ chế chính sách,Tổng điểm,Xếp hạng,Xếp loại\n"
        "II,UBND các huyện,,,,,,,,,\n"
        '1,Huyện Tây Trà,"18,00","13,50","22,50","13,50","13,50","9,00","90,00",1,Tốt\n'
        '2,Huyện Đức Phổ,"10,00","7,50","12,50","7,50","7,50","5,00","50,00",2,Trung bình\n'
    )
    meta = annex_meta(id="itr-2019", year=2019, mapping=str(MAPPINGS / "qn-itr-2012.json"))
    report = import_files(reference_engine, [write_dataset(tmp_path, "itr2019.csv", text, meta)])
    assert report.rows == {"itr-2019": 14}
    rows = observations(reference_engine, "itr-2019")
    assert rows[("526", 2019, "ITR_TOTAL")]["class_label"] == "good"
    assert rows[("534", 2019, "ITR_TOTAL")]["class_label"] == "average"


# --- consistency warnings and strict mode ------------------------------------------------------------

MISMATCHED = {
    "rank": (
        '4,Ban Dân tộc,"60,00","90,00","120,00","90,00","90,00","150,00","60,00%",4,',
        '4,Ban Dân tộc,"60,00","90,00","120,00","90,00","90,00","150,00","60,00%",3,',
    ),
    "class": (
        '3,Huyện Lý Sơn,"40,00","60,00","80,00","60,00","60,00","100,00","40,00%",3,Yếu',
        '3,Huyện Lý Sơn,"40,00","60,00","80,00","60,00","60,00","100,00","40,00%",3,Trung bình',
    ),
    "total": (
        '"142,60","190,00","143,00","142,00","240,00","95,26%"',
        '"142,60","190,00","143,00","142,00","240,00","95,36%"',
    ),
}
EXPECTED_WARNING = {
    "rank": (6, "Xếp hạng", "3", "rank"),
    "class": (10, "Xếp loại", "Trung bình", "class"),
    "total": (3, "Chỉ số CĐS (%)", "95.36", "total"),
}


@pytest.mark.parametrize("kind", ["rank", "class"])
def test_rank_or_class_contradicting_scores_is_an_error_unless_accepted_then_flagged(
    kind: str, reference_engine: Engine, tmp_path: Path
) -> None:
    old, new = MISMATCHED[kind]
    assert old in annex_text()
    path = write_dataset(tmp_path, "annex.csv", annex_text().replace(old, new), annex_meta())
    before = snapshot(reference_engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [path])
    assert [(p.file, p.row, p.column, p.value, p.rule, p.severity) for p in rejected.value.problems] == [
        ("annex.csv", *EXPECTED_WARNING[kind], "error")
    ]
    assert snapshot(reference_engine) == before

    options = ImportOptions(accept_published_inconsistencies=True)
    report = import_files(reference_engine, [path], options=options)
    assert [(p.row, p.column, p.value, p.rule, p.severity) for p in report.warnings] == [
        (*EXPECTED_WARNING[kind], "warning")
    ]
    assert report.rows == {"test-annex-dti-2022": 49}
    flagged = {
        k: r["note"] for k, r in observations(reference_engine, "test-annex-dti-2022").items() if r["note"]
    }
    unit = {"rank": "ban-dan-toc", "class": "536"}[kind]
    assert flagged == {(unit, 2022, "DTI_TOTAL"): INCONSISTENT_NOTE}
    stored = observations(reference_engine, "test-annex-dti-2022")[(unit, 2022, "DTI_TOTAL")]
    assert (stored["rank"], stored["class_label"]) == {"rank": (3, "average"), "class": (3, "average")}[kind]


def test_total_mismatch_is_a_warning_and_strict_turns_it_into_an_error(
    reference_engine: Engine, tmp_path: Path
) -> None:
    old, new = MISMATCHED["total"]
    path = write_dataset(tmp_path, "annex.csv", annex_text().replace(old, new), annex_meta())
    before = snapshot(reference_engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [path], strict=True)
    assert [(p.row, p.column, p.value, p.rule, p.severity) for p in rejected.value.problems] == [
        (*EXPECTED_WARNING["total"], "warning")
    ]
    assert snapshot(reference_engine) == before
    report = import_files(reference_engine, [path])
    assert [(p.row, p.column, p.value, p.rule) for p in report.warnings] == [EXPECTED_WARNING["total"]]


ITR_TIDY = (
    "year,unit,indicator,value,rank,class\n"
    "2019,530,ITR_TOTAL,91.5,1,Tốt\n"
    "2019,UBND huyện Bình Sơn,ITR_TOTAL,85,2,khá\n"
    "2019,Huyện Lý Sơn,ITR_TOTAL,40,3,Yếu\n"
)


def test_a_tidy_class_is_read_from_the_scheme_of_the_indicator_s_method(
    reference_engine: Engine, tmp_path: Path
) -> None:
    import_files(reference_engine, [write_dataset(tmp_path, "t.csv", ITR_TIDY, tidy_meta())])
    rows = observations(reference_engine, "test-tidy-edoc")
    assert [rows[(unit, 2019, "ITR_TOTAL")]["class_label"] for unit in ("530", "524", "536")] == [
        "good",
        "fair",  # 'khá' in lower case
        "weak",
    ]


def test_tidy_rank_and_class_mismatch_are_errors(reference_engine: Engine, tmp_path: Path) -> None:
    text = ITR_TIDY.replace("Huyện Lý Sơn,ITR_TOTAL,40,3,Yếu", "Huyện Lý Sơn,ITR_TOTAL,40,2,Khá")
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [write_dataset(tmp_path, "t.csv", text, tidy_meta())])
    assert [(p.file, p.row, p.column, p.value, p.rule, p.severity) for p in rejected.value.problems] == [
        ("t.csv", 4, "rank", "2", "rank", "error"),
        ("t.csv", 4, "class", "Khá", "class", "error"),
    ]
    assert "thresholds of qn-itr-2012 (Yếu)" in rejected.value.problems[1].message


def test_partial_national_excerpt_is_not_rank_checked(reference_engine: Engine, tmp_path: Path) -> None:
    text = "year,unit,indicator,value,rank,rank_of\n2017,51,NAT_EGOV,0.545,42,63\n"
    report = import_files(reference_engine, [write_dataset(tmp_path, "n.csv", text, tidy_meta())])
    assert report.warnings == []


# --- re-import replaces -----------------------------------------------------------------------------


def test_reimport_replaces_never_duplicates(reference_engine: Engine, tmp_path: Path) -> None:
    path = write_dataset(tmp_path, "t.csv", tidy_text(), tidy_meta())
    import_files(reference_engine, [path])
    first = count_observations(reference_engine)
    import_files(reference_engine, [path])
    assert count_observations(reference_engine) == first == 5

    write_dataset(tmp_path, "t.csv", tidy_text().replace(",91.5,", ",92.25,"), tidy_meta())
    import_files(reference_engine, [path])
    rows = observations(reference_engine, "test-tidy-edoc")
    assert count_observations(reference_engine) == 5
    assert rows[("530", 2022, "EDOC_PROCESSED_ONLINE_SHARE")]["value"] == 92.25
    assert [r["value"] for r in rows.values()].count(91.5) == 0

    lines = tidy_text().splitlines()
    write_dataset(tmp_path, "t.csv", "\n".join(lines[:2]) + "\n", tidy_meta())  # rows removed from the source
    before = snapshot(reference_engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(reference_engine, [path])
    assert [p.rule for p in rejected.value.problems] == ["shrink"]
    assert snapshot(reference_engine) == before
    import_files(reference_engine, [path], options=ImportOptions(confirm_shrink=True))
    assert count_observations(reference_engine) == 1


def test_reimport_of_reference_tables_is_idempotent(reference_engine: Engine) -> None:
    before = {
        name: rows
        for name, rows in snapshot(reference_engine).items()
        if name not in ("datasets", "sources", "app_meta", "unit_versions", "lineage", "events")
    }
    counts = {name: len(rows) for name, rows in snapshot(reference_engine).items()}
    import_files(reference_engine, REFERENCE_FILES)
    after = snapshot(reference_engine)
    assert {name: len(rows) for name, rows in after.items()} == counts
    assert {name: after[name] for name in before} == before


def test_data_version_changes_with_every_import(reference_engine: Engine) -> None:
    first = db.data_version(reference_engine)
    import_files(reference_engine, [FIXTURES / "tidy_edoc_2022.csv"])
    assert db.data_version(reference_engine) not in ("0", first)


# --- encodings that are accepted ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),  # with BOM
        lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
        lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
        lambda text: text.encode("utf-16-le"),  # without BOM
        lambda text: text.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be"],
)
def test_accepted_encodings_store_the_same_text(
    encode: Callable[[str], bytes], reference_engine: Engine, tmp_path: Path
) -> None:
    text = (
        tidy_text().replace("Thi xa Duc Pho", "Thị xã Đức Phổ") + "2022,Huyện Sơn Hà,EDOC_SIGNED_SHARE,75,,\n"
    )
    path = write_dataset(tmp_path, "t.csv", encode(text), tidy_meta(id="enc"))
    assert import_files(reference_engine, [path]).rows == {"enc": 6}
    rows = observations(reference_engine, "enc")
    assert rows[("534", 2022, "EDOC_PROCESSED_ONLINE_SHARE")]["value"] == 85
    assert rows[("529", 2022, "EDOC_SIGNED_SHARE")]["value"] == 75


# --- build, CLI ---------------------------------------------------------------------------------------


def test_build_all_imports_data_dir(fresh_engine: Callable[[], Engine]) -> None:
    engine = fresh_engine()
    assert is_empty(engine)
    report = build_all(engine, DATA)
    assert not is_empty(engine)
    assert report.warnings == []
    # 63 provinces (three with a second name from 1/7/2025: Lào Cai, Huế, Đà Nẵng), the country, districts,
    # departments, communes: one row per name a unit has had
    assert report.rows["units"] == 211
    assert report.rows["illustrative-readiness-2020"] == 231
    assert count_observations(engine) == sum(
        v
        for k, v in report.rows.items()
        if k
        not in (
            "units",
            "lineage",
            "predecessors-2025",
            "events",
            "methodologies",
            "indicators",
            "class_schemes",
        )
    )


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the CLI at a SQLite database of its own in tmp_path."""
    database = tmp_path / "instance" / "cli.sqlite3"
    monkeypatch.setenv("DASHBOARD_INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    return database


def test_cli_import_succeeds_then_rejects_with_exit_code_1(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", *map(str, REFERENCE_FILES)]) == 0
    good = tmp_path / "good"
    shutil.copytree(FIXTURES, good)
    (good / "annex_dti_2022.meta.json").write_text(json.dumps(annex_meta()), encoding="utf-8")
    assert main(["import", str(good / "tidy_edoc_2022.csv"), str(good / "annex_dti_2022.csv")]) == 0
    out = capsys.readouterr().out
    assert "test-tidy-edoc: 5 rows" in out and "test-annex-dti-2022: 49 rows" in out

    engine = db.get_engine(f"sqlite:///{cli_env}")
    before = snapshot(engine)
    bad = write_dataset(tmp_path, "bad.csv", tidy_text().replace(",91.5,", ",nine,"), tidy_meta(id="bad"))
    assert main(["import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "ERROR bad.csv, row 2, column 'value': not a number (value 'nine') [type]" in err
    assert "rejected: 1 problem(s); nothing was stored" in err
    assert snapshot(engine) == before


def test_cli_strict_rejects_warnings(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", *map(str, REFERENCE_FILES)]) == 0
    old, new = MISMATCHED["rank"]
    path = write_dataset(tmp_path, "annex.csv", annex_text().replace(old, new), annex_meta())
    assert main(["import", str(path)]) == 1
    assert "ERROR annex.csv, row 6, column 'Xếp hạng'" in capsys.readouterr().err
    assert main(["import", "--accept-published-inconsistencies", "--strict", str(path)]) == 1
    assert "WARNING annex.csv, row 6, column 'Xếp hạng'" in capsys.readouterr().err
    assert main(["import", "--accept-published-inconsistencies", str(path)]) == 0


def test_large_file_uses_bulk_load_and_keeps_every_value(reference_engine: Engine, tmp_path: Path) -> None:
    lines = ["year,unit,indicator,gov_level,value,note"]
    lines += [f'2022,530,EDOC_SIGNED_SHARE,g{i},{i % 100}.5,"tab\tand ""quote"", {i}"' for i in range(6000)]
    lines.append("2022,530,EDOC_SIGNED_SHARE,empty,,\\N")
    path = write_dataset(tmp_path, "big.csv", "\n".join(lines) + "\n", tidy_meta(id="big"))
    assert import_files(reference_engine, [path]).rows == {"big": 6001}
    with reference_engine.connect() as connection:
        rows = connection.execute(
            select(db.observations.c.gov_level, db.observations.c.value, db.observations.c.note)
        )
        stored = {level: (value, note) for level, value, note in rows}
    assert len(stored) == 6001
    assert stored["g4321"] == (21.5, 'tab\tand "quote", 4321')
    assert stored["empty"] == (None, "\\N")
