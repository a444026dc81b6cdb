"""The public record of corrections: what each replace changed, with the unit and indicator names.

May import: db, queries. Memoized by data version like every query; returns fresh frames.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from dashboard import db
from dashboard.queries import _read, _versioned

COLUMNS = [
    "corrected_at",
    "document",
    "source_url",
    "dataset_id",
    "replaced_dataset_id",
    "unit_code",
    "unit_name_vi",
    "unit_name_en",
    "year",
    "period",
    "indicator_code",
    "indicator_name_vi",
    "indicator_name_en",
    "field",
    "old_value",
    "new_value",
]


@_versioned
def corrections(_version: str) -> pd.DataFrame:
    """Every correction, newest first, in COLUMNS order."""
    c, u, i = db.corrections, db.units, db.indicators
    statement = (
        select(
            c,
            u.c.name_vi.label("unit_name_vi"),
            u.c.name_en.label("unit_name_en"),
            i.c.name_vi.label("indicator_name_vi"),
            i.c.name_en.label("indicator_name_en"),
        )
        .outerjoin(u, u.c.code == c.c.unit_code)
        .outerjoin(i, i.c.code == c.c.indicator_code)
        .order_by(c.c.corrected_at.desc(), c.c.id)
    )
    return _read(statement)[COLUMNS]


def corrections_of(*, year: int | None = None, unit_code: str | None = None) -> pd.DataFrame:
    """The corrections touching a year's figures or one unit's (both when both are given)."""
    frame = corrections()
    if year is not None:
        frame = frame[frame["year"] == year]
    if unit_code is not None:
        frame = frame[frame["unit_code"] == unit_code]
    return frame
