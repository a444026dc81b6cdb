"""Publisher accounts: created and removed only from the command line; scrypt password hashes.

Sessions carry the account's `session_epoch`: signing out bumps it, which ends every session of the
account at once ("sign out everywhere").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import Engine, delete, insert, select, update
from werkzeug.security import check_password_hash, generate_password_hash

from dashboard import db

ROLES = ("publisher",)
MIN_PASSWORD_LENGTH = 12
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# Checked against when the account is unknown, so both answers cost the same time.
_DUMMY_HASH = generate_password_hash("not a password of anyone", method="scrypt")


class AccountError(ValueError):
    """A command-line account operation that cannot be done (named reason)."""


@dataclass(frozen=True)
class Account(UserMixin):
    """A signed-in publisher as Flask-Login sees it."""

    account_id: int
    email: str
    role: str
    session_epoch: int

    def get_id(self) -> str:
        return f"{self.account_id}:{self.session_epoch}"


def normalize_email(email: str) -> str:
    """Accounts are found by their e-mail address, case- and Unicode-form-insensitively."""
    return unicodedata.normalize("NFC", email.strip()).lower()


def add(engine: Engine, email: str, password: str, *, role: str) -> None:
    """Create an account; refuse a malformed address, a short password or an unknown role."""
    email = normalize_email(email)
    if not _EMAIL.fullmatch(email):
        raise AccountError(f"not an e-mail address: {email!r}")
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    with engine.begin() as connection:
        if connection.execute(select(db.accounts.c.id).where(db.accounts.c.email == email)).first():
            raise AccountError(f"an account for {email} exists already")
        connection.execute(
            insert(db.accounts).values(
                email=email,
                password_hash=generate_password_hash(password, method="scrypt"),
                role=role,
                session_epoch=0,
                created_at=datetime.now(UTC),
            )
        )


def remove(engine: Engine, email: str) -> None:
    """Delete an account (its audit entries stay, under its address)."""
    with engine.begin() as connection:
        deleted = connection.execute(delete(db.accounts).where(db.accounts.c.email == normalize_email(email)))
    if deleted.rowcount == 0:
        raise AccountError(f"no account for {normalize_email(email)}")


def listing(engine: Engine) -> list[tuple[str, str, datetime]]:
    """Every account: e-mail, role, created at."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(db.accounts.c.email, db.accounts.c.role, db.accounts.c.created_at).order_by(
                db.accounts.c.email
            )
        )
        return [tuple(row) for row in rows]


def authenticate(engine: Engine, email: str, password: str) -> Account | None:
    """The account when the password is right; None for a wrong password and an unknown account alike."""
    with engine.connect() as connection:
        row = connection.execute(
            select(db.accounts).where(db.accounts.c.email == normalize_email(email))
        ).first()
    if row is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(row.password_hash, password):
        return None
    return Account(row.id, row.email, row.role, row.session_epoch)


def load(engine: Engine, session_id: str) -> Account | None:
    """The account of a session id `<id>:<epoch>`; None once the account signed out everywhere."""
    account_id, _, epoch = session_id.partition(":")
    if not (account_id.isdigit() and epoch.isdigit()):
        return None
    with engine.connect() as connection:
        row = connection.execute(select(db.accounts).where(db.accounts.c.id == int(account_id))).first()
    if row is None or row.session_epoch != int(epoch):
        return None
    return Account(row.id, row.email, row.role, row.session_epoch)


def end_every_session(engine: Engine, account: Account) -> None:
    """Sign the account out on every browser."""
    with engine.begin() as connection:
        connection.execute(
            update(db.accounts)
            .where(db.accounts.c.id == account.account_id)
            .values(session_epoch=db.accounts.c.session_epoch + 1)
        )
