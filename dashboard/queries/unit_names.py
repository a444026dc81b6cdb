"""Unit names as they were in a given year, looked up row by row for pages and streamed downloads.

May import: domain. Pure: it is handed the unit versions, and runs no SQL.
"""

from __future__ import annotations

import pandas as pd

from dashboard.domain import valid_in_year


class UnitNames:
    """Unit names as they were in a given year (Huyện Đức Phổ before 2020, Thị xã Đức Phổ after)."""

    def __init__(self, versions: pd.DataFrame) -> None:
        self._versions: dict[str, list[tuple]] = {}
        for row in versions.itertuples():
            self._versions.setdefault(row.unit_code, []).append(
                (_date(row.valid_from), _date(row.valid_to), row.name_vi, row.name_en)
            )
        self._chosen: dict[tuple[str, int], tuple[str, str]] = {}

    def names(self, code: str, year: int) -> tuple[str, str]:
        """(name_vi, name_en) of a unit in a year; the code itself when the unit has no names."""
        key = (code, year)
        if key not in self._chosen:
            versions = self._versions.get(code)
            if not versions:
                self._chosen[key] = (code, code)
            else:
                valid = [v for v in versions if valid_in_year(v[0], v[1], year)]
                chosen = valid[-1] if valid else versions[-1]
                self._chosen[key] = (chosen[2], chosen[3])
        return self._chosen[key]


def _date(value):
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()
