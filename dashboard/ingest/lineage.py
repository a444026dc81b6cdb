"""Loaders of the lineage tables: which units followed which (lineage), and which old communes and
districts each 2025 unit was formed from (predecessors). Run inside the importer's transaction."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select

from dashboard import db
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.cells import date_cell, source_of, text_cell
from dashboard.ingest.parsing import Problem, Row


def load_lineage(connection: Connection, dataset, rows: list[Row], catalogue: Catalogue, problems) -> int:
    file = dataset.path.name
    records = []
    for row in rows:
        for column in ("from_code", "to_code"):
            if text_cell(row, column) not in catalogue.units:
                problems.append(
                    Problem(file, row.number, column, text_cell(row, column), "unknown-unit", "unknown unit")
                )
        event_date = date_cell(row, "event_date", file, problems)
        if not text_cell(row, "event_date"):
            problems.append(
                Problem(file, row.number, "event_date", None, "required-value", "date is missing")
            )
        records.append(
            {
                "from_code": text_cell(row, "from_code"),
                "to_code": text_cell(row, "to_code"),
                "event": text_cell(row, "event"),
                "event_date": event_date,
                "legal_basis": text_cell(row, "legal_basis"),
                "indicative": text_cell(row, "indicative") == "1",
                "note": text_cell(row, "note") or None,
                "source_id": source_of(row, dataset, file, problems),
            }
        )
    if any(p.severity == "error" for p in problems):
        return 0
    mine = select(db.sources.c.id).where(db.sources.c.dataset_id == dataset.id)
    connection.execute(delete(db.lineage).where(db.lineage.c.source_id.in_(mine)))
    if records:
        connection.execute(insert(db.lineage), records)
    return len(records)


def load_predecessors(
    connection: Connection, dataset, rows: list[Row], catalogue: Catalogue, problems
) -> int:
    """Former units (old communes) and the current unit each became; replaces this dataset's rows."""
    file = dataset.path.name
    records = []
    for row in rows:
        if text_cell(row, "to_code") not in catalogue.units:
            problems.append(
                Problem(
                    file, row.number, "to_code", text_cell(row, "to_code"), "unknown-unit", "unknown unit"
                )
            )
        if text_cell(row, "share") not in ("full", "partial"):
            problems.append(
                Problem(
                    file, row.number, "share", text_cell(row, "share"), "share", "must be full or partial"
                )
            )
        for column in ("old_code", "old_name_vi", "event_date"):
            if not text_cell(row, column):
                problems.append(
                    Problem(file, row.number, column, None, "required-value", f"{column} is missing")
                )
        records.append(
            {
                "old_code": text_cell(row, "old_code"),
                "old_name_vi": text_cell(row, "old_name_vi"),
                "old_kind": text_cell(row, "old_kind"),
                "to_code": text_cell(row, "to_code"),
                "share": text_cell(row, "share"),
                "event_date": date_cell(row, "event_date", file, problems),
                "indicative": text_cell(row, "indicative") == "1",
                "source_id": source_of(row, dataset, file, problems),
            }
        )
    if any(p.severity == "error" for p in problems):
        return 0
    mine = select(db.sources.c.id).where(db.sources.c.dataset_id == dataset.id)
    connection.execute(delete(db.predecessors).where(db.predecessors.c.source_id.in_(mine)))
    if records:
        connection.execute(insert(db.predecessors), records)
    return len(records)
