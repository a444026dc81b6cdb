"""Boundary vintages: which units a layer must hold and which data years it draws.

May import: db. Must not import: queries, pages, figures.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, Engine, and_, or_, select

from dashboard import db
from dashboard.domain import PROVINCE_CODE

# Reference date per vintage: the units valid on that day are the ones the layer must contain.
VINTAGES: dict[str, date] = {
    "districts-2019": date(2019, 12, 31),
    "districts-2020": date(2020, 12, 31),
    "communes-2025": date(2025, 12, 31),
    "province-2019": date(2019, 12, 31),
    "province-2025": date(2025, 12, 31),
}
# The data years each vintage draws (None: open-ended); units' layers and outlines each cover every year.
YEARS: dict[str, tuple[int | None, int | None]] = {
    "districts-2019": (None, 2019),
    "districts-2020": (2020, 2024),
    "communes-2025": (2025, None),
    "province-2019": (None, 2024),
    "province-2025": (2025, None),
}


def is_outline(vintage: str) -> bool:
    """True for a province outline (drawn over the units' layer), False for a layer of units."""
    return vintage.startswith("province-")


def vintage_for_year(year: int, *, outline: bool = False) -> str:
    """The vintage (of units, or of the outline) whose units were valid on 31 December of the data year."""
    for vintage, (first, last) in YEARS.items():
        if (
            is_outline(vintage) == outline
            and (first is None or first <= year)
            and (last is None or year <= last)
        ):
            return vintage
    raise ValueError(f"no vintage covers {year}")  # unreachable: the spans cover every year


def expected_codes(bind: Engine | Connection, vintage: str) -> set[str]:
    """Return the unit codes a layer of this vintage must contain, from the units table."""
    if is_outline(vintage):
        return {PROVINCE_CODE}
    reference = VINTAGES[vintage]
    units = db.units
    valid = and_(
        or_(units.c.valid_from.is_(None), units.c.valid_from <= reference),
        or_(units.c.valid_to.is_(None), units.c.valid_to >= reference),
    )
    if vintage.startswith("districts-"):
        where = and_(units.c.kind == "district", units.c.parent_code == PROVINCE_CODE, valid)
    else:
        where = and_(units.c.kind == "commune", valid)
    with db.connecting(bind) as connection:
        return {str(code) for code in connection.execute(select(units.c.code).where(where)).scalars()}
