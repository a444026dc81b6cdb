"""Unit names as they were in a year, or on the day whose units a figure ranks. Pure: frames in, names out.
May import: domain."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd

from dashboard.domain import valid_in_year


def as_date(value: object) -> date | None:
    """A date read from SQLite (text) or PostgreSQL (date); None when missing."""
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


class UnitNames:
    """Unit names as they were in a given year (Huyện Đức Phổ before 2020, Thị xã Đức Phổ after)."""

    def __init__(self, versions: pd.DataFrame) -> None:
        self._versions: dict[str, list[tuple]] = {}
        for row in versions.itertuples():
            self._versions.setdefault(row.unit_code, []).append(
                (as_date(row.valid_from), as_date(row.valid_to), row.name_vi, row.name_en)
            )
        self._chosen: dict[tuple[str, int, date | None], tuple[str, str]] = {}

    def names(self, code: str, year: int, *, as_of: date | None = None) -> tuple[str, str]:
        """(name_vi, name_en) of a unit in a year (on 31 December), or on the day `as_of` when the figure
        ranks the units of that day (indicators.units_as_of); the code itself when the unit has no names."""
        key = (code, year, as_of)
        if key not in self._chosen:
            versions = self._versions.get(code)
            if not versions:
                self._chosen[key] = (code, code)
            else:
                valid = [v for v in versions if _valid_on(v[0], v[1], year, as_of)]
                chosen = valid[-1] if valid else versions[-1]
                self._chosen[key] = (chosen[2], chosen[3])
        return self._chosen[key]

    def names_of_rows(
        self, codes: Iterable[str], years: Iterable[int], indicators: Iterable[str], as_of: Mapping[str, date]
    ) -> list[tuple[str, str]]:
        """Names of observation rows: each unit as named in the row's year, or on its indicator's day."""
        return [
            self.names(c, int(y), as_of=as_of.get(i))
            for c, y, i in zip(codes, years, indicators, strict=True)
        ]


def _valid_on(valid_from: date | None, valid_to: date | None, year: int, as_of: date | None) -> bool:
    if as_of is None:
        return valid_in_year(valid_from, valid_to, year)
    return (valid_from is None or valid_from <= as_of) and (valid_to is None or valid_to >= as_of)
