"""Loaders for reference tables: units, lineage, predecessors, events, methodologies, indicators.

Each validates its rows (problems name file, row, column) and upserts inside the caller's transaction.
May import: db, parsing, catalogue, unit_store (the officer's published unit changes, applied again to the
units a reload resets). Called only by importer.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from sqlalchemy import Connection, delete, insert, select, update

from dashboard import db
from dashboard.ingest import storage, unit_store
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.cells import date_cell, published_date_cell, required_cell, source_of, text_cell
from dashboard.ingest.class_schemes import load_class_schemes
from dashboard.ingest.lineage import load_lineage, load_predecessors
from dashboard.ingest.parsing import Problem, Row, parse_number

Loader = Callable[[Connection, object, list[Row], Catalogue, list[Problem]], int]


REQUIRED = {
    "units": ("code", "kind", "name_vi", "name_en", "subtype_vi", "subtype_en", "valid_from", "valid_to"),
    "lineage": ("from_code", "to_code", "event", "event_date", "legal_basis"),
    "predecessors": ("old_code", "old_name_vi", "old_kind", "to_code", "share", "event_date"),
    "events": ("date", "event"),
    "methodologies": ("code", "family", "name_vi", "name_en", "first_year"),
    "indicators": ("code", "methodology", "name_vi", "name_en", "measure", "min_value", "max_value"),
    "class_schemes": ("methodology", "basis", "code", "label_vi", "label_en", "lower_bound"),
}


def load(connection: Connection, dataset, header: list[str], rows: list[Row], catalogue: Catalogue):
    """Validate and store one reference file; returns (row count, problems). Stores nothing on errors."""
    file = dataset.path.name
    problems = [
        Problem(file, 1, column, None, "required-column", "required column is missing")
        for column in REQUIRED[dataset.type]
        if column not in header
    ]
    if problems:
        return 0, problems
    loader = LOADERS[dataset.type]
    storage.store_sources(connection, dataset)
    count = loader(connection, dataset, rows, catalogue, problems)
    return count, problems


def _load_units(connection: Connection, dataset, rows: list[Row], catalogue: Catalogue, problems) -> int:
    file = dataset.path.name
    versions = _unit_versions(dataset, rows, problems)
    _check_unit_versions(versions, known=set(versions) | set(catalogue.units), file=file, problems=problems)
    if any(p.severity == "error" for p in problems):
        return 0
    existing = set(catalogue.units)
    for code, items in versions.items():
        _store_unit(connection, code, items, exists=code in existing)
    unit_store.replay(connection, versions)  # what the officer published about these units stays
    return sum(len(items) for items in versions.values())


def _unit_versions(dataset, rows: list[Row], problems: list[Problem]) -> dict[str, list[dict]]:
    """Each unit code's rows as versions (the period each name held), with each row's own problems."""
    file = dataset.path.name
    versions: dict[str, list[dict]] = {}
    for row in rows:
        code, kind = required_cell(row, "code", file, problems), text_cell(row, "kind")
        if not code:
            continue
        if kind not in db.UNIT_KINDS:
            problems.append(
                Problem(
                    file,
                    row.number,
                    "kind",
                    kind,
                    "unit-kind",
                    f"kind must be one of {', '.join(db.UNIT_KINDS)}",
                )
            )
        # As printed ("đầu năm 2020", "2016"); the bounds of the period decide validity (domain/dates.py).
        starts = published_date_cell(row, "valid_from", file, problems)
        ends = published_date_cell(row, "valid_to", file, problems)
        valid_from = starts.valid_from if starts else None
        valid_to = ends.valid_to if ends else None
        if starts and ends and starts.first > ends.last:
            problems.append(
                Problem(file, row.number, "valid_to", str(valid_to), "validity", "ends before it begins")
            )
        versions.setdefault(code, []).append(
            {
                "row": row.number,
                "kind": kind,
                "parent_code": text_cell(row, "parent_code") or None,
                "name_vi": text_cell(row, "name_vi"),
                "name_en": text_cell(row, "name_en"),
                "subtype_vi": text_cell(row, "subtype_vi"),
                "subtype_en": text_cell(row, "subtype_en"),
                "valid_from": valid_from,
                "valid_to": valid_to,
                "valid_from_shown": starts.shown if starts else None,
                "valid_to_shown": ends.shown if ends else None,
                "source_id": source_of(row, dataset, file, problems),
                "note": text_cell(row, "note") or None,
                "aliases": [a.strip() for a in text_cell(row, "aliases").split(";") if a.strip()],
            }
        )
    return versions


def _check_unit_versions(
    versions: dict[str, list[dict]], *, known: set[str], file: str, problems: list[Problem]
) -> None:
    """Sort each unit's versions by start; two that overlap, or a parent no one knows, are problems."""
    for code, items in versions.items():
        items.sort(key=lambda v: v["valid_from"] or date.min)
        for earlier, later in itertools.pairwise(items):
            if earlier["valid_to"] is None or (
                later["valid_from"] and later["valid_from"] <= earlier["valid_to"]
            ):
                problems.append(
                    Problem(
                        file,
                        later["row"],
                        "valid_from",
                        code,
                        "validity",
                        f"overlaps the version in row {earlier['row']}",
                    )
                )
        for item in items:
            if item["parent_code"] and item["parent_code"] not in known:
                problems.append(
                    Problem(
                        file,
                        item["row"],
                        "parent_code",
                        item["parent_code"],
                        "unknown-unit",
                        "parent unit is not known",
                    )
                )


