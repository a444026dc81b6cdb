"""Publishing units from the officer's file (CSV or XLSX, the shipped templates): adds, renames, merges,
ends and aliases stored as written; bad rows refused with file, row and column and the database unchanged;
published units surviving a reload of the reference units file; the command line."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select

from dashboard import db
from dashboard.__main__ import cli
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.importer import import_files
from dashboard.ingest.parsing import ImportRejected
from dashboard.ingest.unit_store import publish_units
from tests.database.ingest.test_importer import DATA, REFERENCE_FILES, snapshot

TEMPLATES = DATA / "templates"
HEADER = "action,code,kind,parent_code,name_vi,name_en,date,from_codes,alias,legal_basis,source_url,issuer\n"
BASIS = "Quyết định số 99/QĐ-UBND ngày 20/02/2025"


@pytest.fixture
def engine(fresh_engine: Callable[..., Engine]) -> Engine:
    """A database with the shipped reference tables (units, lineage, methods) and nothing else."""
    return fresh_engine(like="reference")


def unit(engine: Engine, code: str) -> dict | None:
    with engine.connect() as connection:
        row = connection.execute(select(db.units).where(db.units.c.code == code)).mappings().first()
        return dict(row) if row else None


def versions(engine: Engine, code: str) -> list[tuple]:
    v = db.unit_versions.c
    statement = (
        select(v.name_vi, v.valid_from, v.valid_to)
        .where(v.unit_code == code)
        .order_by(v.valid_from.nulls_first())
    )
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(statement)]


def resolve(engine: Engine, name: str, year: int = 2025, kind: str | None = None) -> str | None:
    with engine.connect() as connection:
        return Catalogue.load(connection).lookup_unit(name, year=year, kind=kind)[0]


def write(tmp_path: Path, rows: str, name: str = "don-vi.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def refused(engine: Engine, path: Path) -> list[str]:
    """Publish a file that must be refused; its problems as printed, the database checked unchanged."""
    before = snapshot(engine)
    with pytest.raises(ImportRejected) as rejected:
        publish_units(engine, path)
    assert snapshot(engine) == before
    return [str(problem) for problem in rejected.value.problems]


@pytest.mark.parametrize("name", ["don-vi-mau.csv", "don-vi-mau.xlsx"])
def test_the_template_adds_renames_merges_ends_and_aliases(engine: Engine, name: str) -> None:
    report = publish_units(engine, TEMPLATES / name)
    assert [c.action for c in report.changes] == ["add", "add", "rename", "merge", "end", "alias"]
    assert versions(engine, "so-vi-du-a") == [
        ("Sở Ví dụ A (mẫu)", date(2025, 3, 1), date(2025, 4, 30)),
        ("Sở Ví dụ A đổi tên (mẫu)", date(2025, 5, 1), date(2025, 6, 30)),
    ]
    assert unit(engine, "so-vi-du-a")["name_vi"] == "Sở Ví dụ A đổi tên (mẫu)"
    assert unit(engine, "so-vi-du-b")["valid_to"] == date(2025, 6, 30)
    merged = unit(engine, "so-vi-du-hop-nhat")
    assert (merged["valid_from"], merged["valid_to"], merged["kind"]) == (
        date(2025, 7, 1),
        date(2025, 12, 31),
        "department",
    )
    with engine.connect() as connection:
        lineage = connection.execute(
            select(db.lineage.c.from_code, db.lineage.c.event, db.lineage.c.event_date).where(
                db.lineage.c.to_code == "so-vi-du-hop-nhat"
            )
        ).all()
    assert sorted(lineage) == [
        ("so-vi-du-a", "merged_into", date(2025, 7, 1)),
        ("so-vi-du-b", "merged_into", date(2025, 7, 1)),
    ]
    assert resolve(engine, "UBND xã Ba Tơ", kind="commune") == "21484"
    assert resolve(engine, "Sở Ví dụ hợp nhất (mẫu)", kind="department") == "so-vi-du-hop-nhat"


def test_a_split_forms_a_new_unit_from_part_of_another_which_goes_on(engine: Engine, tmp_path: Path) -> None:
    rows = (
        f"split,so-moi-tach,department,51,Sở Mới tách,New Split Department,2025-03-01,so-tu-phap,,{BASIS},,\n"
    )
    report = publish_units(engine, write(tmp_path, rows))
    assert [c.action for c in report.changes] == ["split"]
    formed = unit(engine, "so-moi-tach")
    assert (formed["name_vi"], formed["kind"], formed["valid_from"]) == (
        "Sở Mới tách",
        "department",
        date(2025, 3, 1),
    )
    assert unit(engine, "so-tu-phap")["valid_to"] is None  # the unit split goes on
    with engine.connect() as connection:
        lineage = connection.execute(
            select(
                db.lineage.c.from_code, db.lineage.c.event, db.lineage.c.event_date, db.lineage.c.legal_basis
            ).where(db.lineage.c.to_code == "so-moi-tach")
        ).all()
    assert lineage == [("so-tu-phap", "split_into", date(2025, 3, 1), BASIS)]
    import_files(engine, [DATA / "reference" / "units.csv"])  # a rebuild replays it
    assert unit(engine, "so-moi-tach")["name_vi"] == "Sở Mới tách"


def test_a_dry_run_shows_the_changes_and_stores_nothing(engine: Engine) -> None:
    before = snapshot(engine)
    report = publish_units(engine, TEMPLATES / "don-vi-mau.csv", dry_run=True)
    assert report.count("add") == 2 and report.count("alias") == 1
    assert snapshot(engine) == before


def test_published_units_survive_a_reload_of_the_reference_units(engine: Engine, tmp_path: Path) -> None:
    rows = (
        f"rename,ban-dan-toc,,,Sở Dân tộc và Tôn giáo,Department of Ethnic and Religious Affairs,"
        f"2025-03-01,,,{BASIS},https://example.org/qd-99,UBND tỉnh Quảng Ngãi\n"
        "alias,21484,,,,,,,UBND xã Ba Tơ,,,\n"
        f"end,so-thong-tin-truyen-thong,,,,,2025-03-01,,,{BASIS},,\n"
    )
    publish_units(engine, write(tmp_path, rows))
    published = snapshot(engine)
    import_files(engine, [DATA / "reference" / "units.csv"])  # what `build` does with data/ again
    after = snapshot(engine)
    for table in ("units", "unit_aliases", "lineage", "unit_changes"):
        assert after[table] == published[table], table
    assert [name for name, *_ in versions(engine, "ban-dan-toc")] == ["Ban Dân tộc", "Sở Dân tộc và Tôn giáo"]
    assert unit(engine, "so-thong-tin-truyen-thong")["valid_to"] == date(2025, 2, 28)
    assert resolve(engine, "UBND xã Ba Tơ", kind="commune") == "21484"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            f"add,so-tu-phap,department,51,Sở Tư pháp mới,New Justice,2025-03-01,,,{BASIS},,\n",
            "don-vi.csv, row 2, column 'code': code already used by Sở Tư pháp",
        ),
        (
            f"rename,ban-dan-toc,,,Tên mới,New name,2025-03-01,,,{BASIS},,\n"
            f"rename,ban-dan-toc,,,Tên khác,Other name,2025-02-01,,,{BASIS},,\n",
            "don-vi.csv, row 3, column 'date': overlaps the version valid from 2025-03-01",
        ),
        (
            f"merge,so-moi,department,51,Sở Mới,New,2025-03-01,so-khong-co;so-tu-phap,,{BASIS},,\n",
            "don-vi.csv, row 2, column 'from_codes': no unit has this code (value 'so-khong-co')",
        ),
        (
            f"merge,so-moi,department,51,Sở Mới,New Department,2025-03-01,so-ke-hoach-dau-tu,,{BASIS},,\n",
            "don-vi.csv, row 2, column 'from_codes': Sở Kế hoạch và Đầu tư did not exist on 2025-02-28",
        ),
        (
            f"add,so-moi,department,99,Sở Mới,New Department,2025-03-01,,,{BASIS},,\n",
            "don-vi.csv, row 2, column 'parent_code': parent unit is not known (value '99')",
        ),
        (
            "alias,21484,,,,,,,UBND xã Ba Tơ,,,\nalias,21523,,,,,,,UBND  xã Ba Tơ,,,\n",
            "don-vi.csv, row 3, column 'alias': already names 21484",
        ),
        (
            "add,so-moi,department,51,Sở Mới,New Department,01/03/2025,,,,,\n",
            "don-vi.csv, row 2, column 'date': the day it takes effect: YYYY-MM-DD (value '01/03/2025')",
        ),
        (
            "move,so-moi,,,,,,,,,,\n",
            "row 2, column 'action': must be one of add, rename, merge, split, end, alias (value 'move')",
        ),
        (
            f"split,so-moi,department,51,Sở Mới,New Department,2025-03-01,,,{BASIS},,\n",
            "don-vi.csv, row 2, column 'from_codes': the units split, separated by ';'",
        ),
        (
            f"split,so-moi,department,51,Sở Mới,New Department,2025-03-01,so-ke-hoach-dau-tu,,{BASIS},,\n",
            "don-vi.csv, row 2, column 'from_codes': Sở Kế hoạch và Đầu tư did not exist on 2025-02-28",
        ),
        (
            f"split,so-tu-phap,department,51,Sở Tư pháp,Justice,2025-03-01,so-noi-vu,,{BASIS},,\n",
            "don-vi.csv, row 2, column 'code': code already used by Sở Tư pháp",
        ),
        (
            f"end,so-khong-co,,,,,2025-03-01,,,{BASIS},,\n",
            "don-vi.csv, row 2, column 'code': no unit has this code (value 'so-khong-co')",
        ),
    ],
)
def test_a_bad_row_is_refused_with_file_row_and_column(
    engine: Engine, tmp_path: Path, rows: str, expected: str
) -> None:
    good = f"add,so-hop-le,department,51,Sở Hợp lệ,Valid Department,2025-03-01,,,{BASIS},,\n"
    problems = refused(engine, write(tmp_path, rows + good))
    assert any(expected in problem for problem in problems), problems
    assert unit(engine, "so-hop-le") is None  # the good row is not stored either


def test_a_file_without_the_action_column_is_refused(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "don-vi.csv"
    path.write_text("code,name_vi\nso-moi,Sở Mới\n", encoding="utf-8")
    assert refused(engine, path) == [
        "ERROR don-vi.csv, row 1, column 'action': required column is missing [required-column]"
    ]


def test_the_command_line_publishes_and_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    runner = CliRunner()
    assert runner.invoke(cli, ["import", *map(str, REFERENCE_FILES)]).exit_code == 0
    template = tmp_path / "don-vi-mau.csv"
    shutil.copy(TEMPLATES / "don-vi-mau.csv", template)
    dry = runner.invoke(cli, ["units", "import", str(template), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "6 change(s) would be published" in dry.output and "dry run: nothing was stored" in dry.output
    done = runner.invoke(cli, ["units", "import", str(template)])
    assert done.exit_code == 0, done.output
    assert "row 4: rename so-vi-du-a Sở Ví dụ A đổi tên (mẫu)" in done.output
    again = runner.invoke(cli, ["units", "import", str(template)])
    assert again.exit_code == 1
    assert "don-vi-mau.csv, row 2, column 'code': code already used by Sở Ví dụ A đổi tên" in again.output
