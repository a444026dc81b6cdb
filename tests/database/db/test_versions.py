"""The data version pushed by PostgreSQL: known without a query, updated at an import's commit,
unknown (so read per request) while the listening connection is lost, and back after."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text

from dashboard import db
from dashboard.db import versions


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def pg_engine(fresh_engine) -> Engine:
    engine = fresh_engine()
    if engine.dialect.name != "postgresql":
        pytest.skip("pushed versions are PostgreSQL's (LISTEN/NOTIFY)")
    with engine.begin() as connection:
        db.bump_data_version(connection)
    return engine


def test_sqlite_has_no_pushed_version(tmp_path):
    engine = db.get_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert versions.VersionWatch().current(engine) is None


def test_the_version_is_pushed_at_each_commit(pg_engine):
    watch = versions.VersionWatch()
    watch.current(pg_engine)
    assert wait_for(lambda: watch.current(pg_engine) == db.data_version(pg_engine))
    with pg_engine.begin() as connection:
        new = db.bump_data_version(connection)
        time.sleep(0.2)
        assert watch.current(pg_engine) != new  # not before the commit
    assert wait_for(lambda: watch.current(pg_engine) == new, seconds=2)


def test_a_lost_listener_makes_the_version_unknown_until_it_is_back(pg_engine):
    watch = versions.VersionWatch()
    assert wait_for(lambda: watch.current(pg_engine) is not None)
    with pg_engine.begin() as connection:
        killed = connection.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = :name AND pid <> pg_backend_pid()"
            ),
            {"name": versions.APPLICATION_NAME},
        ).scalar()
    assert killed >= 1
    assert wait_for(lambda: watch.current(pg_engine) is None, seconds=5)
    with pg_engine.begin() as connection:
        new = db.bump_data_version(connection)  # while it reconnects: read afresh when back
    assert wait_for(lambda: watch.current(pg_engine) == new, seconds=10)
