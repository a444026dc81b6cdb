"""A new year published from nothing through the command line, from the shipped data and changing no file
of the repository: a new index set (8 main indices; 1,000 points for communes, 800 for departments without
procedures; four levels), two new units, a rename and an alias, then the 2025 annexes of departments (a
central agency, a row not ranked) and of the 96 communes in points."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from dashboard import db
from dashboard.__main__ import cli
from dashboard.config import REPO_ROOT
from dashboard.db.index_sets import read_index_sets

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "new_year"
METHOD = "qn-dti-2025-thu-nghiem"
DECISION = ["--issuer", "Đơn vị thử nghiệm", "--source-url", "https://example.invalid/thu-nghiem-3"]


def repository_state() -> str:
    """What git sees changed in the repository (the test must leave it as it found it)."""
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def communes_annex(path: Path) -> list[str]:
    """The 96 communes of the shipped units in points, ranked (made-up figures); Xã Ba Tơ as annexes write
    it ('UBND xã Ba Tơ', published as an alias). Returns the unit codes in rank order."""
    with (REPO_ROOT / "data" / "reference" / "units.csv").open(encoding="utf-8") as handle:
        communes = [row for row in csv.DictReader(handle) if row["kind"] == "commune" and not row["valid_to"]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["STT", "Đơn vị", "Chỉ số chuyển đổi số (tổng điểm)", "Xếp hạng"])
        writer.writerow(["I", "UBND xã, phường, đặc khu", "", ""])
        for rank, unit in enumerate(communes, start=1):
            name = "UBND xã Ba Tơ" if unit["code"] == "21484" else unit["name_vi"]
            writer.writerow([rank, name, f"{900 - 5 * rank:.2f}".replace(".", ","), rank])
    return [unit["code"] for unit in communes]


@pytest.mark.timeout(600)
def test_a_new_year_is_published_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = repository_state()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'new-year.sqlite3'}")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    run("build")  # the shipped data
    run(
        "methods", "import", str(REPO_ROOT / "data" / "templates" / "bo-chi-so-mau.csv"), "--code", METHOD,
        "--name-vi", "Bộ chỉ số thử nghiệm 2025", "--document", "Tài liệu thử nghiệm số 3 ngày 15/3/2026",
        "--first-year", "2025", *DECISION,
    )  # fmt: skip
    units = run("units", "import", str(FIXTURES / "don-vi-2025.csv"))
    assert "4 change(s) were published" in units
    annex = ["--year", "2025", "--methodology", METHOD, "--kind", "official", *DECISION]
    departments = run(
        "import", str(FIXTURES / "phu-luc-so-2025.csv"), *annex, "--dataset-id", "thu-nghiem-so-2025",
        "--document", "Tài liệu thử nghiệm số 4 ngày 20/3/2026",
    )  # fmt: skip
    assert "thu-nghiem-so-2025: 5 rows" in departments
    ranked = communes_annex(tmp_path / "phu-luc-xa-2025.csv")
    run(
        "import", str(tmp_path / "phu-luc-xa-2025.csv"), *annex, "--dataset-id", "thu-nghiem-xa-2025",
        "--document", "Tài liệu thử nghiệm số 5 ngày 20/3/2026",
    )  # fmt: skip

    engine = db.get_engine(f"sqlite:///{tmp_path / 'new-year.sqlite3'}")
    o = db.observations.c
    with engine.connect() as connection:
        index_set = read_index_sets(connection)[METHOD]
        rows = {
            row["unit_code"]: row
            for row in connection.execute(
                select(db.observations).where(o.indicator_code == "MAU_TONG", o.year == 2025)
            ).mappings()
        }
        renamed = connection.execute(
            select(db.units.c.name_vi).where(db.units.c.code == "ban-dan-toc")
        ).scalar_one()
    assert len([i for i in index_set.indicators if i.parent_code == "MAU_TONG"]) == 8
    assert index_set.maximum("MAU_TONG", "so-khong-tthc") == 800.0
    assert index_set.maximum("MAU_TONG", "xa") == 1000.0
    assert index_set.scheme is not None and len(index_set.scheme.bands) == 4
    assert renamed == "Sở Dân tộc và Tôn giáo"
    assert rows["cuc-thue-quang-ngai"]["rank"] == 3 and rows["cuc-thue-quang-ngai"]["unit_group"] == "so"
    assert (rows["so-noi-vu"]["unit_group"], rows["so-noi-vu"]["rank"], rows["so-noi-vu"]["rank_of"]) == (
        "so-khong-tthc",
        1,
        1,
    )
    treasury = rows["kho-bac-quang-ngai"]
    assert (treasury["value"], treasury["rank"], treasury["not_ranked"]) == (None, None, "Không xếp hạng")
    assert rows["ban-dan-toc"]["value_published"] == "700,25"
    communes = [code for code in ranked if code in rows]
    assert communes == ranked and len(communes) == 96
    assert rows["21484"]["unit_group"] == "xa" and rows["21484"]["rank_of"] == 96
    assert repository_state() == before
