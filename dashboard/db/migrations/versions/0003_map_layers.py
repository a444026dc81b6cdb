"""Map layers: what the maps draw, prepared at start-up and after a boundary import.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None
# What this migration adds (table -> columns added to it; () for a new table): how `db upgrade` tells
# which migrations a database made without alembic_version already has.
SCHEMA_ADDED: dict[str, tuple[str, ...]] = {"map_layers": ()}


def upgrade() -> None:
    """Add the map_layers table."""
    op.create_table(
        "map_layers",
        sa.Column("vintage", sa.String(24), primary_key=True),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("first_year", sa.Integer),
        sa.Column("last_year", sa.Integer),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("schematic", sa.Boolean, nullable=False),
        sa.Column("features", sa.Text, nullable=False),
        sa.Column("source_title", sa.Text, nullable=False),
        sa.Column("licence", sa.Text, nullable=False),
        sa.Column("attribution", sa.Text, nullable=False),
    )


def downgrade() -> None:
    """Drop the map_layers table."""
    op.drop_table("map_layers")
