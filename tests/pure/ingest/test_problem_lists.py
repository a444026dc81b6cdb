"""A file with thousands of problems gets a readable answer: the first ones listed, the rest counted —
in the command line's output and its dry-run preview page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.ingest.parsing import PROBLEMS_SHOWN, Problem, first_problems
from tests.database.ingest.test_importer import REFERENCE_FILES, tidy_meta, tidy_text, write_dataset


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'instance' / 'cli.sqlite3'}")


def _bad_file(tmp_path: Path, rows: int) -> Path:
    header, good = tidy_text().splitlines()[:2]
    bad = good.replace(",91.5,", ",nine,")
    assert bad != good
    return write_dataset(tmp_path, "bad.csv", "\n".join([header, *[bad] * rows]) + "\n", tidy_meta(id="bad"))


def test_first_problems_lists_the_first_and_counts_the_rest():
    problems = [Problem("f.csv", n, None, None, "type", "x") for n in range(1, 251)]
    listed, more = first_problems(problems)
    assert (len(listed), more, listed[0].row, listed[-1].row) == (PROBLEMS_SHOWN, 50, 1, PROBLEMS_SHOWN)
    assert first_problems(problems[:3]) == (problems[:3], 0)
    assert first_problems(problems, 0) == (problems, 0)


def test_the_command_line_lists_the_first_problems_and_counts_the_rest(
    cli_env, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["import", *map(str, REFERENCE_FILES)]) == 0
    path = _bad_file(tmp_path, 1000)
    capsys.readouterr()
    preview = tmp_path / "xem-truoc.html"
    assert main(["import", "--dry-run", "--preview", str(preview), str(path)]) == 1
    err = capsys.readouterr().err
    listed = [line for line in err.splitlines() if line.startswith("ERROR bad.csv")]
    assert len(listed) == PROBLEMS_SHOWN and "row 2," in listed[0]
    total = int(re.search(r"rejected: (\d+) problem\(s\); nothing was stored", err).group(1))
    assert total >= 1000, "a problem per bad row at least"
    assert f"... and {total - PROBLEMS_SHOWN} more problem(s) not listed" in err
    page = preview.read_text(encoding="utf-8")
    assert len(re.findall("<li>", page)) == PROBLEMS_SHOWN
    assert f"and {total - PROBLEMS_SHOWN} more problem(s) not listed" in page

    assert main(["import", "--all-problems", str(path)]) == 1
    assert len([line for line in capsys.readouterr().err.splitlines() if line.startswith("ERROR")]) == total
