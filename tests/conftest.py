"""Shared fixtures. The suite runs on SQLite by default and on PostgreSQL/Redis when DATABASE_URL and
CACHE_REDIS_URL are set (as `.ci/run` does)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import Engine, make_url, text

from dashboard import db
from dashboard.config import REPO_ROOT, Settings
from dashboard.ingest.importer import build_all
from tests.support.database_copies import DATA, DatabaseCopies, Kind
from tests.support.hung_redis import SilentRedis

SHARED = REPO_ROOT.parent / "shared"
DATA_DIR = DATA


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist each worker gets its own PostgreSQL database and Redis database: the session
    fixtures rebuild the database and the tests flush the cache, which two workers must not do to each
    other. Set in the environment, so subprocesses (the CLI, gunicorn) use them too."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")  # "gw0", "gw1", … in a worker; unset otherwise
    if not worker:
        return
    number = int(worker.removeprefix("gw"))
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgresql"):
        server = make_url(url)
        own = server.set(database=f"{server.database}_{worker}")
        engine = db.get_engine(url)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": own.database}
            ).first()
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{own.database}"'))
        engine.dispose()
        os.environ["DATABASE_URL"] = own.render_as_string(hide_password=False)
    redis_url = os.environ.get("CACHE_REDIS_URL", "")
    if redis_url:
        parts = urlsplit(redis_url)
        index = int(parts.path.strip("/") or 0) + 1 + number
        os.environ["CACHE_REDIS_URL"] = parts._replace(path=f"/{index}").geturl()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests marked `changes_data` last, in their own order: they publish into the session's
    database, and a test that reads it after them would see their data (a report card read a commune's
    2025 score from the new-year journey's annex)."""
    items.sort(key=lambda item: item.get_closest_marker("changes_data") is not None)


def _postgres_url() -> str | None:
    url = Settings.from_env().database_url
    return url if url.startswith("postgresql") else None


@pytest.fixture(scope="session")
def _database_copies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseCopies]:
    copies = DatabaseCopies(tmp_path_factory.mktemp("database-copies"), _postgres_url())
    yield copies
    copies.close()


@pytest.fixture
def fresh_engine(tmp_path: Path, _database_copies: DatabaseCopies) -> Iterator[Callable[..., Engine]]:
    """Make empty databases with the schema (made by the migrations, as on a first start): a file per test
    on SQLite, a schema per test on PostgreSQL. `make(migrated=False)` leaves the database blank;
    `make(dialect="sqlite")` forces SQLite whatever the environment says; `make(like="reference")` (only
    the reference tables) or `make(like="data")` (all of data/) gives a copy of a database of that kind
    built once per worker (tests/support/database_copies.py)."""
    made: list[tuple[Engine, str | None]] = []
    copies: list[Engine] = []

    def make(*, migrated: bool = True, dialect: str | None = None, like: Kind | None = None) -> Engine:
        url = None if dialect == "sqlite" else _postgres_url()
        if like is not None:
            copy = _database_copies.copy(like, "postgresql" if url else "sqlite")
            copies.append(copy)
            return copy
        if url is None:
            engine = db.get_engine(f"sqlite:///{tmp_path / f'{uuid.uuid4().hex}.sqlite3'}")
            made.append((engine, None))
        else:
            schema = f"t_{uuid.uuid4().hex[:12]}"
            with db.get_engine(url).begin() as connection:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            engine = db.get_engine(url, schema=schema)
            made.append((engine, schema))
        if migrated:
            db.create_schema(engine)
        return engine

    yield make
    for copy in copies:
        _database_copies.drop(copy)
    for engine, schema in made:
        engine.dispose()
        if schema:
            with db.get_engine(_postgres_url()).begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings for the session's app: the environment's database (fresh) or a temporary SQLite file."""
    instance = tmp_path_factory.mktemp("instance")
    env = dict(os.environ, DASHBOARD_INSTANCE_DIR=str(instance))
    env.setdefault("RATE_LIMIT", "off")  # the suite asks far more than one reader would (limits: own tests)
    return Settings.from_env(env, build_on_start=False)


@pytest.fixture(scope="session")
def built_engine(settings: Settings) -> Engine:
    """The session database, rebuilt from data/ through the importer."""
    engine = db.get_engine(settings.database_url)
    db.drop_schema(engine)
    build_all(engine, DATA_DIR)
    return engine


@pytest.fixture(scope="session")
def app(settings: Settings, built_engine: Engine):
    """One Dash app per session (a second app in one process loses its callbacks)."""
    from dashboard import create_app

    return create_app(settings)


@pytest.fixture
def own_dash(app) -> Callable[[], object]:
    """Make a Dash app of the test's own, after the session app: the callbacks the pages register with
    `dash.callback` go to the first app that starts in the process, so a test app made first (as a test
    worker may do) would take them and leave the session app without them. It serves the vendored
    scripts the pages have (assets/vendor): create_app drops Dash's polyfill for every app of the process
    (web/first_visit.py), and dash-renderer's lazy loaders then need assets/vendor's regeneratorRuntime."""
    import dash

    return lambda: dash.Dash(__name__, assets_folder=str(REPO_ROOT / "assets" / "vendor"))


@pytest.fixture
def client(app):
    """Flask test client of the session app."""
    return app.server.test_client()


@pytest.fixture
def closed_breaker() -> Iterator[None]:
    """The process's Redis circuit breaker closed at the start of the test, and again at its end (an
    outage test must not leave the next test without Redis)."""
    from dashboard.cache import breaker

    breaker.close()
    yield
    breaker.close()


@pytest.fixture
def silent_redis(closed_breaker: None) -> Iterator[SilentRedis]:
    """A hung Redis: a loopback TCP server that accepts connections and never answers."""
    server = SilentRedis()
    yield server
    server.close()