def _store_unit(connection: Connection, code: str, items: list[dict], *, exists: bool) -> None:
    """One unit as its versions say (the latest names it; the first and last bound it), replacing what
    was stored for it with its versions and aliases."""
    latest = items[-1]
    open_ended = any(i["valid_to"] is None for i in items)
    unit = {
        "code": code,
        "kind": latest["kind"],
        "parent_code": latest["parent_code"],
        "name_vi": latest["name_vi"],
        "name_en": latest["name_en"],
        "valid_from": items[0]["valid_from"],
        "valid_to": None if open_ended else items[-1]["valid_to"],
        "valid_from_shown": items[0]["valid_from_shown"],
        "valid_to_shown": None if open_ended else items[-1]["valid_to_shown"],
        "source_id": latest["source_id"],
    }
    if exists:
        connection.execute(update(db.units).where(db.units.c.code == code).values(**unit))
    else:
        connection.execute(insert(db.units).values(**unit))
    connection.execute(delete(db.unit_versions).where(db.unit_versions.c.unit_code == code))
    connection.execute(delete(db.unit_aliases).where(db.unit_aliases.c.unit_code == code))
    version_columns = (
        "name_vi", "name_en", "subtype_vi", "subtype_en", "valid_from", "valid_to", "valid_from_shown",
        "valid_to_shown", "note",
    )  # fmt: skip
    connection.execute(
        insert(db.unit_versions), [{"unit_code": code, **{k: i[k] for k in version_columns}} for i in items]
    )
    aliases = sorted({a for i in items for a in i["aliases"]})
    if aliases:
        connection.execute(insert(db.unit_aliases), [{"unit_code": code, "alias": a} for a in aliases])


def _load_events(connection: Connection, dataset, rows: list[Row], catalogue: Catalogue, problems) -> int:
    file = dataset.path.name
    records = []
    for row in rows:
        published = text_cell(row, "date")
        year = published[:4]
        if not year.isdigit():
            problems.append(Problem(file, row.number, "date", published, "type", "must start with a year"))
            continue
        try:
            event_date = date.fromisoformat(published[:10])
        except ValueError:
            event_date = date(int(year), 1, 1)  # only the year is published; the text keeps what was printed
        records.append(
            {
                "event_date": event_date,
                "date_published": published,
                "description_vi": text_cell(row, "event"),
                "legal_basis": text_cell(row, "legal_basis") or None,
                "figures": text_cell(row, "figures") or None,
                "source_id": source_of(row, dataset, file, problems),
            }
        )
    return storage.replace_reference_rows(connection, db.events, dataset, records, problems)


def _check_keys(records: list[dict], key: str, file: str, problems: list[Problem]) -> None:
    """Every reference row needs a key, and a key may appear only once in a file."""
    seen: dict[str, int] = {}
    for record in records:
        value = record[key]
        if not value:
            problems.append(Problem(file, record["row"], key, None, "required-value", f"{key} is missing"))
        elif value in seen:
            problems.append(
                Problem(file, record["row"], key, value, "duplicate", f"same {key} as row {seen[value]}")
            )
        else:
            seen[value] = record["row"]
    for record in records:
        del record["row"]


def _upsert(connection: Connection, table, key: str, records: list[dict]) -> None:
    existing = set(connection.execute(select(table.c[key])).scalars())
    for record in records:
        if record[key] in existing:
            connection.execute(update(table).where(table.c[key] == record[key]).values(**record))
        else:
            connection.execute(insert(table).values(**record))


