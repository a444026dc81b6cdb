"""Baseline: the schema as it was before migrations (created by `create_all` before migrations existed).

A database made before migrations has these tables and no alembic_version: it is stamped with this
revision and upgraded from here. Frozen: never edit, add a migration instead.

Revision ID: 0001
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

metadata = MetaData()

SOURCE_KINDS = ("official", "press", "illustrative", "reference")
UNIT_KINDS = ("country", "province", "department", "district", "commune")

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
    Column("title", Text, nullable=False),
    Column("url", Text),
    Column("licence", Text, nullable=False),
    Column("checksum", String(64), nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("accessed", Date),
    Column("note", Text),
    CheckConstraint(f"kind IN {SOURCE_KINDS!r}", name="source_kind"),
)

units = Table(
    "units",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("parent_code", String(40)),
    Column("name_vi", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("valid_from", Date),
    Column("valid_to", Date),
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
    Column("valid_from", Date),
    Column("valid_to", Date),
    Column("note", Text),
)

unit_aliases = Table(
    "unit_aliases",
    metadata,
    Column("unit_code", ForeignKey("units.code", ondelete="CASCADE"), primary_key=True),
    Column("alias", Text, primary_key=True),
)

lineage = Table(
    "lineage",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("from_code", ForeignKey("units.code"), nullable=False),
    Column("to_code", ForeignKey("units.code"), nullable=False),
    Column("event", String(24), nullable=False),
    Column("event_date", Date, nullable=False),
    Column("legal_basis", Text, nullable=False),
    Column("indicative", Boolean, nullable=False, default=False),
    Column("note", Text),
    Column("source_id", ForeignKey("sources.id"), nullable=False),
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

# Single-row key/value store; data_version changes with every import so caches and ETags follow it.
app_meta = Table(
    "app_meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)


def upgrade() -> None:
    """Create the baseline tables."""
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    """Drop them."""
    metadata.drop_all(op.get_bind())
