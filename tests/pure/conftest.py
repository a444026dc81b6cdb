"""Tests here need no app, database, cache, server or browser: a test that asks for such a fixture
(tests/support/tiers.py lists them) fails before any of them is set up, so the folder's name stays true."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.tiers import impure

PURE = Path(__file__).parent


@pytest.hookimpl(tryfirst=True)  # before pytest sets up the fixtures (and builds the database)
def pytest_runtest_setup(item: pytest.Item) -> None:
    offenders = impure([item], PURE)
    if offenders:
        pytest.fail(
            "tests/pure may not ask for the app, a database, the cache, a server or a browser; move it to "
            f"tests/database or tests/browser: {offenders[0]}",
            pytrace=False,
        )
