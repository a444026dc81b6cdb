"""Upgrades never lose data: a database made with the schema as it was before migrations (the frozen
baseline migration, without alembic_version) holds an imported dataset and a boundary layer; the app
refuses it naming the command; the upgrade keeps every row — on SQLite, and on PostgreSQL when
DATABASE_URL names one."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, MetaData, Table, insert, inspect, select, text

from dashboard import _prepare_database, db
from dashboard.config import Settings
from dashboard.db import migrate
from dashboard.ingest.importer import import_files
from tests.conftest import _postgres_url
from tests.database.ingest.test_importer import FIXTURES, REFERENCE_FILES, observations

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


@dataclass(frozen=True)
class OldDatabase:
    """A database made before migrations, and its tables as they were then (reflected before any upgrade,
    so that the rows compared after it are the old columns' rows)."""

    engine: Engine
    tables: tuple[Table, ...]

    def rows(self) -> dict[str, list[tuple]]:
        """Every row of every table of the old schema."""
        with self.engine.connect() as connection:
            return {
                table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
                for table in self.tables
            }


def _as_before(paths: list[Path]) -> list[Path]:
    """Copies of reference files as they were before sources kept a date as shown or a community kind
    (the baseline schema has neither)."""
    folder = Path(tempfile.mkdtemp(prefix="before-"))
    copies = []
    for path in paths:
        copy = folder / path.name
        shutil.copy(path, copy)
        meta_path = path.with_name(path.stem + ".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["sources"] = [
            {
                **{k: v for k, v in s.items() if k != "date"},
                "kind": s["kind"].replace("community", "reference"),
            }
            for s in meta["sources"]
        ]
        (folder / meta_path.name).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        copies.append(copy)
    return copies


def old_database(
    make: Callable[..., Engine], dialect: str, *, revision: str = migrate.BASELINE_REVISION
) -> OldDatabase:
    """A database as this app made it before migrations, with a dataset and a boundary layer imported.
    `revision`: the migrations up to it are the schema `create_all` made then (by default the baseline;
    a later version of the app already made, say, the corrections table)."""
    engine = make(migrated=False, dialect=dialect)
    # Such a database had no alembic_version.
    migrate.upgrade(engine, revision=revision)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    old = MetaData()
    old.reflect(engine)
    assert set(old.tables) >= {"datasets", "observations", "boundary_layers"}, sorted(old.tables)
    # Today's importer writes today's columns: it imports into a current database (sources without what the
    # baseline lacks), whose rows are then copied, column by column of the old schema.
    current = make(dialect=dialect)
    import_files(current, [*_as_before(REFERENCE_FILES), FIXTURES / "tidy_edoc_2022.csv"])
    with current.connect() as reading, engine.begin() as connection:
        for table in old.sorted_tables:
            rows = reading.execute(select(*(db.metadata.tables[table.name].c[c.name] for c in table.columns)))
            records = [dict(row._mapping) for row in rows]
            if records:
                connection.execute(insert(table), records)
        connection.execute(insert(old.tables["boundary_layers"]).values(**LAYER))
    return OldDatabase(engine, tuple(old.sorted_tables))


@pytest.fixture(params=_dialects())
def before(request, fresh_engine: Callable[..., Engine]) -> OldDatabase:
    """The old database, on each dialect."""
    return old_database(fresh_engine, request.param)


def test_app_refuses_an_unmigrated_database_naming_the_command(before: OldDatabase, tmp_path: Path) -> None:
    engine = before.engine
    settings = Settings.from_env(
        {"DASHBOARD_INSTANCE_DIR": str(tmp_path)}, database_url=str(engine.url), build_on_start=False
    )
    kept = before.rows()
    with pytest.raises(
        migrate.SchemaOutOfDate, match=r"run `python -m dashboard db upgrade` \(data is kept\)"
    ):
        migrate.check_schema(engine)
    assert migrate.schema_revision(engine) == migrate.BASELINE_REVISION
    assert "corrections" not in inspect(engine).get_table_names()
    assert before.rows() == kept
    if engine.dialect.name == "sqlite":  # the app's own start-up path (a PostgreSQL test schema has no URL)
        with pytest.raises(migrate.SchemaOutOfDate):
            _prepare_database(settings)


def test_upgrade_keeps_the_dataset_and_the_boundary_layer(before: OldDatabase) -> None:
    engine = before.engine
    kept = before.rows()
    assert len(kept["observations"]) == 5 and len(kept["boundary_layers"]) == 1
    migrate.upgrade(engine)
    assert migrate.schema_revision(engine) == migrate.head_revision()
    migrate.check_schema(engine)  # no longer refused
    assert before.rows() == kept
    assert "corrections" in inspect(engine).get_table_names()
    assert (
        observations(engine, "test-tidy-edoc")[("530", 2022, "EDOC_PROCESSED_ONLINE_SHARE")]["value"] == 91.5
    )
    migrate.upgrade(engine)  # idempotent
    assert before.rows() == kept


def test_cli_import_refuses_an_old_schema_then_db_upgrade_brings_it_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_engine, capsys: pytest.CaptureFixture[str]
) -> None:
    before = old_database(fresh_engine, "sqlite")
    engine = before.engine
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    from dashboard.__main__ import main

    kept = before.rows()
    assert main(["import", str(FIXTURES / "tidy_edoc_2022.csv"), "--dry-run"]) == 1
    assert "run `python -m dashboard db upgrade`" in capsys.readouterr().err
    assert before.rows() == kept and migrate.schema_revision(engine) == migrate.BASELINE_REVISION
    assert main(["db", "upgrade"]) == 0
    assert f"database schema: 0001 -> {migrate.head_revision()}" in capsys.readouterr().out
    assert migrate.schema_revision(engine) == migrate.head_revision()


