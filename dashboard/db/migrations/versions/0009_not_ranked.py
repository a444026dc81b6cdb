"""Rows listed but not ranked: the words the decision prints instead of a rank, kept with the row.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None
# What this migration adds (table -> columns added to it; () for a new table): how `db upgrade` tells
# which migrations a database made without alembic_version already has.
SCHEMA_ADDED: dict[str, tuple[str, ...]] = {"observations": ("not_ranked",)}


def upgrade() -> None:
    """Add observations.not_ranked ("Không xếp hạng" as printed; empty for a ranked row)."""
    op.add_column("observations", sa.Column("not_ranked", sa.Text))


def downgrade() -> None:
    """Drop observations.not_ranked."""
    op.drop_column("observations", "not_ranked")
