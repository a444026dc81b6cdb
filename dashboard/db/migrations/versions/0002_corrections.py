"""Corrections: what each replace changed (date, document, unit, indicator, old -> new), kept in public.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None
# What this migration adds (table -> columns added to it; () for a new table): how `db upgrade` tells
# which migrations a database made without alembic_version already has.
SCHEMA_ADDED: dict[str, tuple[str, ...]] = {"corrections": ()}


def upgrade() -> None:
    """Add the corrections table."""
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dataset_id", sa.String(80), nullable=False),
        sa.Column("replaced_dataset_id", sa.String(80), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("source_url", sa.Text),
        sa.Column("unit_code", sa.String(40), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("period", sa.Text, nullable=False),
        sa.Column("indicator_code", sa.String(40), nullable=False),
        sa.Column("gov_level", sa.String(24), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
    )
    op.create_index("corrections_by_dataset", "corrections", ["dataset_id"])


def downgrade() -> None:
    """Drop the corrections table."""
    op.drop_index("corrections_by_dataset", table_name="corrections")
    op.drop_table("corrections")
