"""The process's engines: one pool per database URL (and test schema). May import: nothing of ours."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


_ENGINES: dict[tuple[str, str | None], Engine] = {}


def get_engine(database_url: str, *, schema: str | None = None) -> Engine:
    """Return this process's engine for a URL (one pool per process; gunicorn forks after preload).

    `schema` (PostgreSQL only) isolates tests that need an empty database of their own.
    """
    key = (database_url, schema)
    if key not in _ENGINES:
        _ENGINES[key] = _create_engine(database_url, schema=schema)
    return _ENGINES[key]


def _create_engine(database_url: str, *, schema: str | None) -> Engine:
    if database_url.startswith("sqlite"):
        database = make_url(database_url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(database_url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    else:
        connect_args = {"options": f"-csearch_path={schema}"} if schema else {}
        engine = create_engine(
            database_url, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args=connect_args
        )
    return engine


def dispose_engines() -> None:
    """Drop pooled connections inherited from a parent process (gunicorn post_fork)."""
    for engine in _ENGINES.values():
        engine.dispose(close=False)
