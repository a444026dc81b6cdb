"""The migrations and the schema in dashboard/db agree: a database made by the migrations compares equal to
`db.metadata` (Alembic's autogenerate comparison: tables, columns, types, indexes, foreign keys), so a
change to the tables without its migration fails here."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, MetaData, String

from dashboard import db

OPTIONS = {"compare_type": True, "compare_server_default": True}


def _differences(engine, metadata: MetaData) -> list:
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection, opts=OPTIONS), metadata)


def test_the_migrations_make_exactly_the_declared_schema(fresh_engine) -> None:
    assert _differences(fresh_engine(), db.metadata) == []


def test_a_column_without_its_migration_is_found(fresh_engine) -> None:
    ahead = MetaData()
    for table in db.metadata.sorted_tables:
        table.to_metadata(ahead)
    ahead.tables["units"].append_column(Column("motto", String(40)))
    differences = _differences(fresh_engine(), ahead)
    assert [(d[0], d[2], d[3].name) for d in differences] == [("add_column", "units", "motto")]
