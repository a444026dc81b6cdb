"""The publishing audit log: paged newest first on its page, streamed whole as CSV through the app's one
CSV writer, with what a visitor typed at sign-in kept inert in spreadsheets."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import flask
import pytest
from sqlalchemy import insert

from dashboard import admin, db
from dashboard.admin import accounts, audit
from dashboard.config import Settings

PASSWORD = "correct horse battery staple"
EMAIL = "canbo@skhcn.quangngai.gov.vn"
AT = re.compile(rb"(?m)^\d{4}-\d\d-\d\dT[^,]*")


@pytest.fixture
def engine(fresh_engine):
    engine = fresh_engine()
    accounts.add(engine, EMAIL, PASSWORD, role="publisher")
    return engine


@pytest.fixture
def client(engine, tmp_path: Path):
    """A bare Flask server with only the publishing pages, on its own empty database."""
    settings = Settings.from_env({"DASHBOARD_INSTANCE_DIR": str(tmp_path)}, secret_key="test-secret-key")
    server = flask.Flask("audit-log-test")
    admin.install(server, settings, engine=engine)
    return server.test_client()


def _sign_in(client, email: str, password: str):
    html = client.get("/quan-tri/dang-nhap").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    form = {"email": email, "password": password, "csrf_token": token}
    return client.post("/quan-tri/dang-nhap", data=form)


def _fill(engine, count: int) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    entries = [
        {"at": at, "account": f"a{n}@example.org", "action": "upload", "outcome": "ok", "detail": str(n)}
        for n in range(count)
    ]
    with engine.begin() as connection:
        connection.execute(insert(db.audit_log), entries)


def test_audit_csv_keeps_a_hostile_user_name_typed_at_sign_in_inert(client) -> None:
    # Typed by someone not signed in: the e-mail field is stored in the audit log as typed (lower-cased).
    assert _sign_in(client, "x;=cmd|' /C calc'!A0", "guess").status_code == 200
    assert _sign_in(client, "@SUM(1+1)*cmd|' /C calc'!A0", "guess").status_code == 200
    assert _sign_in(client, EMAIL, PASSWORD).status_code == 302
    response = client.get("/quan-tri/nhat-ky.csv")
    assert response.is_streamed and response.mimetype == "text/csv"
    assert AT.sub(b"AT", response.get_data()) == (
        "\ufeffat,account,action,outcome,file_sha256,detail,client\r\n"
        "AT,canbo@skhcn.quangngai.gov.vn,sign_in,ok,,,127.0.0.1\r\n"
        "AT,'@sum(1+1)*cmd|' /c calc'!a0,sign_in,refused,,,127.0.0.1\r\n"
        "AT,\"x;=cmd|' /c calc'!a0\",sign_in,refused,,,127.0.0.1\r\n"
    ).encode("utf-8")


def test_the_csv_streams_every_entry_in_batches(engine) -> None:
    _fill(engine, 5)
    body = b"".join(audit.csv_chunks(engine, batch=2))
    details = [line.rsplit(b",", 2)[1] for line in body.split(b"\r\n")[1:-1]]
    assert details == [b"4", b"3", b"2", b"1", b"0"]


def test_the_page_shows_a_hundred_entries_newest_first_with_a_link_to_older_ones(client, engine) -> None:
    _fill(engine, 2 * audit.PAGE_SIZE + 30)
    assert _sign_in(client, EMAIL, PASSWORD).status_code == 302  # the newest entry: this sign-in
    seen: list[str] = []
    url: str | None = "/quan-tri/nhat-ky?lang=en"
    pages = 0
    while url:
        html = client.get(url).get_data(as_text=True)
        rows = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td>", html)
        assert len(rows) == (audit.PAGE_SIZE if pages < 2 else 31)
        seen += rows
        older = re.search(r'rel="next" href="([^"]+)"', html)
        url = older.group(1).replace("&amp;", "&") if older else None
        assert ("Newest" in html) == (pages > 0)
        pages += 1
    assert pages == 3
    assert seen == [EMAIL] + [f"a{n}@example.org" for n in reversed(range(2 * audit.PAGE_SIZE + 30))]
