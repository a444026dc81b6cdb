"""Dates as a source prints them, with their precision: a day ("2025-07-01"), a month ("tháng 7/2025",
"2025-07"), a year ("2016"), or a part of a year ("đầu năm 2020", "2020 (đầu năm)"). Pure; imports nothing
of ours.

A date known only to a month or a year is never completed to a day for people to read: the text is what
pages and downloads show. Validity and order still need days, so each published date also gives the
bounds of its period, used only to order and to decide whether a unit existed on 31 December of a data
year (domain.valid_in_year): a unit that began during 2020 existed on 31/12/2020, one that ended during
2020 did not, whatever the day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTHS = (re.compile(r"(\d{4})-(\d{2})"), re.compile(r"(?:tháng )?(\d{1,2})/(\d{4})"))
# A year with words around it that narrow it without giving a month: "đầu năm 2020", "2020 (đầu năm)".
_YEAR = re.compile(r"(?:(?:đầu|giữa|cuối) năm |năm )?(\d{4})(?: \((?:đầu|giữa|cuối) năm\))?")


@dataclass(frozen=True)
class PublishedDate:
    """A date as printed (`shown`) and the first and last days of the period it names."""

    shown: str
    first: date
    last: date

    @property
    def day(self) -> date | None:
        """The day, when the source prints one (never a day filled in)."""
        return self.first if self.first == self.last else None

    @property
    def valid_from(self) -> date:
        """A start known to this period, as a validity bound: its first day."""
        return self.first

    @property
    def valid_to(self) -> date:
        """An end known to this period, as a validity bound: its day, or (known only to a month or year) the
        day before the period, so the period's own year-end never counts the unit as still there."""
        return self.first if self.day else self.first - timedelta(days=1)


def published_date(text: object) -> PublishedDate | None:
    """Read a date as printed; None when empty; ValueError when it names no day, month or year."""
    shown = "" if text is None else str(text).strip()
    if not shown:
        return None
    if match := _DAY.fullmatch(shown):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return PublishedDate(shown, day, day)
    for pattern in _MONTHS:
        if match := pattern.fullmatch(shown):
            first, second = int(match[1]), int(match[2])
            year, month = (first, second) if len(match[1]) == 4 else (second, first)
            if 1 <= month <= 12:
                last = calendar.monthrange(year, month)[1]
                return PublishedDate(shown, date(year, month, 1), date(year, month, last))
    if match := _YEAR.fullmatch(shown):
        year = int(match[1])
        return PublishedDate(shown, date(year, 1, 1), date(year, 12, 31))
    raise ValueError(f"not a date as published (a day, a month or a year): {shown!r}")


def printed_day(text: object) -> date | None:
    """The day a published date names, or None when it names only a month or a year (or nothing)."""
    try:
        parsed = published_date(text)
    except ValueError:
        return None
    return parsed.day if parsed else None