def test_a_fresh_database_is_made_by_the_migrations(fresh_engine) -> None:
    engine = fresh_engine()
    assert migrate.schema_revision(engine) == migrate.head_revision()
    assert set(inspect(engine).get_table_names()) == {*db.metadata.tables, "alembic_version"}


@pytest.mark.parametrize("dialect", _dialects())
def test_a_database_made_before_migrations_with_the_corrections_table_upgrades_keeping_its_data(
    fresh_engine, dialect: str
) -> None:
    before = old_database(fresh_engine, dialect, revision="0002")
    engine = before.engine
    with engine.begin() as connection:
        connection.execute(
            insert({table.name: table for table in before.tables}["corrections"]).values(
                corrected_at=datetime(2025, 3, 1, tzinfo=UTC),
                dataset_id="test-tidy-edoc",
                replaced_dataset_id="test-tidy-edoc",
                document="Quyết định số 9/QĐ-UBND",
                unit_code="530",
                year=2022,
                period="2022",
                indicator_code="EDOC_PROCESSED_ONLINE_SHARE",
                gov_level="",
                field="value",
                old_value="91,4",
                new_value="91,5",
            )
        )
    kept = before.rows()
    assert len(kept["corrections"]) == 1 and len(kept["observations"]) == 5
    assert migrate.schema_revision(engine) == "0002", "stamped with what it holds, not the baseline"
    with pytest.raises(migrate.SchemaOutOfDate, match="at revision 0002"):
        migrate.check_schema(engine)
    migrate.upgrade(engine)
    assert migrate.schema_revision(engine) == migrate.head_revision()
    migrate.check_schema(engine)
    assert before.rows() == kept


def _revision_ids() -> list[str]:
    return [revision.revision for revision in migrate._revisions()]


@pytest.mark.parametrize("revision", _revision_ids())
def test_a_database_made_at_any_revision_without_alembic_version_is_recognised(
    fresh_engine, revision
) -> None:
    engine = fresh_engine(migrated=False, dialect="sqlite")
    migrate.upgrade(engine, revision=revision)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    assert migrate.schema_revision(engine) == revision
    migrate.upgrade(engine)
    assert migrate.schema_revision(engine) == migrate.head_revision()
    assert set(inspect(engine).get_table_names()) == {*db.metadata.tables, "alembic_version"}


def test_each_migration_adds_exactly_what_it_says(fresh_engine) -> None:
    """SCHEMA_ADDED is what the stamp relies on: it must match what upgrade() makes."""
    engine = fresh_engine(migrated=False, dialect="sqlite")

    def columns() -> dict[str, set[str]]:
        inspector = inspect(engine)
        names = set(inspector.get_table_names()) - {"alembic_version"}
        return {table: {c["name"] for c in inspector.get_columns(table)} for table in names}

    for revision in migrate._revisions():
        earlier = columns()
        migrate.upgrade(engine, revision=revision.revision)
        later = columns()
        made = {table: () for table in later.keys() - earlier.keys()}
        made |= {
            table: tuple(sorted(later[table] - earlier[table]))
            for table in earlier
            if later[table] - earlier[table]
        }
        declared = {table: tuple(sorted(cols)) for table, cols in migrate._added(revision).items()}
        assert made == declared, revision.revision


def test_a_database_holding_only_part_of_a_migration_is_refused_naming_it(fresh_engine) -> None:
    engine = fresh_engine(migrated=False, dialect="sqlite")
    migrate.upgrade(engine, revision="0004")
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(text("DROP TABLE corrections"))
    with pytest.raises(migrate.SchemaOutOfDate, match="part of migration 0003"):
        migrate.upgrade(engine)
