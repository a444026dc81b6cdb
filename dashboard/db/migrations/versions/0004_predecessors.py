"""Predecessors: which old communes and districts each 2025 unit was formed from (indicative lineage).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None
# What this migration adds (table -> columns added to it; () for a new table): how `db upgrade` tells
# which migrations a database made without alembic_version already has.
SCHEMA_ADDED: dict[str, tuple[str, ...]] = {"predecessors": ()}


def upgrade() -> None:
    """Add the predecessors table."""
    op.create_table(
        "predecessors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("old_code", sa.String(40), nullable=False),
        sa.Column("old_name_vi", sa.Text, nullable=False),
        sa.Column("old_kind", sa.String(16), nullable=False),
        sa.Column("to_code", sa.String(40), sa.ForeignKey("units.code"), nullable=False),
        sa.Column("share", sa.String(8), nullable=False),
        sa.Column("event_date", sa.Date, nullable=False),
        sa.Column("indicative", sa.Boolean, nullable=False),
        sa.Column("source_id", sa.String(120), sa.ForeignKey("sources.id"), nullable=False),
        sa.CheckConstraint("share IN ('full', 'partial')", name="predecessor_share"),
    )


def downgrade() -> None:
    """Drop the predecessors table."""
    op.drop_table("predecessors")
