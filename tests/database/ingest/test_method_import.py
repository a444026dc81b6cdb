"""Publishing an index set from the officer's file (CSV or XLSX, the shipped templates): good files stored
as written, bad files refused with file, row and column and the database unchanged, a set in use only
corrected (every change recorded), a published set surviving a rebuild from data/, the command line."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from dashboard import db
from dashboard.__main__ import cli
from dashboard.db.index_sets import read_index_sets
from dashboard.ingest.importer import build_all, import_files
from dashboard.ingest.index_set_store import make_header, publish_index_set
from dashboard.ingest.parsing import ImportRejected
from tests.database.ingest.test_importer import DATA, REFERENCE_FILES, snapshot, tidy_meta, write_dataset

TEMPLATES = DATA / "templates"
TEMPLATE = (TEMPLATES / "bo-chi-so-mau.csv").read_text(encoding="utf-8")
HEADER = make_header(
    code="qn-dti-2025-mau",
    name_vi="Bộ chỉ số mẫu",
    name_en=None,
    issuer="UBND tỉnh Quảng Ngãi",
    document="Quyết định số 123/QĐ-UBND ngày 15/3/2026",
    source_url="https://example.org/qd-123",
)


@pytest.fixture
def engine(fresh_engine: Callable[..., Engine]) -> Engine:
    """A database with the shipped reference tables (units, methods) and nothing else."""
    return fresh_engine(like="reference")


def stored(engine: Engine):
    with engine.connect() as connection:
        return read_index_sets(connection)


def refused(engine: Engine, tmp_path: Path, text: str, **options) -> list[str]:
    """Publish a file that must be refused; its problems as printed, the database checked unchanged."""
    path = tmp_path / "bo-chi-so.csv"
    path.write_text(text, encoding="utf-8")
    before = snapshot(engine)
    with pytest.raises(ImportRejected) as rejected:
        publish_index_set(engine, path, options.pop("header", HEADER), **options)
    assert snapshot(engine) == before
    return [str(problem) for problem in rejected.value.problems]


@pytest.mark.parametrize("name", ["bo-chi-so-mau.csv", "bo-chi-so-mau.xlsx"])
def test_a_template_is_stored_with_its_decision_groups_maxima_and_classes(engine: Engine, name: str) -> None:
    report = publish_index_set(engine, TEMPLATES / name, HEADER)
    assert not report.replaced and report.corrections == []
    found = stored(engine)["qn-dti-2025-mau"]
    assert found.decision.issuer == "UBND tỉnh Quảng Ngãi"
    assert (found.decision.number, found.decision.date) == ("123/QĐ-UBND", "2026-03-15")
    assert found.first_year == 2026 and found.published_at is not None
    assert [i.code for i in found.children("MAU_TONG")] == [
        "MAU_NHAN_THUC",
        "MAU_THE_CHE",
        "MAU_HA_TANG",
        "MAU_NHAN_LUC",
        "MAU_AN_TOAN",
        "MAU_CHINH_QUYEN",
        "MAU_KINH_TE",
        "MAU_XA_HOI",
    ]
    assert [i.code for i in found.children("MAU_NHAN_LUC")] == [
        "MAU_NHAN_LUC_CHUYEN_TRACH",
        "MAU_NHAN_LUC_KY_NANG",
    ]
    assert [g.code for g in found.groups] == ["xa", "so", "so-khong-tthc"]
    assert found.group("xa").unit_kind == "commune"
    assert found.maximum("MAU_TONG", "xa") == 1000.0 and found.maximum("MAU_TONG", "so-khong-tthc") == 800.0
    assert found.maximum("MAU_CHINH_QUYEN", "so-khong-tthc") == 100.0
    assert found.scheme.basis == "percent" and found.scheme.codes == ("muc-4", "muc-3", "muc-2", "muc-1")
    assert [b.lower_bound for b in found.scheme.bands] == [75.0, 50.0, 25.0, 0.0]
    assert found.classify(600.0, found.maximum("MAU_TONG", "so-khong-tthc")) == "muc-4"  # 75 % of 800
    assert found.classify(600.0, found.maximum("MAU_TONG", "xa")) == "muc-3"  # 60 % of 1,000


def test_a_dry_run_shows_the_set_and_stores_nothing(engine: Engine) -> None:
    before = snapshot(engine)
    report = publish_index_set(engine, TEMPLATES / "bo-chi-so-mau.csv", HEADER, dry_run=True)
    assert report.dry_run and len(report.index_set.indicators) == 11
    assert snapshot(engine) == before


BAD_FILES = {
    "unknown parent": (
        TEMPLATE.replace("index,MAU_XA_HOI,MAU_TONG", "index,MAU_XA_HOI,MAU_TOTAL"),
        ["ERROR bo-chi-so.csv, row 15, column 'parent_code': no index has this code (value 'MAU_TOTAL')"],
    ),
    "duplicate code": (
        TEMPLATE.replace("index,MAU_XA_HOI,", "index,MAU_KINH_TE,"),
        ["ERROR bo-chi-so.csv, row 15, column 'code': same index code as row 14 (value 'MAU_KINH_TE')"],
    ),
    "thresholds out of order": (
        TEMPLATE.replace("class,muc-2,,Mức 2,Level 2,,,,,,25", "class,muc-2,,Mức 2,Level 2,,,,,,55"),
        [
            "ERROR bo-chi-so.csv, row 18, column 'lower_bound': thresholds out of order: classes go best "
            "first, each below row 17 (50) (value '55')"
        ],
    ),
    "maxima not adding up": (
        TEMPLATE.replace("Digital society activity,points,150,100", "Digital society activity,points,140,90"),
        [
            "ERROR bo-chi-so.csv, row 5, column 'max_value': the components' maxima add up to 990, not 1000 "
            "(value '1000')",
            "ERROR bo-chi-so.csv, row 5, column 'max_value:so-khong-tthc': the components' maxima add up to "
            "790, not 800 (value '800')",
        ],
    ),
    "missing Vietnamese name": (
        TEMPLATE.replace(
            "index,MAU_AN_TOAN,MAU_TONG,An toàn thông tin mạng,", "index,MAU_AN_TOAN,MAU_TONG,,"
        ),
        ["ERROR bo-chi-so.csv, row 12, column 'name_vi': Vietnamese name is missing"],
    ),
    "non-numeric maximum": (
        TEMPLATE.replace("Cyber security,points,100,100", "Cyber security,points,một trăm,100"),
        ["ERROR bo-chi-so.csv, row 12, column 'max_value': not a number (value 'một trăm')"],
    ),
    "ambiguous maximum": (
        TEMPLATE.replace("(total),points,1000,800", "(total),points,1.000,800"),
        ["ERROR bo-chi-so.csv, row 5, column 'max_value': '1.000' may be 1.0"],
    ),
    "a group maximum for no group": (
        TEMPLATE.replace("max_value:so-khong-tthc", "max_value:so-khong"),
        ["ERROR bo-chi-so.csv, row 1, column 'max_value:so-khong': no row of kind 'group' has this code"],
    ),
    "two totals": (
        TEMPLATE.replace("index,MAU_XA_HOI,MAU_TONG,", "index,MAU_XA_HOI,,").replace(
            "(total),points,1000,800,1", "(total),points,850,700,1"
        ),
        [
            "ERROR bo-chi-so.csv, row 15, column 'parent_code': the set needs exactly one total (an index "
            "without parent_code); rows without one: 5, 15"
        ],
    ),
    "unknown kind": (
        TEMPLATE.replace("class,muc-1,", "level,muc-1,"),
        [
            "ERROR bo-chi-so.csv, row 19, column 'kind': must be index, bonus, penalty, group or class "
            "(value 'level')"
        ],
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_refused_naming_row_and_column(engine: Engine, tmp_path: Path, case: str) -> None:
    text, expected = BAD_FILES[case]
    problems = refused(engine, tmp_path, text)
    assert len(problems) == len(expected), problems
    for problem, start in zip(problems, expected, strict=True):
        assert problem.startswith(start), problems


def test_the_decision_must_be_named_and_linked(engine: Engine, tmp_path: Path) -> None:
    header = make_header(
        code="Bộ 2025", name_vi="", name_en=None, issuer="x", document="", source_url="javascript:alert(1)"
    )
    problems = refused(engine, tmp_path, TEMPLATE, header=header)
    assert [p.split(":")[0] for p in problems] == [
        "ERROR bo-chi-so.csv, column '--code'",
        "ERROR bo-chi-so.csv, column '--name-vi'",
        "ERROR bo-chi-so.csv, column '--document'",
        "ERROR bo-chi-so.csv, column '--source-url'",
        "ERROR bo-chi-so.csv, column '--first-year'",
    ]


def test_a_shipped_set_or_an_index_code_of_another_set_is_refused(engine: Engine, tmp_path: Path) -> None:
    shipped = make_header(**{**_options(), "code": "qn-dti-2025"})
    assert refused(engine, tmp_path, TEMPLATE, header=shipped) == [
        "ERROR bo-chi-so.csv, column '--code': a shipped set: publish under a new code (value 'qn-dti-2025') "
        "[shipped-set]"
    ]
    borrowed = TEMPLATE.replace("index,MAU_AN_TOAN,", "index,DTI25_SEC,")
    assert refused(engine, tmp_path, borrowed) == [
        "ERROR bo-chi-so.csv, row 12, column 'code': code already used by the set qn-dti-2025 "
        "(value 'DTI25_SEC') [duplicate]"
    ]


def _options() -> dict:
    return {
        "code": HEADER.code,
        "name_vi": HEADER.name_vi,
        "name_en": None,
        "issuer": HEADER.issuer,
        "document": HEADER.document,
        "source_url": HEADER.source_url,
    }


def test_a_set_in_use_is_only_corrected_and_every_change_is_recorded(engine: Engine, tmp_path: Path) -> None:
    publish_index_set(engine, TEMPLATES / "bo-chi-so-mau.csv", HEADER)
    results = write_dataset(
        tmp_path / "results",
        "kq.csv",
        "year,unit,indicator,value\n2026,so-noi-vu,MAU_XA_HOI,120\n",
        tidy_meta(),
    )
    import_files(engine, [results])
    changed = TEMPLATE.replace(
        "Nhận thức số,Digital awareness,points,100,100", "Nhận thức số,Awareness,points,100,100"
    )
    assert refused(engine, tmp_path, changed)[0].startswith(
        "ERROR bo-chi-so.csv, column '--code': 1 stored results use this set: publish it under a new code, "
        "or record a correction (--correct, with the correcting document)"
    )
    dropped = "\n".join(line for line in changed.splitlines() if not line.startswith("index,MAU_XA_HOI,"))
    dropped = dropped.replace("(total),points,1000,800", "(total),points,850,700")
    assert refused(engine, tmp_path, dropped, correct=True) == [
        "ERROR bo-chi-so.csv, column 'code': stored results use this index: it cannot be removed "
        "(value 'MAU_XA_HOI') [set-in-use]"
    ]
    correction = make_header(**{**_options(), "document": "Quyết định số 200/QĐ-UBND ngày 1/6/2026"})
    path = tmp_path / "dinh-chinh.csv"
    path.write_text(changed, encoding="utf-8")
    report = publish_index_set(engine, path, correction, correct=True)
    assert [(f["item"], f["field"], f["old_value"], f["new_value"]) for f in report.corrections] == [
        ("MAU_NHAN_THUC", "name_en", "Digital awareness", "Awareness")
    ]
    found = stored(engine)["qn-dti-2025-mau"]
    assert (
        found.decision.number == "123/QĐ-UBND"
    )  # the issuing decision is kept; the correction cites its own
    [fix] = found.corrections
    assert (fix.document, fix.item, fix.new_value) == (correction.document, "MAU_NHAN_THUC", "Awareness")
    assert found.indicator("MAU_NHAN_THUC").name_en == "Awareness"


def test_a_published_set_survives_a_rebuild_from_data(fresh_engine: Callable[..., Engine]) -> None:
    engine = fresh_engine()
    build_all(engine, DATA)
    publish_index_set(engine, TEMPLATES / "bo-chi-so-mau.csv", HEADER)
    before = stored(engine)["qn-dti-2025-mau"]
    build_all(engine, DATA)  # what `python -m dashboard build` does to a running database
    after = stored(engine)
    assert after["qn-dti-2025-mau"] == before
    assert after["qn-dti-2020"].scheme.codes == ("good", "fair", "average", "weak")


def test_the_command_line_publishes_and_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("DASHBOARD_INSTANCE_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    runner = CliRunner()
    assert runner.invoke(cli, ["import", *map(str, REFERENCE_FILES)]).exit_code == 0
    options = [
        "--code=qn-dti-2025-mau",
        "--name-vi=Bộ chỉ số mẫu",
        "--issuer=UBND tỉnh Quảng Ngãi",
        "--document=Quyết định số 123/QĐ-UBND",
        "--document-date=2026-03",
        "--source-url=https://example.org/qd-123",
    ]
    template = tmp_path / "bo-chi-so-mau.xlsx"
    shutil.copy(TEMPLATES / "bo-chi-so-mau.xlsx", template)
    engine = db.get_engine(f"sqlite:///{database}")
    before = snapshot(engine)
    dry = runner.invoke(cli, ["methods", "import", str(template), *options, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert (
        "qn-dti-2025-mau: 11 indices; groups: xa, so, so-khong-tthc; classes: muc-4, muc-3, muc-2, muc-1"
        in (dry.output)
    )
    assert "dry run: nothing was stored" in dry.output and snapshot(engine) == before
    done = runner.invoke(cli, ["methods", "import", str(template), *options])
    assert done.exit_code == 0 and "the set was added" in done.output
    found = stored(engine)["qn-dti-2025-mau"]
    assert (found.decision.date, found.first_year) == ("2026-03", 2026)  # a month stays a month
    bad = tmp_path / "bad.csv"
    bad.write_text(
        TEMPLATE.replace("index,MAU_XA_HOI,MAU_TONG", "index,MAU_XA_HOI,MAU_TOTAL"), encoding="utf-8"
    )
    before = snapshot(engine)
    refused_run = runner.invoke(cli, ["methods", "import", str(bad), *options, "--code=other-set"])
    assert refused_run.exit_code == 1
    assert "ERROR bad.csv, row 15, column 'parent_code': no index has this code" in refused_run.output
    assert "rejected: 1 problem(s); nothing was stored" in refused_run.output
    assert snapshot(engine) == before


def test_a_rows_maximum_is_its_groups_in_every_download(engine: Engine, tmp_path: Path) -> None:
    from sqlalchemy import update

    from dashboard.queries import ObservationFilter, observation_statement

    publish_index_set(engine, TEMPLATES / "bo-chi-so-mau.csv", HEADER)
    rows = "year,unit,indicator,value\n2026,so-noi-vu,MAU_TONG,650\n2026,so-tu-phap,MAU_TONG,640\n"
    import_files(engine, [write_dataset(tmp_path, "kq.csv", rows, tidy_meta())])
    with engine.begin() as connection:  # what an annex of departments without procedures stores
        o = db.observations.c
        connection.execute(
            update(db.observations).where(o.unit_code == "so-tu-phap").values(unit_group="so-khong-tthc")
        )
        found = connection.execute(
            observation_statement(ObservationFilter(indicators=("MAU_TONG",)))
        ).mappings()
        maxima = {row["unit_code"]: (row["unit_group"], row["max_value"]) for row in found}
    assert maxima == {"so-noi-vu": (None, 1000.0), "so-tu-phap": ("so-khong-tthc", 800.0)}
