"""Reading and checking one cell of a reference row: text, a required value, a known unit, an ISO date, a
date as printed, the source it cites. Shared by the loaders; every problem names the file, row and column."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from dashboard.domain.dates import PublishedDate, published_date
from dashboard.ingest.parsing import Problem, Row, parse_date


def text_cell(row: Row, column: str) -> str:
    """A cell as trimmed text ('' when empty)."""
    value = row.cells.get(column)
    return "" if value is None else str(value).strip()


def required_cell(row: Row, column: str, file: str, problems: list[Problem]) -> str:
    """A cell that must not be empty; a problem when it is."""
    value = text_cell(row, column)
    if not value:
        problems.append(Problem(file, row.number, column, None, "required-value", f"{column} is missing"))
    return value


def unit_cell(row: Row, column: str, units: Collection[str], file: str, problems: list[Problem]) -> str:
    """A cell naming a unit code; a problem when the code is not among `units`."""
    value = text_cell(row, column)
    if value not in units:
        problems.append(Problem(file, row.number, column, value, "unknown-unit", "unknown unit"))
    return value


def date_cell(row: Row, column: str, file: str, problems: list[Problem]) -> date | None:
    """A cell as an ISO date; a problem (and None) when it is not one."""
    try:
        return parse_date(text_cell(row, column))
    except ValueError:
        problems.append(Problem(file, row.number, column, text_cell(row, column), "type", "not an ISO date"))
        return None


def published_date_cell(row: Row, column: str, file: str, problems: list[Problem]) -> PublishedDate | None:
    """A cell holding a date as the source prints it (a day, a month or a year: '2025-07-01', 'tháng
    7/2025', 'đầu năm 2020'); a problem (and None) when it names none."""
    try:
        return published_date(text_cell(row, column))
    except ValueError:
        problems.append(
            Problem(file, row.number, column, text_cell(row, column), "type", "not a day, a month or a year")
        )
        return None


def source_of(row: Row, dataset, file: str, problems: list[Problem]) -> str:
    """The namespaced source id a row cites (its `source` cell, or the dataset's only source)."""
    local = text_cell(row, "source") or (
        dataset.local_source_ids[0] if len(dataset.local_source_ids) == 1 else ""
    )
    if local not in dataset.local_source_ids:
        problems.append(
            Problem(file, row.number, "source", local, "source", "source not declared in metadata")
        )
    return dataset.source_id(local)
