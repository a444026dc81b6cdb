"""Schema migrations (Alembic, dashboard/db/migrations/): where a database stands, upgrading it, and the
check that keeps the app off an older schema. May import: db.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from dashboard.db import connecting

MIGRATIONS = Path(__file__).parent / "migrations"
BASELINE_REVISION = "0001"  # the oldest schema made by create_all before migrations existed


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


def _revisions() -> list:
    """Every migration, oldest first."""
    from alembic.script import ScriptDirectory

    return list(reversed(list(ScriptDirectory.from_config(_alembic_config(None)).walk_revisions())))  # type: ignore[arg-type]


def _added(revision) -> dict[str, tuple[str, ...]]:
    """What a migration adds: its SCHEMA_ADDED, or the baseline's whole frozen metadata."""
    module = revision.module
    if hasattr(module, "SCHEMA_ADDED"):
        return module.SCHEMA_ADDED
    if revision.down_revision is None:
        return {name: () for name in module.metadata.tables}
    raise RuntimeError(f"migration {revision.revision} does not say what it adds (SCHEMA_ADDED)")


def present_revision(connection: Connection) -> str | None:
    """The newest migration whose tables and columns, and every earlier one's, a database made without
    alembic_version already holds (by `create_all` before migrations existed, whichever version made it).
    None when it holds nothing of ours; SchemaOutOfDate when it holds part of a migration, or a later
    one without an earlier one: then no stamp is safe and a person must look."""
    inspector = inspect(connection)
    tables = set(inspector.get_table_names())
    found: str | None = None
    missing: str | None = None
    for revision in _revisions():
        added = _added(revision)
        present = [
            table in tables and set(columns) <= {column["name"] for column in inspector.get_columns(table)}
            for table, columns in added.items()
        ]
        if all(present) and missing is None:
            found = revision.revision
        elif any(present):
            raise SchemaOutOfDate(
                f"the database holds only part of migration {revision.revision} "
                f"({', '.join(sorted(added))}), or holds it without an earlier one: no upgrade is safe"
            )
        else:
            missing = missing or revision.revision
    return found


def schema_revision(bind: Engine | Connection) -> str | None:
    """The migration the database is at: None for an empty database; for one made before migrations (its
    tables exist, alembic_version does not), the newest migration whose schema it already holds."""
    with connecting(bind) as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" in tables:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return present_revision(connection) if "datasets" in tables else None


def upgrade(engine: Engine, *, revision: str = "head") -> None:
    """Create or upgrade the schema by running the migrations up to `revision`, in one transaction; data
    is kept. A database made before migrations is first stamped with what it already holds. (The tests
    stop at the baseline to make a database as it was before migrations.)"""
    from alembic import command

    with engine.begin() as connection:
        config = _alembic_config(connection)
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables and "datasets" in tables:
            present = present_revision(connection)
            if present:
                command.stamp(config, present)
        command.upgrade(config, revision)


def check_schema(engine: Engine) -> None:
    """Refuse a database whose schema is older than this code (raises SchemaOutOfDate)."""
    current = schema_revision(engine)
    if current is not None and current != head_revision():
        raise SchemaOutOfDate(
            f"the database schema is at revision {current}, this version needs {head_revision()}: "
            "run `python -m dashboard db upgrade` (data is kept)"
        )
