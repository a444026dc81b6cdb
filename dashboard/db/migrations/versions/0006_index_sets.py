"""Index sets as published data: the decision that issues a method, per-group maxima, unit groups, the
class scheme, method corrections, and the unit group a published row belongs to.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None
# What this migration adds (table -> columns added to it; () for a new table): how `db upgrade` tells
# which migrations a database made without alembic_version already has.
SCHEMA_ADDED: dict[str, tuple[str, ...]] = {
    "methodologies": (
        "decision_issuer",
        "decision_number",
        "decision_date",
        "decision_url",
        "class_basis",
        "published_at",
    ),
    "indicators": ("sum_of_children",),
    "observations": ("unit_group",),
    "unit_groups": (),
    "indicator_maxima": (),
    "method_classes": (),
    "method_corrections": (),
}


def upgrade() -> None:
    """Add the decision and class-basis columns, the maxima, groups, classes and corrections tables."""
    # Plain ADD COLUMN (no batch copy): SQLite would otherwise rebuild tables that others reference.
    op.add_column("methodologies", sa.Column("decision_issuer", sa.Text))
    op.add_column("methodologies", sa.Column("decision_number", sa.Text))
    op.add_column("methodologies", sa.Column("decision_date", sa.String(10)))
    op.add_column("methodologies", sa.Column("decision_url", sa.Text))
    op.add_column("methodologies", sa.Column("class_basis", sa.String(16)))
    op.add_column("methodologies", sa.Column("published_at", sa.DateTime(timezone=True)))
    op.add_column(
        "indicators", sa.Column("sum_of_children", sa.Boolean, nullable=False, server_default=sa.false())
    )
    op.add_column("observations", sa.Column("unit_group", sa.String(40)))
    op.create_table(
        "unit_groups",
        sa.Column("methodology", sa.String(40), sa.ForeignKey("methodologies.code"), primary_key=True),
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("name_vi", sa.Text, nullable=False),
        sa.Column("name_en", sa.Text, nullable=False),
        sa.Column("unit_kind", sa.String(16)),
        sa.Column("sort_order", sa.Integer, nullable=False),
    )
    op.create_table(
        "indicator_maxima",
        sa.Column(
            "indicator_code",
            sa.String(40),
            sa.ForeignKey("indicators.code", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("unit_group", sa.String(40), primary_key=True),
        sa.Column("max_value", sa.Float, nullable=False),
    )
    op.create_table(
        "method_classes",
        sa.Column("methodology", sa.String(40), sa.ForeignKey("methodologies.code"), primary_key=True),
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("label_vi", sa.Text, nullable=False),
        sa.Column("label_en", sa.Text, nullable=False),
        sa.Column("lower_bound", sa.Float, nullable=False),
        sa.Column("sort_order", sa.Integer, nullable=False),
    )
    op.create_table(
        "method_corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("methodology", sa.String(40), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("document_date", sa.String(10)),
        sa.Column("source_url", sa.Text),
        sa.Column("item", sa.String(80), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
    )
    op.create_index("method_corrections_by_method", "method_corrections", ["methodology"])


def downgrade() -> None:
    """Drop what upgrade added."""
    op.drop_index("method_corrections_by_method", "method_corrections")
    op.drop_table("method_corrections")
    op.drop_table("method_classes")
    op.drop_table("indicator_maxima")
    op.drop_table("unit_groups")
    op.drop_column("observations", "unit_group")
    op.drop_column("indicators", "sum_of_children")
    for column in ("published_at", "class_basis", "decision_url", "decision_date", "decision_number"):
        op.drop_column("methodologies", column)
    op.drop_column("methodologies", "decision_issuer")
