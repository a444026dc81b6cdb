"""A tidy observation file checked against the reference data: year, unit, indicator, value (+ optional
rank, class, qualifier, source, period, level). Pure. May import: catalogue, checks, dataset, parsing.
"""

from __future__ import annotations

from collections.abc import Iterable

from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.checks import FIRST_YEAR, LAST_YEAR, check_tidy_ranks, duplicates, published_class
from dashboard.ingest.dataset import Dataset
from dashboard.ingest.parsing import Problem, Row, parse_number, parse_rank

QUALIFIERS = ("exact", "lower_bound", "upper_bound", "approx", "range")


def _cell(row: Row, name: str) -> str:
    value = row.cells.get(name)
    return "" if value is None else str(value).strip()


def _require_columns(header: list[str], required: Iterable[str], file: str) -> list[Problem]:
    return [
        Problem(file, 1, column, None, "required-column", "required column is missing")
        for column in required
        if column not in header
    ]


def _number(row: Row, column: str, file: str, problems: list[Problem]) -> float | None:
    try:
        return parse_number(row.cells.get(column), vietnamese=False)
    except ValueError:
        problems.append(Problem(file, row.number, column, _cell(row, column), "type", "not a number"))
        return None


def validate_observations(
    dataset: Dataset, header: list[str], rows: list[Row], catalogue: Catalogue, *, accept: bool = False
) -> tuple[list[dict], list[Problem]]:
    """Check a tidy file: year, unit, indicator, value (+ optional rank, class, qualifier, source)."""
    file = dataset.path.name
    problems = _require_columns(header, ("year", "indicator", "value"), file)
    unit_column = "unit_code" if "unit_code" in header else "unit" if "unit" in header else None
    if unit_column is None:
        problems.append(Problem(file, 1, "unit_code", None, "required-column", "need 'unit_code' or 'unit'"))
    if problems:
        return [], problems
    records = []
    default_source = dataset.local_source_ids[0] if len(dataset.local_source_ids) == 1 else None
    allowed_kind = dataset.meta.get("unit_kind")
    for row in rows:
        year = _year(row, file, problems)
        indicator = _cell(row, "indicator")
        if indicator not in catalogue.indicators:
            problems.append(
                Problem(file, row.number, "indicator", indicator, "unknown-indicator", "unknown indicator")
            )
            continue
        unit = catalogue.resolve_unit(
            _cell(row, unit_column),
            year=year,
            kind=allowed_kind,
            file=file,
            row=row.number,
            column=unit_column,
            problems=problems,
        )
        value = _number(row, "value", file, problems)
        value_high = _number(row, "value_high", file, problems) if "value_high" in header else None
        rank = _rank(row, "rank", file, problems)
        rank_of = _rank(row, "rank_of", file, problems)
        qualifier = _qualifier(row, file, problems)
        source = _source(row, dataset, default_source, file, problems)
        class_code = _class_code(row, catalogue, indicator, file, problems)
        if year is None or unit is None:
            continue
        catalogue.check_range(indicator, value, file=file, row=row.number, column="value", problems=problems)
        records.append(
            {
                "row": row.number,
                "unit_code": unit,
                "year": year,
                "period": _cell(row, "period") or str(year),
                "indicator_code": indicator,
                "gov_level": _cell(row, "gov_level"),
                "value": value,
                "value_high": value_high,
                "qualifier": qualifier,
                "value_published": _cell(row, "value_published") or None,
                "rank": rank,
                "rank_of": rank_of,
                "class_label": class_code,
                "note": _cell(row, "note") or None,
                "not_ranked": _cell(row, "not_ranked") or None,
                "source_id": dataset.source_id(source or ""),
            }
        )
    repeated = duplicates(records, file)
    problems += repeated or check_tidy_ranks(records, catalogue, file, accept=accept)
    return records, problems


def _qualifier(row: Row, file: str, problems: list[Problem]) -> str:
    qualifier = _cell(row, "qualifier") or "exact"
    if qualifier not in QUALIFIERS:
        message = f"must be one of {', '.join(QUALIFIERS)}"
        problems.append(Problem(file, row.number, "qualifier", qualifier, "qualifier", message))
    return qualifier


def _source(
    row: Row, dataset: Dataset, default: str | None, file: str, problems: list[Problem]
) -> str | None:
    """The row's source, or the file's only one; it must be one the metadata declares."""
    source = _cell(row, "source") or default
    if source not in dataset.local_source_ids:
        problems.append(
            Problem(file, row.number, "source", source, "source", "source not declared in metadata")
        )
    return source


def _class_code(
    row: Row, catalogue: Catalogue, indicator: str, file: str, problems: list[Problem]
) -> str | None:
    """The published class as its index set's class code (None when the row prints none)."""
    class_text = _cell(row, "class")
    if not class_text:
        return None
    class_code, message = published_class(catalogue.index_set_of(indicator), class_text)
    if class_code is None:
        problems.append(Problem(file, row.number, "class", class_text, "class", message))
    return class_code


def _year(row: Row, file: str, problems: list[Problem]) -> int | None:
    cell = row.cells.get("year")
    if isinstance(cell, float) and cell.is_integer():  # spreadsheets store 2020 as 2020.0
        cell = int(cell)
    text = "" if cell is None else str(cell).strip()
    if not (text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
        problems.append(
            Problem(
                file, row.number, "year", text, "year", f"year must be between {FIRST_YEAR} and {LAST_YEAR}"
            )
        )
        return None
    return int(text)


def _rank(row: Row, column: str, file: str, problems: list[Problem]) -> int | None:
    try:
        return parse_rank(row.cells.get(column))
    except ValueError:
        problems.append(
            Problem(file, row.number, column, _cell(row, column), "type", "not a whole number ≥ 1")
        )
        return None
