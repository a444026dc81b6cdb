"""The check that keeps tests/pure pure: a test there that asks for the app, a database, the cache or a
browser, directly or through a fixture of its own, fails before its fixtures are set up; one elsewhere
does not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.pure import conftest
from tests.support.tiers import impure

PURE = Path(conftest.__file__).parent
DATABASE = PURE.parent / "database"


@dataclass
class FakeItem:
    path: Path
    nodeid: str
    fixturenames: list[str]


def test_a_pure_test_asking_for_tmp_path_and_monkeypatch_passes():
    item = FakeItem(PURE / "figures" / "test_x.py", "x::plain", ["tmp_path", "monkeypatch"])
    assert impure([item], PURE) == []
    conftest.pytest_runtest_setup(item)  # does not fail


@pytest.mark.parametrize("fixture", ["app", "client", "fresh_engine", "silent_redis", "browser", "dash_duo"])
def test_a_pure_test_asking_for_the_app_a_database_the_cache_or_a_browser_fails(fixture):
    # pytest lists a test's fixtures with those of its fixtures, so a fixture wrapping `app` counts too.
    item = FakeItem(PURE / "views" / "test_x.py", "tests/pure/views/test_x.py::t", ["own", fixture])
    with pytest.raises(pytest.fail.Exception, match=f"tests/pure/views/test_x.py::t asks for {fixture}$"):
        conftest.pytest_runtest_setup(item)


def test_the_same_request_from_tests_database_passes():
    item = FakeItem(DATABASE / "api" / "test_x.py", "tests/database/api/test_x.py::t", ["app", "client"])
    assert impure([item], PURE) == []
    conftest.pytest_runtest_setup(item)


def test_every_test_file_is_in_one_of_the_three_folders():
    # pytest collects only these folders (pyproject.toml): a test file left elsewhere would never run.
    tests = PURE.parent
    folders = [tests / "pure", tests / "database", tests / "browser"]
    stray = [
        str(path.relative_to(tests))
        for path in tests.rglob("test_*.py")
        if "node_modules" not in path.parts and not any(path.is_relative_to(f) for f in folders)
    ]
    assert stray == []
