"""The publishing audit log: every sign-in, upload, preview and publication, with its outcome."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select

from dashboard import csv_output, db

ACTIONS = ("sign_in", "sign_out", "upload", "preview", "publish")
OUTCOMES = ("ok", "refused", "failed", "throttled")
COLUMNS = ("at", "account", "action", "outcome", "file_sha256", "detail", "client")


def record(
    engine: Engine,
    *,
    account: str,
    action: str,
    outcome: str,
    file_sha256: str | None = None,
    detail: str = "",
    client: str = "",
) -> None:
    """Append one entry (its own transaction: a refused publication is still on the record)."""
    assert action in ACTIONS and outcome in OUTCOMES, (action, outcome)
    with engine.begin() as connection:
        connection.execute(
            insert(db.audit_log).values(
                at=datetime.now(UTC),
                account=account[:254],
                action=action,
                outcome=outcome,
                file_sha256=file_sha256,
                detail=detail[:4000],
                client=client[:64],
            )
        )


PAGE_SIZE = 100


def _newest_first(before: int | None):
    statement = select(db.audit_log.c.id, *(db.audit_log.c[name] for name in COLUMNS))
    if before is not None:
        statement = statement.where(db.audit_log.c.id < before)
    return statement.order_by(db.audit_log.c.id.desc())


def entries(engine: Engine) -> list[dict[str, object]]:
    """Every entry, newest first (a short log: a long one is read by `page` or `rows`)."""
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(_newest_first(None))]


def page(
    engine: Engine, *, before: int | None = None, size: int = PAGE_SIZE
) -> tuple[list[dict[str, object]], int | None]:
    """One page of entries, newest first, older than entry id `before` (keyset pagination: page 10,000 costs
    what page 1 does); and the id to ask for the next page with, or None on the last page."""
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(_newest_first(before).limit(size + 1))]
    older = rows[size - 1]["id"] if len(rows) > size else None
    return rows[:size], int(older) if older is not None else None


def rows(engine: Engine, *, batch: int = 2000) -> Iterator[tuple]:
    """Every entry newest first, as tuples in COLUMNS order, read through a server-side cursor `batch` rows
    at a time, so a million entries never sit in memory at once."""
    statement = _newest_first(None).execution_options(stream_results=True, yield_per=batch)
    with engine.connect() as connection:
        for row in connection.execute(statement):
            yield tuple(row)[1:]


def csv_chunks(engine: Engine, *, batch: int = 2000) -> Iterator[bytes]:
    """The whole log as a streamed CSV, through the app's one CSV writer (UTF-8 with BOM, formulas
    neutralised), `batch` rows read and sent at a time."""
    return csv_output.chunks(COLUMNS, rows(engine, batch=batch), chunk_rows=batch)
