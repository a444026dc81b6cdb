"""Units, their names over time and lineage keep their dates as the source prints them ("đầu năm 2020",
"2016", "2025-07-01"), beside the date columns, which from now on only order rows and decide validity; an
indicator may rank the units of another day than its data year's (indicators.units_as_of: DTI 2024 in the
34 provinces of 1/7/2025), whose names its rows then carry.

Rows stored before this migration keep an empty text, read as the stored day; rebuilding from data/
(`python -m dashboard import`) fills the texts.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None
# What this migration adds (table -> columns added to it): how `db upgrade` tells which migrations a
# database made without alembic_version already has.
SCHEMA_ADDED: dict[str, tuple[str, ...]] = {
    "units": ("valid_from_shown", "valid_to_shown"),
    "unit_versions": ("valid_from_shown", "valid_to_shown"),
    "lineage": ("event_date_shown",),
    "indicators": ("units_as_of",),
}
TYPES = {"units_as_of": sa.Date}


def upgrade() -> None:
    """Add the dates as published (text) beside units', unit versions' and lineage's dates, and
    indicators.units_as_of."""
    for table, columns in SCHEMA_ADDED.items():
        for column in columns:
            op.add_column(table, sa.Column(column, TYPES.get(column, sa.Text)))


def downgrade() -> None:
    """Drop the dates as published (plain DROP COLUMN: a batch copy would rebuild tables others refer to)."""
    for table, columns in SCHEMA_ADDED.items():
        for column in columns:
            op.drop_column(table, column)
