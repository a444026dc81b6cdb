"""The publishing audit log: every sign-in, upload, preview and publication, with its outcome."""

from __future__ import annotations

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


def entries(engine: Engine, *, limit: int | None = None) -> list[dict[str, object]]:
    """Entries, newest first."""
    statement = select(*(db.audit_log.c[name] for name in COLUMNS)).order_by(db.audit_log.c.id.desc())
    if limit:
        statement = statement.limit(limit)
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(statement)]


def as_csv(rows: list[dict[str, object]]) -> bytes:
    """The log as CSV, through the app's one CSV writer (UTF-8 with BOM, formulas neutralised)."""
    return csv_output.document(COLUMNS, ([row[name] for name in COLUMNS] for row in rows))
