"""Writing validated imports: the one publishing transaction (locked, rolled back for a preview), dataset
and source rows, observations (COPY on PostgreSQL for big files).

May import: db. Called by the importer, the reference loaders and the index-set and unit stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, String, Table, delete, insert, select, text, update

from dashboard import db
from dashboard.ingest.dataset import Dataset
from dashboard.ingest.parsing import Problem, parse_date


def _now() -> datetime:
    return datetime.now(UTC)


def begin_writing(connection: Connection) -> None:
    """Start the import's transaction as a writer. SQLite has no row or advisory locks: its transaction
    takes the database's write lock before the first read (BEGIN IMMEDIATE), so imports run one after
    the other and each one's guardrails see what the previous one stored. PostgreSQL locks per group
    instead (lock_groups)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


@dataclass
class Publishing:
    """The connection of a publishing transaction, and the data version it ended with."""

    connection: Connection
    data_version: str = ""


@contextmanager
def publishing(engine: Engine, *, dry_run: bool, locks: Iterable[str] = ()) -> Iterator[Publishing]:
    """One transaction for everything a publish writes, as a writer (begin_writing) holding `locks`
    (lock_groups): committed with a new data version, or rolled back for a preview (dry_run) and on any
    error, so nothing is half-stored."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            begin_writing(connection)
            lock_groups(connection, locks)
            job = Publishing(connection)
            yield job
            if dry_run:
                job.data_version = db.data_version(connection)
                transaction.rollback()
            else:
                job.data_version = db.bump_data_version(connection)
                transaction.commit()
        except BaseException:
            transaction.rollback()
            raise


def lock_groups(connection: Connection, keys: Iterable[str]) -> None:
    """Wait for every other import of the same datasets or (methodology, year, unit group) to end, before
    the guardrails read what is stored: two publishes at the same instant end as they would one after the
    other, the second refused like a sequential one. PostgreSQL: advisory locks held to the end of the
    transaction, taken in one order; SQLite already holds its write lock (begin_writing)."""
    if connection.dialect.name != "postgresql":
        return
    for key in sorted(set(keys)):
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key})


def store_sources(connection: Connection, dataset: Dataset) -> None:
    """Upsert the dataset row and its sources (reference rows point at them, so no cascade delete here)."""
    now = _now()
    dataset_row = {
        "id": dataset.id,
        "title_vi": dataset.meta["title_vi"],
        "title_en": dataset.meta["title_en"],
        "description_vi": dataset.meta.get("description_vi", ""),
        "description_en": dataset.meta.get("description_en", ""),
        "licence": dataset.meta["licence"],
        "file_name": dataset.path.name,
        "checksum": dataset.checksum,
        "imported_at": now,
        "accessed": parse_date(dataset.meta.get("accessed")),
    }
    if connection.execute(select(db.datasets.c.id).where(db.datasets.c.id == dataset.id)).first():
        connection.execute(update(db.datasets).where(db.datasets.c.id == dataset.id).values(**dataset_row))
    else:
        connection.execute(insert(db.datasets).values(**dataset_row))
    for source in dataset.meta["sources"]:
        row = {
            "id": dataset.source_id(source["id"]),
            "dataset_id": dataset.id,
            "kind": source["kind"],
            "issuer": source["issuer"],
            "document_number": source.get("document_number"),
            "document_date": parse_date(source.get("document_date")),
            "title": source["title"],
            "url": source.get("url") or None,
            "licence": source["licence"],
            "checksum": dataset.checksum,
            "imported_at": now,
            "accessed": parse_date(source.get("accessed") or dataset.meta.get("accessed")),
            "note": source.get("note") or source.get("reference"),
        }
        if source.get("date"):  # the date as the page shows it; without one, the document's date stands
            row["date_shown"] = str(source["date"])
        exists = connection.execute(select(db.sources.c.id).where(db.sources.c.id == row["id"])).first()
        if exists:
            connection.execute(update(db.sources).where(db.sources.c.id == row["id"]).values(**row))
        else:
            connection.execute(insert(db.sources).values(**row))


def replace_reference_rows(
    connection: Connection, table: Table, dataset: Dataset, records: list[dict], problems: list[Problem]
) -> int:
    """Replace the rows of a reference table (lineage, predecessors, events) that cite this dataset, unless
    the file has errors (then nothing is stored); the number of rows stored."""
    if any(p.severity == "error" for p in problems):
        return 0
    mine = select(db.sources.c.id).where(db.sources.c.dataset_id == dataset.id)
    connection.execute(delete(table).where(table.c.source_id.in_(mine)))
    if records:
        connection.execute(insert(table), records)
    return len(records)


def store_observations(connection: Connection, dataset: Dataset, records: list[dict]) -> None:
    """Replace every observation of the dataset's sources with the validated records."""
    source_ids = [dataset.source_id(s) for s in dataset.local_source_ids]
    old_sources = select(db.sources.c.id).where(db.sources.c.dataset_id == dataset.id)
    connection.execute(delete(db.observations).where(db.observations.c.source_id.in_(old_sources)))
    connection.execute(
        delete(db.sources).where(db.sources.c.dataset_id == dataset.id, db.sources.c.id.not_in(source_ids))
    )
    store_sources(connection, dataset)
    if not records:
        return
    columns = [c.name for c in db.observations.columns if c.name != "id"]
    for record in records:
        record.setdefault("unit_group", None)  # only a layout that gives groups their own maxima sets it
        record.setdefault("not_ranked", None)  # only rows printed as listed but not ranked set it
    if connection.dialect.name == "postgresql" and len(records) >= COPY_THRESHOLD:
        _copy_rows(connection, db.observations.name, columns, ([r[k] for k in columns] for r in records))
    else:  # in batches: a copy of every row at once would double a large import's memory
        for start in range(0, len(records), INSERT_BATCH):
            batch = records[start : start + INSERT_BATCH]
            connection.execute(insert(db.observations), [{k: r[k] for k in columns} for r in batch])


def too_long(table: Table, records: list[dict], *, file: str) -> list[Problem]:
    """A named problem for each value longer than its column allows.

    PostgreSQL would refuse the whole insert with a raw DataError quoting the row; SQLite would store it.
    """
    limits = {c.name: c.type.length for c in table.columns if isinstance(c.type, String) and c.type.length}
    return [
        Problem(file, record.get("row"), name, value, "length", f"longer than {limit} characters")
        for record in records
        for name, limit in limits.items()
        if isinstance(value := record.get(name), str) and len(value) > limit
    ]


COPY_THRESHOLD = 5000  # rows; below this executemany is as fast and simpler
INSERT_BATCH = 10_000


def _copy_rows(connection: Connection, table: str, columns: list[str], rows: Iterable[list]) -> None:
    """Bulk-load rows with PostgreSQL COPY inside the current transaction (10× executemany)."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    names = ", ".join(f'"{c}"' for c in columns)  # column names come from our own schema, not from input
    with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


def store_corrections(connection: Connection, rows: list[dict]) -> None:
    """Keep what a replace changed (the public corrections record)."""
    if rows:
        connection.execute(insert(db.corrections), rows)


def remove_dataset(connection: Connection, dataset_id: str) -> None:
    """Delete a replaced dataset with its sources and observations."""
    sources = select(db.sources.c.id).where(db.sources.c.dataset_id == dataset_id)
    connection.execute(delete(db.observations).where(db.observations.c.source_id.in_(sources)))
    connection.execute(delete(db.sources).where(db.sources.c.dataset_id == dataset_id))
    connection.execute(delete(db.datasets).where(db.datasets.c.id == dataset_id))
