"""What a test under tests/pure may not ask for: a fixture that gives it the app, a database, the cache, a
server or a browser (those tests live in tests/database or tests/browser)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

NEEDS_MORE_THAN_PURE = frozenset(
    {
        # the session app and its database (tests/conftest.py)
        "settings", "built_engine", "app", "client", "own_dash",
        # a database of the test's own
        "fresh_engine",
        # the Redis cache and its breaker
        "closed_breaker", "silent_redis",
        # a server and a browser (tests/browser/conftest.py, dash.testing)
        "live_server", "browser", "host_page",
        "dash_duo", "dash_br", "dash_thread_server", "dash_process_server",
    }
)  # fmt: skip


class Item(Protocol):
    """The part of a pytest item the check reads."""

    path: Path
    nodeid: str
    fixturenames: list[str]


def impure(items: Iterable[Item], folder: Path) -> list[str]:
    """Each test under `folder` that asks (itself or through its fixtures) for more than a pure test may,
    with the fixtures it asks for."""
    return [
        f"{item.nodeid} asks for {', '.join(sorted(NEEDS_MORE_THAN_PURE & set(item.fixturenames)))}"
        for item in items
        if item.path.is_relative_to(folder) and NEEDS_MORE_THAN_PURE & set(item.fixturenames)
    ]
