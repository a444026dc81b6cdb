"""Database schema and engine. The only module that defines tables.

May import: domain. Must not import: queries, pages, figures, importer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    insert,
    select,
    text,
    update,
)

from dashboard.db import index_sets, publishing_tables
from dashboard.db.engines import dispose_engines as dispose_engines
from dashboard.db.engines import get_engine as get_engine
from dashboard.domain import UnitKind

metadata = MetaData()

SOURCE_KINDS = ("official", "press", "community", "illustrative", "reference")
UNIT_KINDS = tuple(kind.value for kind in UnitKind)  # plain strings: the CHECK constraint is made of them

# One row per imported file: re-importing the same dataset replaces everything it brought.
datasets = Table(
    "datasets",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("title_vi", Text, nullable=False),
    Column("title_en", Text, nullable=False),
    Column("description_vi", Text, nullable=False, default=""),
    Column("description_en", Text, nullable=False, default=""),
    Column("licence", Text, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("checksum", String(64), nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("accessed", Date),
)

sources = Table(
    "sources",
    metadata,
    Column("id", String(120), primary_key=True),
    Column("dataset_id", ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("issuer", Text, nullable=False),
    Column("document_number", Text),
    Column("document_date", Date),
    Column("date_shown", Text),  # as the source shows it, with its precision ("tháng 7/2025", "2016")
    Column("title", Text, nullable=False),
    Column("url", Text),
    Column("licence", Text, nullable=False),
    Column("checksum", String(64), nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("accessed", Date),
    Column("note", Text),
    CheckConstraint(f"kind IN {SOURCE_KINDS!r}", name="source_kind"),
)


def validity_columns() -> tuple[Column, ...]:
    """When a unit (or one of its names) existed: the dates as the source prints them, with their precision
    ("đầu năm 2020", "2016", "2025-07-01"), and the bounds they give (dashboard/domain/dates.py), used only
    to order and to decide validity, never shown. A shown text left empty (a change the officer published
    with its day) means the day itself."""
    return (
        Column("valid_from", Date),
        Column("valid_to", Date),
        Column("valid_from_shown", Text),
        Column("valid_to_shown", Text),
    )


units = Table(
    "units",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("parent_code", String(40)),
    Column("name_vi", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    *validity_columns(),
    Column("source_id", ForeignKey("sources.id"), nullable=False),
    CheckConstraint(f"kind IN {UNIT_KINDS!r}", name="unit_kind"),
)

# A unit keeps its code through a change of type (Đức Phổ: huyện -> thị xã), so names and subtypes are
# versioned separately from the unit itself.
unit_versions = Table(
    "unit_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_code", ForeignKey("units.code", ondelete="CASCADE"), nullable=False),
    Column("name_vi", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("subtype_vi", Text, nullable=False),
    Column("subtype_en", Text, nullable=False),
    *validity_columns(),
    Column("note", Text),
)

unit_aliases = Table(
    "unit_aliases",
    metadata,
    Column("unit_code", ForeignKey("units.code", ondelete="CASCADE"), primary_key=True),
    Column("alias", Text, primary_key=True),
)

# The officer's published unit changes (add, rename, merge, split, end, alias), in the order published.
# Each is applied once when published, and again to the units a reload of the reference units file
# resets, so a rebuild from data/ never loses what the officer published.
unit_changes = Table(
    "unit_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),
    Column("unit_code", String(40), nullable=False),
    Column("change", Text, nullable=False),  # the row as checked, JSON
    Column("source_id", ForeignKey("sources.id")),  # its legal basis (an alias may have none)
    Column("file_name", Text, nullable=False),
    Column("row_number", Integer, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
)

lineage = Table(
    "lineage",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("from_code", ForeignKey("units.code"), nullable=False),
    Column("to_code", ForeignKey("units.code"), nullable=False),
    Column("event", String(24), nullable=False),
    Column("event_date", Date, nullable=False),  # orders the rows; the page shows event_date_shown
    Column("event_date_shown", Text),  # as the source prints it ("2020", "đầu năm 2020", "2025-07-01")
    Column("legal_basis", Text, nullable=False),
    Column("indicative", Boolean, nullable=False, default=False),
    Column("note", Text),
    Column("source_id", ForeignKey("sources.id"), nullable=False),
)

# Former units that are not units of their own here (old communes, 2025): which current unit each became.
predecessors = Table(
    "predecessors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("old_code", String(40), nullable=False),
    Column("old_name_vi", Text, nullable=False),
    Column("old_kind", String(16), nullable=False),
    Column("to_code", ForeignKey("units.code"), nullable=False),
    Column("share", String(8), nullable=False),  # full or partial (part of the old unit)
    Column("event_date", Date, nullable=False),
    Column("indicative", Boolean, nullable=False, default=False),
    Column("source_id", ForeignKey("sources.id"), nullable=False),
    CheckConstraint("share IN ('full', 'partial')", name="predecessor_share"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_date", Date, nullable=False),
    Column("date_published", Text, nullable=False),
    Column("description_vi", Text, nullable=False),
    Column("legal_basis", Text),
    Column("figures", Text),
    Column("source_id", ForeignKey("sources.id"), nullable=False),
)

methodologies = Table(
    "methodologies",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("family", String(40), nullable=False),
    Column("name_vi", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("description_vi", Text, nullable=False),
    Column("description_en", Text, nullable=False),
    Column("first_year", Integer, nullable=False),
    Column("last_year", Integer),
    Column("total_rule", String(24)),
    Column("legal_basis", Text),
    Column("illustrative", Boolean, nullable=False, default=False),
    *index_sets.decision_columns(),  # the decision that issues the set, its class basis
)

indicators = Table(
    "indicators",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("methodology", ForeignKey("methodologies.code"), nullable=False),
    Column("parent_code", String(40)),
    Column("name_vi", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("description_vi", Text, nullable=False, default=""),
    Column("description_en", Text, nullable=False, default=""),
    Column("measure", String(16), nullable=False),
    Column("min_value", Float),
    Column("max_value", Float),
    Column("higher_is_better", Boolean, nullable=False, default=True),
    Column("sort_order", Integer, nullable=False, default=0),
    # Its maximum adds up its components.
    Column("sum_of_children", Boolean, nullable=False, default=False, server_default=false()),
    # The day whose units the indicator ranks, when not the data year's: DTI 2024 in 34 provinces ranks the
    # provinces of 1/7/2025, so its rows name them as they were named that day (Thành phố Huế, not Thừa
    # Thiên Huế). None: the units of 31 December of each row's year.
    Column("units_as_of", Date),
    CheckConstraint("measure IN ('points', 'percent', 'index', 'count', 'rank')", name="indicator_measure"),
)

observations = Table(
    "observations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_code", ForeignKey("units.code"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("period", Text, nullable=False),
    Column("indicator_code", ForeignKey("indicators.code"), nullable=False),
    Column("gov_level", String(24), nullable=False, default=""),
    Column("value", Float),
    Column("value_high", Float),
    Column("qualifier", String(16), nullable=False, default="exact"),
    Column("value_published", Text),
    Column("rank", Integer),
    Column("rank_of", Integer),
    Column("class_label", String(16)),
    Column("note", Text),
    Column("source_id", ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("unit_group", String(40)),  # the method's unit group of the row (its maxima); None: the default
    # As printed where the unit is listed but not ranked ("Không xếp hạng", "Không thực hiện đánh giá"):
    # its score, if printed, is shown, but it is never given a rank nor counted in its group's size.
    Column("not_ranked", Text),
    UniqueConstraint(
        "unit_code", "period", "indicator_code", "gov_level", "source_id", name="observation_key"
    ),
    CheckConstraint(
        "qualifier IN ('exact', 'lower_bound', 'upper_bound', 'approx', 'range')",
        name="observation_qualifier",
    ),
)
Index("observations_by_indicator_year", observations.c.indicator_code, observations.c.year)
Index("observations_by_unit", observations.c.unit_code)

boundary_layers = Table(
    "boundary_layers",
    metadata,
    Column("vintage", String(24), primary_key=True),
    Column("file_name", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("feature_count", Integer, nullable=False),
    Column("source_title", Text, nullable=False),
    Column("source_url", Text),
    Column("licence", Text, nullable=False),
    Column("redistributable", Boolean, nullable=False, default=False),
    Column("attribution", Text, nullable=False, default=""),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)

# What a replace changed, kept for the public record ("Đính chính / Corrections"): no foreign keys, so the
# history outlives the datasets it speaks of.
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("corrected_at", DateTime(timezone=True), nullable=False),
    Column("dataset_id", String(80), nullable=False),
    Column("replaced_dataset_id", String(80), nullable=False),
    Column("document", Text, nullable=False),
    Column("source_url", Text),
    Column("unit_code", String(40), nullable=False),
    Column("year", Integer, nullable=False),
    Column("period", Text, nullable=False),
    Column("indicator_code", String(40), nullable=False),
    Column("gov_level", String(24), nullable=False, default=""),
    Column("field", String(16), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
)
Index("corrections_by_dataset", corrections.c.dataset_id)

# The layers the maps draw, prepared at start-up and after a boundary import (dashboard.geo.maps):
# imported boundaries or a schematic, per vintage and the data years it serves. Pages read only this.
map_layers = Table(
    "map_layers",
    metadata,
    Column("vintage", String(24), primary_key=True),
    Column("role", String(8), nullable=False),  # "units" or "outline"
    Column("first_year", Integer),  # None: open
    Column("last_year", Integer),
    Column("file_name", Text, nullable=False),  # served at /geo/<file_name>
    Column("schematic", Boolean, nullable=False),
    Column("features", Text, nullable=False),  # JSON: codes, label points and names, click anchors
    Column("source_title", Text, nullable=False, default=""),
    Column("licence", Text, nullable=False, default=""),
    Column("attribution", Text, nullable=False, default=""),
)

# Single-row key/value store; data_version changes with every import so caches and ETags follow it.
app_meta = Table(
    "app_meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)


unit_groups, indicator_maxima, method_classes, method_corrections = index_sets.tables(metadata)

accounts, audit_log = publishing_tables.tables(metadata)


def create_schema(engine: Engine) -> None:
    """Create the schema of a new database, or bring an existing one up to date (the migrations)."""
    from dashboard.db.migrate import upgrade

    upgrade(engine)


def drop_schema(engine: Engine) -> None:
    """Drop every table (tests and full rebuilds only)."""
    metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


DATA_VERSION_CHANNEL = "qn_data_version"
# For the listening connection (versions.py), which speaks to the driver directly.
DATA_VERSION_SQL = "SELECT value FROM app_meta WHERE key = 'data_version'"


@contextmanager
def connecting(bind: Engine | Connection) -> Iterator[Connection]:
    """A connection: a new one from an engine (closed after use), or the given one itself (left open)."""
    if isinstance(bind, Connection):
        yield bind
    else:
        with bind.connect() as connection:
            yield connection


def data_version(bind: Engine | Connection) -> str:
    """Return the current data version, '0' for an empty database."""
    with connecting(bind) as connection:
        value = connection.execute(select(app_meta.c.value).where(app_meta.c.key == "data_version")).scalar()
    return value or "0"


def bump_data_version(connection: Connection) -> str:
    """Give the data a new version inside the caller's transaction (caches and ETags follow it); on
    PostgreSQL the workers listening on DATA_VERSION_CHANNEL (versions.py) are signalled at commit."""
    version = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    current = connection.execute(select(app_meta.c.key).where(app_meta.c.key == "data_version")).first()
    statement = update(app_meta).where(app_meta.c.key == "data_version") if current else insert(app_meta)
    connection.execute(statement.values(key="data_version", value=version))
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_notify(:channel, '')"), {"channel": DATA_VERSION_CHANNEL})
    return version