# Optional: the decision issuing a shipped set, where it is known (as printed: a date "2012" stays a year).
DECISION_COLUMNS = ("decision_issuer", "decision_number", "decision_date", "decision_url")


def _load_methodologies(
    connection: Connection, dataset, rows: list[Row], catalogue: Catalogue, problems
) -> int:
    file = dataset.path.name
    records = []
    for row in rows:
        first, last = text_cell(row, "first_year"), text_cell(row, "last_year")
        if not first.isdigit() or (last and not last.isdigit()):
            problems.append(
                Problem(file, row.number, "first_year", first, "type", "years must be whole numbers")
            )
            continue
        records.append(
            {
                "row": row.number,
                "code": text_cell(row, "code"),
                "family": text_cell(row, "family"),
                "name_vi": text_cell(row, "name_vi"),
                "name_en": text_cell(row, "name_en"),
                "description_vi": text_cell(row, "description_vi"),
                "description_en": text_cell(row, "description_en"),
                "first_year": int(first),
                "last_year": int(last) if last else None,
                "total_rule": text_cell(row, "total_rule") or None,
                "legal_basis": text_cell(row, "legal_basis") or None,
                "illustrative": text_cell(row, "illustrative") == "1",
                **{column: text_cell(row, column) or None for column in DECISION_COLUMNS},
            }
        )
    _check_keys(records, "code", file, problems)
    if any(p.severity == "error" for p in problems):
        return 0
    _upsert(connection, db.methodologies, "code", records)
    return len(records)


MEASURES = ("points", "percent", "index", "count", "rank")


def _load_indicators(connection: Connection, dataset, rows: list[Row], catalogue: Catalogue, problems) -> int:
    file = dataset.path.name
    records = []
    codes = {text_cell(row, "code") for row in rows}
    for row in rows:
        if text_cell(row, "methodology") not in catalogue.methodologies:
            problems.append(
                Problem(
                    file,
                    row.number,
                    "methodology",
                    text_cell(row, "methodology"),
                    "unknown-methodology",
                    "methodology is not in the catalogue",
                )
            )
        if text_cell(row, "measure") not in MEASURES:
            problems.append(
                Problem(
                    file,
                    row.number,
                    "measure",
                    text_cell(row, "measure"),
                    "measure",
                    f"must be one of {', '.join(MEASURES)}",
                )
            )
        parent = text_cell(row, "parent_code")
        if parent and parent not in codes | set(catalogue.indicators):
            problems.append(
                Problem(file, row.number, "parent_code", parent, "unknown-indicator", "unknown parent")
            )
        bounds = []
        for column in ("min_value", "max_value"):
            try:
                bounds.append(parse_number(row.cells.get(column), vietnamese=False))
            except ValueError:
                problems.append(
                    Problem(file, row.number, column, text_cell(row, column), "type", "not a number")
                )
        order = text_cell(row, "sort_order") or "0"
        if not order.lstrip("-").isdigit():
            problems.append(Problem(file, row.number, "sort_order", order, "type", "not a whole number"))
        if len(bounds) < 2 or not order.lstrip("-").isdigit():
            continue
        low, high = bounds
        if low is not None and high is not None and low > high:
            problems.append(Problem(file, row.number, "max_value", f"{high:g}", "range", "below min_value"))
        records.append(
            {
                "row": row.number,
                "code": text_cell(row, "code"),
                "methodology": text_cell(row, "methodology"),
                "parent_code": parent or None,
                "name_vi": text_cell(row, "name_vi"),
                "name_en": text_cell(row, "name_en"),
                "description_vi": text_cell(row, "description_vi"),
                "description_en": text_cell(row, "description_en"),
                "measure": text_cell(row, "measure"),
                "min_value": low,
                "max_value": high,
                "higher_is_better": text_cell(row, "higher_is_better") != "0",
                "sort_order": int(order),
                "units_as_of": date_cell(row, "units_as_of", file, problems),
            }
        )
    _check_keys(records, "code", file, problems)
    if any(p.severity == "error" for p in problems):
        return 0
    _upsert(connection, db.indicators, "code", records)
    return len(records)


LOADERS: dict[str, Loader] = {
    "units": _load_units,
    "lineage": load_lineage,
    "predecessors": load_predecessors,
    "events": _load_events,
    "methodologies": _load_methodologies,
    "indicators": _load_indicators,
    "class_schemes": load_class_schemes,
}
