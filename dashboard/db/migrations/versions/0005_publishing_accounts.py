"""Publishing from the browser: publisher accounts and the audit log of what they did.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None
# What this migration adds (table -> columns added to it; () for a new table): how `db upgrade` tells
# which migrations a database made without alembic_version already has.
SCHEMA_ADDED: dict[str, tuple[str, ...]] = {"accounts": (), "audit_log": ()}


def upgrade() -> None:
    """Add the accounts and audit_log tables."""
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("session_epoch", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account", sa.String(254), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("file_sha256", sa.String(64)),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    """Drop the publishing tables."""
    op.drop_table("audit_log")
    op.drop_table("accounts")
