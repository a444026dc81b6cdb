"""Databases made once per test worker and copied for each test that wants one like them.

Two kinds: "reference" (the reference tables of data/ and nothing else) and "data" (everything in data/,
what `python -m dashboard build` makes). A test that needs its own database of one kind used to build it:
0.5–1.5 s of imports, two minutes of the suite's setup on PostgreSQL. A copy is a file copy on SQLite and a
`CREATE DATABASE … TEMPLATE` on PostgreSQL (about 50 ms), of a template built by the same functions.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine, make_url, text

from dashboard import db
from dashboard.config import REPO_ROOT
from dashboard.ingest.importer import build_all, import_files

DATA = REPO_ROOT / "data"
REFERENCE_FILES = [
    DATA / "reference" / f"{name}.csv"
    for name in ("units", "lineage", "events", "methodologies", "indicators", "class_schemes")
]

Kind = Literal["reference", "data"]
FILL: dict[str, Callable[[Engine], object]] = {
    "reference": lambda engine: import_files(engine, REFERENCE_FILES),
    "data": lambda engine: build_all(engine, DATA),
}


class DatabaseCopies:
    """Copies of the worker's templates, each template built when first asked for; `drop(engine)` drops
    a copy, `close()` the copies left and the templates."""

    def __init__(self, folder: Path, postgres_url: str | None) -> None:
        self._folder = folder
        self._server = make_url(postgres_url) if postgres_url else None
        self._templates: dict[tuple[Kind, str], str] = {}  # (kind, dialect) -> file path or database name
        self._copies: dict[Engine, Callable[[], None]] = {}  # each copy and what removes it

    def copy(self, kind: Kind, dialect: str) -> Engine:
        """A new database like the template of `kind` on `dialect` ("sqlite" or "postgresql")."""
        if (kind, dialect) not in self._templates:
            self._templates[kind, dialect] = self._build(kind, dialect)
        template = self._templates[kind, dialect]
        if dialect == "sqlite":
            path = self._folder / f"copy-{uuid.uuid4().hex}.sqlite3"
            shutil.copyfile(template, path)
            engine = db.get_engine(f"sqlite:///{path}")
            self._copies[engine] = path.unlink
        else:
            name = f"{template}_{uuid.uuid4().hex[:10]}"
            self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            engine = db.get_engine(self._url(name))
            self._copies[engine] = lambda: self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return engine

    def drop(self, engine: Engine) -> None:
        """Remove a copy this made: its file on SQLite (a few MB each, kept by pytest's last three runs
        otherwise), its database on PostgreSQL."""
        remove = self._copies.pop(engine)
        engine.dispose()
        remove()

    def close(self) -> None:
        for engine in list(self._copies):
            self.drop(engine)
        for (_, dialect), template in self._templates.items():
            if dialect == "postgresql":
                self._execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
        self._templates.clear()

    def _build(self, kind: Kind, dialect: str) -> str:
        if dialect == "sqlite":
            path = self._folder / f"template-{kind}.sqlite3"
            engine = db.get_engine(f"sqlite:///{path}")
            template = str(path)
        else:
            assert self._server is not None, "no PostgreSQL server is configured"
            template = f"{self._server.database}_template_{kind}"
            self._execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
            self._execute(f'CREATE DATABASE "{template}"')
            engine = db.get_engine(self._url(template))
        db.create_schema(engine)
        FILL[kind](engine)
        engine.dispose()  # a template database must have no open connection to be copied
        return template

    def _url(self, database: str) -> str:
        assert self._server is not None
        return self._server.set(database=database).render_as_string(hide_password=False)

    def _execute(self, statement: str) -> None:
        """Run a statement that PostgreSQL refuses inside a transaction, on the worker's own database."""
        server = db.get_engine(self._url(str(self._server.database)))  # type: ignore[union-attr]
        with server.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(statement))
