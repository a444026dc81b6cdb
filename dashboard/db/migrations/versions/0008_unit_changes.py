"""Units as published data: the journal of the officer's unit changes (add, rename, merge, end, alias).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None
# What this migration adds (table -> columns added to it; () for a new table): how `db upgrade` tells
# which migrations a database made without alembic_version already has.
SCHEMA_ADDED: dict[str, tuple[str, ...]] = {"unit_changes": ()}


def upgrade() -> None:
    """Add the unit_changes table."""
    op.create_table(
        "unit_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("unit_code", sa.String(40), nullable=False),
        sa.Column("change", sa.Text, nullable=False),
        sa.Column("source_id", sa.String(120), sa.ForeignKey("sources.id")),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("row_number", sa.Integer, nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Drop the unit_changes table."""
    op.drop_table("unit_changes")
