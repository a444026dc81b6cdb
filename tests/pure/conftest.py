"""Tests here need no app, database, cache, server or browser: collection fails for one that asks for such
a fixture (tests/support/tiers.py lists them), so the folder's name stays true."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.tiers import impure

PURE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    offenders = impure(items, PURE)
    if offenders:
        raise pytest.UsageError(
            "tests/pure may not ask for the app, a database, the cache, a server or a browser; move these "
            "to tests/database or tests/browser:\n  " + "\n  ".join(offenders)
        )
