"""Upgrades never lose data: a database made with the schema as it was before migrations (kept as a test
fixture) holds an imported dataset and a boundary layer; the app refuses it naming the command; the
upgrade keeps every row — on SQLite, and on PostgreSQL when DATABASE_URL names one."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, inspect, select
from test_importer import FIXTURES, REFERENCE_FILES, observations

from dashboard import _prepare_database, db
from dashboard.config import REPO_ROOT, Settings
from dashboard.db import migrate
from dashboard.ingest.importer import import_files
from tests.conftest import _postgres_url

_spec = importlib.util.spec_from_file_location(
    "schema_before_12", REPO_ROOT / "tests" / "fixtures" / "importer" / "schema_before_12.py"
)
schema_before = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(schema_before)  # type: ignore[union-attr]

LAYER = {
    "vintage": "districts-2020",
    "file_name": "districts-2020.0123456789ab.geojson",
    "content_hash": "0123456789ab" * 4,
    "feature_count": 13,
    "source_title": "dvhcvn (Đào Hoàng Sơn)",
    "source_url": "https://example.invalid/dvhcvn",
    "licence": "GPL-3.0",
    "redistributable": False,
    "attribution": "Ranh giới: dvhcvn, GPL-3.0",
    "imported_at": datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
}


def _dialects() -> list:
    postgres = pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(_postgres_url() is None, reason="DATABASE_URL names no PostgreSQL"),
        ],
    )
    return ["sqlite", postgres]


def old_database(make: Callable[..., Engine], dialect: str) -> Engine:
    """A database as this app made it before migrations, with a dataset and a boundary layer imported."""
    engine = make(migrated=False, dialect=dialect)
    schema_before.metadata.create_all(engine)
    import_files(engine, [*REFERENCE_FILES, FIXTURES / "tidy_edoc_2022.csv"])
    with engine.begin() as connection:
        connection.execute(insert(schema_before.boundary_layers).values(**LAYER))
    return engine


@pytest.fixture(params=_dialects())
def before(request, fresh_engine: Callable[..., Engine]) -> Engine:
    """The old database, on each dialect."""
    return old_database(fresh_engine, request.param)


def _rows(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table of the old schema."""
    with engine.connect() as connection:
        return {
            table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
            for table in schema_before.metadata.sorted_tables
        }


def test_app_refuses_an_unmigrated_database_naming_the_command(before: Engine, tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"DASHBOARD_INSTANCE_DIR": str(tmp_path)}, database_url=str(before.url), build_on_start=False
    )
    kept = _rows(before)
    with pytest.raises(
        migrate.SchemaOutOfDate, match=r"run `python -m dashboard db upgrade` \(data is kept\)"
    ):
        migrate.check_schema(before)
    assert migrate.schema_revision(before) == migrate.BASELINE_REVISION
    assert "corrections" not in inspect(before).get_table_names()
    assert _rows(before) == kept
    if before.dialect.name == "sqlite":  # the app's own start-up path (a PostgreSQL test schema has no URL)
        with pytest.raises(migrate.SchemaOutOfDate):
            _prepare_database(settings)


def test_upgrade_keeps_the_dataset_and_the_boundary_layer(before: Engine) -> None:
    kept = _rows(before)
    assert len(kept["observations"]) == 5 and len(kept["boundary_layers"]) == 1
    migrate.upgrade(before)
    assert migrate.schema_revision(before) == migrate.head_revision()
    migrate.check_schema(before)  # no longer refused
    assert _rows(before) == kept
    assert "corrections" in inspect(before).get_table_names()
    assert (
        observations(before, "test-tidy-edoc")[("530", 2022, "EDOC_PROCESSED_ONLINE_SHARE")]["value"] == 91.5
    )
    migrate.upgrade(before)  # idempotent
    assert _rows(before) == kept


def test_cli_import_refuses_an_old_schema_then_db_upgrade_brings_it_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_engine, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = old_database(fresh_engine, "sqlite")
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    from dashboard.__main__ import main

    kept = _rows(engine)
    assert main(["import", str(FIXTURES / "tidy_edoc_2022.csv"), "--dry-run"]) == 1
    assert "run `python -m dashboard db upgrade`" in capsys.readouterr().err
    assert _rows(engine) == kept and migrate.schema_revision(engine) == migrate.BASELINE_REVISION
    assert main(["db", "upgrade"]) == 0
    assert f"database schema: 0001 -> {migrate.head_revision()}" in capsys.readouterr().out
    assert migrate.schema_revision(engine) == migrate.head_revision()


def test_a_fresh_database_is_made_by_the_migrations(fresh_engine) -> None:
    engine = fresh_engine()
    assert migrate.schema_revision(engine) == migrate.head_revision()
    assert set(inspect(engine).get_table_names()) == {*db.metadata.tables, "alembic_version"}
