"""Sources keep their date as the page shows it ("đầu năm 2020", "tháng 7/2025", "2025-10-21"), and community
datasets (volunteers' GitHub repositories) become a kind of their own instead of passing for official.

Revision ID: 0009
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0005"
branch_labels = None
depends_on = None

KINDS_BEFORE = ("official", "press", "illustrative", "reference")
KINDS_AFTER = ("official", "press", "community", "illustrative", "reference")


def upgrade() -> None:
    """Add sources.date_shown (text, its precision kept) and allow kind 'community'."""
    op.add_column("sources", sa.Column("date_shown", sa.Text))
    op.drop_constraint("source_kind", "sources", type_="check")
    op.create_check_constraint("source_kind", "sources", f"kind IN {KINDS_AFTER!r}")


def downgrade() -> None:
    """Drop sources.date_shown; community sources fall back to 'reference'."""
    op.execute("UPDATE sources SET kind = 'reference' WHERE kind = 'community'")
    op.drop_constraint("source_kind", "sources", type_="check")
    op.create_check_constraint("source_kind", "sources", f"kind IN {KINDS_BEFORE!r}")
    op.drop_column("sources", "date_shown")
