"""Schema migrations (Alembic, dashboard/db/migrations/): where a database stands, upgrading it, and the
check that keeps the app off an older schema. May import: db.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from dashboard.db import connecting

MIGRATIONS = Path(__file__).parent / "migrations"
BASELINE_REVISION = "0001"  # the schema made by create_all before migrations existed


class SchemaOutOfDate(RuntimeError):
    """The database was made by an older version: it must be upgraded before the app may use it."""


def _alembic_config(connection: Connection):
    from alembic.config import Config  # only needed when the schema is checked or changed

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration."""
    from alembic.script import ScriptDirectory

    with_config = _alembic_config(None)  # type: ignore[arg-type]
    return str(ScriptDirectory.from_config(with_config).get_current_head())


def schema_revision(bind: Engine | Connection) -> str | None:
    """The migration the database is at: None for an empty database, the baseline for one made before
    migrations (its tables exist, alembic_version does not)."""
    with connecting(bind) as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" in tables:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return BASELINE_REVISION if "datasets" in tables else None


def upgrade(engine: Engine, *, revision: str = "head") -> None:
    """Create or upgrade the schema by running the migrations up to `revision`, in one transaction; data
    is kept. (The tests stop at the baseline to make a database as it was before migrations.)"""
    from alembic import command

    with engine.begin() as connection:
        config = _alembic_config(connection)
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables and "datasets" in tables:
            command.stamp(config, BASELINE_REVISION)  # made by create_all before migrations existed
        command.upgrade(config, revision)


def check_schema(engine: Engine) -> None:
    """Refuse a database whose schema is older than this code (raises SchemaOutOfDate)."""
    current = schema_revision(engine)
    if current is not None and current != head_revision():
        raise SchemaOutOfDate(
            f"the database schema is at revision {current}, this version needs {head_revision()}: "
            "run `python -m dashboard db upgrade` (data is kept)"
        )
