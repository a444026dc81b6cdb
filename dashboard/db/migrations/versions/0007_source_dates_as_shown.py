"""Sources keep their date as the page shows it ("đầu năm 2020", "tháng 7/2025", "2025-10-21"), and community
datasets (volunteers' GitHub repositories) become a kind of their own instead of passing for official.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None
# What this migration adds (table -> columns added to it): how `db upgrade` tells which migrations a
# database made without alembic_version already has.
SCHEMA_ADDED: dict[str, tuple[str, ...]] = {"sources": ("date_shown",)}

KINDS_BEFORE = ("official", "press", "illustrative", "reference")
KINDS_AFTER = ("official", "press", "community", "illustrative", "reference")


def upgrade() -> None:
    """Add sources.date_shown (text, its precision kept) and allow kind 'community'."""
    op.add_column("sources", sa.Column("date_shown", sa.Text))
    _kinds(KINDS_BEFORE, KINDS_AFTER)


def downgrade() -> None:
    """Drop sources.date_shown; community sources fall back to 'reference'."""
    op.execute("UPDATE sources SET kind = 'reference' WHERE kind = 'community'")
    _kinds(KINDS_AFTER, KINDS_BEFORE)
    op.drop_column("sources", "date_shown")


def _kinds(before: tuple[str, ...], after: tuple[str, ...]) -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("source_kind", "sources", type_="check")
        op.create_check_constraint("source_kind", "sources", f"kind IN {after!r}")
        return
    # SQLite cannot alter a CHECK constraint, and copying the table (batch mode) would cascade-delete the
    # observations that refer to it; SQLite's documented way for a change that leaves the stored rows valid
    # is to rewrite the table's definition (https://www.sqlite.org/lang_altertable.html, section 7).
    bind = op.get_bind()
    version = int(bind.exec_driver_sql("PRAGMA schema_version").scalar_one())
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.execute(
        sa.text(
            "UPDATE sqlite_master SET sql = replace(sql, :before, :after)"
            " WHERE type = 'table' AND name = 'sources'"
        ),
        {"before": f"kind IN {before!r}", "after": f"kind IN {after!r}"},
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")
