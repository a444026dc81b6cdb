"""The tables of the signed-in publishing door: publisher accounts and the audit log of what they did.
Defined on the schema's one MetaData by `dashboard.db` (the only place tables are made), like index_sets.
May import: nothing of the dashboard.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text


def tables(metadata: MetaData) -> tuple[Table, Table]:
    """(accounts, audit_log) on `metadata`."""
    # Publisher accounts of the signed-in publishing pages (created only from the command line).
    accounts = Table(
        "accounts",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("email", String(254), nullable=False, unique=True),
        Column("password_hash", Text, nullable=False),
        Column("role", String(20), nullable=False),
        Column("session_epoch", Integer, nullable=False, default=0),  # bumped at sign-out: all sessions end
        Column("created_at", DateTime(timezone=True), nullable=False),
    )

    # What publishers did: sign-ins, uploads, previews, publications; never edited, kept for the records.
    audit_log = Table(
        "audit_log",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("at", DateTime(timezone=True), nullable=False),
        Column("account", String(254), nullable=False),
        Column("action", String(20), nullable=False),
        Column("outcome", String(20), nullable=False),
        Column("file_sha256", String(64)),
        Column("detail", Text, nullable=False, default=""),
        Column("client", String(64), nullable=False, default=""),
    )
    return accounts, audit_log
