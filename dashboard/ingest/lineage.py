"""Loaders of the lineage tables: which units followed which (lineage), and which old communes and
districts each 2025 unit was formed from (predecessors). Run inside the importer's transaction."""

from __future__ import annotations

from sqlalchemy import Connection

from dashboard import db
from dashboard.ingest import storage
from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.cells import (
    date_cell,
    published_date_cell,
    required_cell,
    source_of,
    text_cell,
    unit_cell,
)
from dashboard.ingest.parsing import Problem, Row


def load_lineage(connection: Connection, dataset, rows: list[Row], catalogue: Catalogue, problems) -> int:
    """Which unit followed which, and when; replaces this dataset's rows."""
    file = dataset.path.name
    records = []
    for row in rows:
        from_code = unit_cell(row, "from_code", catalogue.units, file, problems)
        to_code = unit_cell(row, "to_code", catalogue.units, file, problems)
        # As printed ("2020", "đầu năm 2020"): the first day of its period only orders the rows.
        event_date = published_date_cell(row, "event_date", file, problems)
        required_cell(row, "event_date", file, problems)
        records.append(
            {
                "from_code": from_code,
                "to_code": to_code,
                "event": text_cell(row, "event"),
                "event_date": event_date.first if event_date else None,
                "event_date_shown": event_date.shown if event_date else None,
                "legal_basis": text_cell(row, "legal_basis"),
                "indicative": text_cell(row, "indicative") == "1",
                "note": text_cell(row, "note") or None,
                "source_id": source_of(row, dataset, file, problems),
            }
        )
    return storage.replace_reference_rows(connection, db.lineage, dataset, records, problems)


def load_predecessors(
    connection: Connection, dataset, rows: list[Row], catalogue: Catalogue, problems
) -> int:
    """Former units (old communes) and the current unit each became; replaces this dataset's rows."""
    file = dataset.path.name
    records = []
    for row in rows:
        to_code = unit_cell(row, "to_code", catalogue.units, file, problems)
        if text_cell(row, "share") not in ("full", "partial"):
            problems.append(
                Problem(
                    file, row.number, "share", text_cell(row, "share"), "share", "must be full or partial"
                )
            )
        old_code, old_name = (required_cell(row, c, file, problems) for c in ("old_code", "old_name_vi"))
        required_cell(row, "event_date", file, problems)
        records.append(
            {
                "old_code": old_code,
                "old_name_vi": old_name,
                "old_kind": text_cell(row, "old_kind"),
                "to_code": to_code,
                "share": text_cell(row, "share"),
                "event_date": date_cell(row, "event_date", file, problems),
                "indicative": text_cell(row, "indicative") == "1",
                "source_id": source_of(row, dataset, file, problems),
            }
        )
    return storage.replace_reference_rows(connection, db.predecessors, dataset, records, problems)
