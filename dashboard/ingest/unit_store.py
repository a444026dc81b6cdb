"""Publishing units: read the officer's units file (unit_changes), check each row against the units as
they stand, apply it and keep it in the journal (unit_changes table), in one transaction — or roll back for
a preview. Nothing is stored when any row is wrong.

The journal is what makes published units survive a rebuild: reloading data/reference/units.csv resets the
units it lists, then `replay` applies the officer's changes to them again, in the order published.

May import: db, domain, ingest. Called by the command line, the /quan-tri door and the units loader.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select

from dashboard import db
from dashboard.ingest import storage
from dashboard.ingest.catalogue import Catalogue, exact_key
from dashboard.ingest.dataset import Dataset, document_day, document_number
from dashboard.ingest.parsing import ImportRejected, Problem
from dashboard.ingest.tables import read_table
from dashboard.ingest.unit_changes import (
    REQUIRED_COLUMNS,
    Change,
    apply_to,
    check_change,
    lineage_rows,
    read_change,
    units_touched,
)

UNITS_LOCK = "units"  # storage.lock_groups key held by every write of the units
LICENCE = "Văn bản hành chính nhà nước – không thuộc đối tượng bảo hộ quyền tác giả (Luật SHTT, Điều 15)"


@dataclass
class UnitReport:
    """What publishing a units file did (or, in a dry run, would do)."""

    changes: list[Change] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # code -> Vietnamese name before the file
    data_version: str = ""
    dry_run: bool = False

    def count(self, action: str) -> int:
        return sum(1 for change in self.changes if change.action == action)


def _dataset(path: Path, changes: list[Change]) -> Dataset:
    """The file as a dataset whose sources are the documents its rows cite."""
    checksum = hashlib.sha256(path.read_bytes()).hexdigest()
    sources: dict[str, dict] = {}
    for change in changes:
        if change.legal_basis:
            local = "lb-" + hashlib.sha256(change.legal_basis.encode()).hexdigest()[:10]
            sources.setdefault(
                local,
                {
                    "id": local,
                    "kind": "official",
                    "issuer": change.issuer,
                    "title": change.legal_basis,
                    "url": change.source_url or None,
                    "document_number": document_number(change.legal_basis),
                    "document_date": document_day(change.legal_basis),
                    "licence": LICENCE,
                },
            )
    meta = {
        "id": f"don-vi-{checksum[:12]}",
        "type": "units",
        "title_vi": f"Thay đổi đơn vị ({path.name})",
        "title_en": f"Unit changes ({path.name})",
        "licence": LICENCE,
        "sources": list(sources.values()),
    }
    return Dataset(path, meta, checksum)


def _source_id(dataset: Dataset, change: Change) -> str | None:
    if not change.legal_basis:
        return None
    return dataset.source_id("lb-" + hashlib.sha256(change.legal_basis.encode()).hexdigest()[:10])


def read_changes(path: Path) -> list[Change]:
    """Every row of the file as a change; raises ImportRejected with every malformed cell."""
    file = path.name
    if not path.is_file():
        raise ImportRejected([Problem(file, None, None, str(path), "file", "file not found")])
    table = read_table(path)
    problems = [
        Problem(file, table.header_row, column, None, "required-column", "required column is missing")
        for column in REQUIRED_COLUMNS
        if column not in table.header
    ]
    if problems:
        raise ImportRejected(problems)
    changes = [change for row in table.rows if (change := read_change(row, file, problems))]
    if not table.rows:
        problems.append(Problem(file, None, None, None, "empty", "the file has no rows"))
    if problems:
        raise ImportRejected(problems)
    return changes


def publish_units(engine: Engine, path: Path, *, dry_run: bool = False) -> UnitReport:
    """Check and store a units file (raises ImportRejected with every problem; then nothing is stored)."""
    changes = read_changes(path)
    # Locked: two officers publishing units at once end as one after the other (a code is never reused).
    with storage.publishing(engine, dry_run=dry_run, locks=[UNITS_LOCK]) as job:
        report = _publish(job.connection, path, changes)
    report.dry_run, report.data_version = dry_run, job.data_version
    return report


def apply_changes(connection: Connection, path: Path, changes: list[Change]) -> UnitReport:
    """Check and apply changes inside the caller's transaction (raises ImportRejected with every problem);
    `path` is the file they come from (a units file, or the annex whose preview chose them)."""
    return _publish(connection, path, changes)


def _publish(connection: Connection, path: Path, changes: list[Change]) -> UnitReport:
    dataset = _dataset(path, changes)
    storage.store_sources(connection, dataset)
    catalogue = Catalogue.load(connection)
    report = UnitReport(names={code: unit["name_vi"] for code, unit in catalogue.units.items()})
    problems: list[Problem] = []
    now = datetime.now(UTC)
    for change in changes:
        found = check_change(connection, change, path.name, catalogue.aliases)
        if found:
            problems += found
            continue  # the rows below are still checked, against the units without this one
        source_id = _source_id(dataset, change)
        for code in units_touched(change):
            apply_to(connection, change, code, source_id)
        rows = lineage_rows(change, source_id)
        if rows:
            connection.execute(insert(db.lineage), rows)
        if change.alias:
            catalogue.aliases.setdefault(exact_key(change.alias), set()).add(change.code)
        connection.execute(
            insert(db.unit_changes).values(
                action=change.action,
                unit_code=change.code,
                change=change.to_json(),
                source_id=source_id,
                file_name=path.name,
                row_number=change.row,
                published_at=now,
            )
        )
        report.changes.append(change)
    if problems:
        raise ImportRejected(problems)
    return report


def replay(connection: Connection, codes: Collection[str]) -> None:
    """Apply the journal again to the units a reload has just reset to the reference file."""
    wanted = set(codes)
    journal = db.unit_changes.c
    for text, source_id in connection.execute(select(journal.change, journal.source_id).order_by(journal.id)):
        change = Change.from_json(text)
        for code in units_touched(change):
            if code in wanted and not (change.creates_unit and code == change.code):
                apply_to(connection, change, code, source_id)
