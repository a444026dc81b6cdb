"""The signed-in publishing pages: walls (session, CSRF, throttling, uploads), and the publish flow."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import flask
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from dashboard import admin, db
from dashboard.admin import accounts, audit
from dashboard.admin.cli import users
from dashboard.config import REPO_ROOT, Settings
from tests.support.sheets import cell, dimension_bomb, workbook

PASSWORD = "correct horse battery staple"
EMAIL = "canbo@skhcn.quangngai.gov.vn"
ANNEX = REPO_ROOT / "data" / "illustrative" / "qn_readiness_annex_2024.csv"
ROUTES = [
    ("GET", "/quan-tri/"),
    ("GET", "/quan-tri/nhap-du-lieu"),
    ("POST", "/quan-tri/nhap-du-lieu"),
    ("POST", "/quan-tri/cong-bo"),
    ("GET", "/quan-tri/nhat-ky"),
    ("GET", "/quan-tri/nhat-ky.csv"),
    ("POST", "/quan-tri/dang-xuat"),
]


@pytest.fixture
def engine(fresh_engine):
    engine = fresh_engine(like="data")
    accounts.add(engine, EMAIL, PASSWORD, role="publisher")
    return engine


@pytest.fixture
def server(engine, tmp_path: Path) -> flask.Flask:
    """A bare Flask server with only the publishing pages, on its own database and upload folder."""
    settings = Settings.from_env({"DASHBOARD_INSTANCE_DIR": str(tmp_path)}, secret_key="test-secret-key")
    server = flask.Flask("admin-test")
    admin.install(server, settings, engine=engine)
    return server


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "the form carries no CSRF token"
    return match.group(1)


def _sign_in(client, email: str = EMAIL, password: str = PASSWORD):
    token = _token(client.get("/quan-tri/dang-nhap").get_data(as_text=True))
    return client.post(
        "/quan-tri/dang-nhap", data={"email": email, "password": password, "csrf_token": token}
    )


def _upload(client, data: bytes, name: str, **fields: str):
    token = _token(client.get("/quan-tri/nhap-du-lieu").get_data(as_text=True))
    form = {
        "csrf_token": token,
        "year": "2024",
        "methodology": "qn-dti-2020",
        "kind": "official",
        "issuer": "UBND tỉnh Quảng Ngãi",
        "document": "Quyết định số 123/QĐ-UBND ngày 15/3/2025",
        "source_url": "https://quangngai.gov.vn/van-ban/123",
        **fields,
        "file": (io.BytesIO(data), name),
    }
    return client.post("/quan-tri/nhap-du-lieu", data=form, content_type="multipart/form-data")


def _snapshot(engine) -> tuple:
    with engine.connect() as connection:
        rows = connection.execute(select(db.observations).order_by(db.observations.c.id)).all()
        return db.data_version(connection), [tuple(r) for r in rows]


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_every_admin_route_without_a_session_goes_to_the_sign_in_page(server, method, path):
    client = server.test_client()
    response = client.open(path, method=method)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/quan-tri/dang-nhap")


def test_a_post_without_a_valid_csrf_token_is_refused_with_400(server, engine):
    client = server.test_client()
    response = client.post("/quan-tri/dang-nhap", data={"email": EMAIL, "password": PASSWORD})
    assert response.status_code == 400
    assert _sign_in(client).status_code == 302
    response = client.post("/quan-tri/nhap-du-lieu", data={"csrf_token": "forged", "year": "2024"})
    assert response.status_code == 400


def test_unknown_account_and_wrong_password_get_the_same_answer(server):
    unknown = _sign_in(server.test_client(), email="nobody@example.org")
    wrong = _sign_in(server.test_client(), password="not the password at all")
    assert unknown.status_code == wrong.status_code == 200
    strip = lambda html: re.sub(r'value="[^"]*"', "", html)  # noqa: E731 - tokens and the typed address differ
    assert strip(unknown.get_data(as_text=True)).replace("nobody@example.org", "") == strip(
        wrong.get_data(as_text=True)
    ).replace(EMAIL, "")
    assert "Thư điện tử hoặc mật khẩu không đúng." in unknown.get_data(as_text=True)


def test_sign_in_rotates_the_session_and_sets_strict_cookies(server):
    client = server.test_client()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    response = _sign_in(client)
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    with client.session_transaction() as session:
        assert "planted" not in session
    assert client.get("/quan-tri/nhap-du-lieu").status_code == 200


def test_the_eleventh_wrong_password_in_a_minute_is_429(server, engine):
    client = server.test_client()
    for _ in range(10):
        assert _sign_in(client, password="wrong password, again").status_code == 200
    assert _sign_in(client, password="wrong password, again").status_code == 429
    # Even the right password waits from that client (one address: the test client), not just the guesses.
    assert _sign_in(server.test_client(), password=PASSWORD).status_code == 429
    outcomes = [e["outcome"] for e in audit.entries(engine) if e["action"] == "sign_in"]
    assert outcomes.count("refused") == 10 and "throttled" in outcomes


def test_signing_out_ends_every_session_of_the_account(server):
    laptop, phone = server.test_client(), server.test_client()
    _sign_in(laptop), _sign_in(phone)
    token = _token(laptop.get("/quan-tri/nhap-du-lieu").get_data(as_text=True))
    assert laptop.post("/quan-tri/dang-xuat", data={"csrf_token": token}).status_code == 302
    assert phone.get("/quan-tri/nhap-du-lieu").status_code == 302


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (200 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (_zip_bomb(), "phu-luc.xlsx", "Tệp XLSX giải nén quá lớn"),
        (b"%PDF-1.7\n\x00\x01binary", "phu-luc.csv", "Tệp không phải văn bản CSV"),
        (b"GIF89a\x00\x00", "anh.gif", "Chỉ nhận tệp bảng tính XLSX hoặc CSV."),
        (b"PK\x03\x04 not really a zip", "phu-luc.xlsx", "Tệp không phải bảng tính XLSX đọc được."),
    ],
    ids=["zip-bomb", "binary-as-csv", "image", "broken-zip"],
)
def test_refused_uploads_say_why_and_store_nothing(server, engine, tmp_path, data, name, message):
    client = server.test_client()
    _sign_in(client)
    before = _snapshot(engine)
    response = _upload(client, data, name)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _snapshot(engine) == before
    assert not list((tmp_path / "uploads").glob("*")) if (tmp_path / "uploads").exists() else True
    assert [e["outcome"] for e in audit.entries(engine) if e["action"] == "upload"] == ["refused"]


def test_upload_preview_publish_then_correct_one_score(server, engine, tmp_path):
    client = server.test_client()
    _sign_in(client)
    before = _snapshot(engine)
    annex = ANNEX.read_bytes()

    # 2024 is published already (the illustrative table): a new table for it is refused, naming that one.
    refused = _upload(client, annex, "Phụ lục QĐ 123.csv").get_data(as_text=True)
    assert "illustrative-readiness-2024" in refused and "Lỗi: 0;" not in refused
    assert 'action="/quan-tri/cong-bo' not in refused, "nothing to publish while there are errors"

    preview = _upload(client, annex, "Phụ lục QĐ 123.csv", replaces="illustrative-readiness-2024")
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200, html
    assert "Lỗi: 0;" in html, html
    assert "Bảng sẽ công bố:" in html and "Ban Dân tộc" in html
    assert _snapshot(engine) == before, "a preview stores nothing"
    kept = sorted(p.name for p in (tmp_path / "uploads").iterdir())
    assert kept == [f"{audit_hash(engine)}.csv"], "kept under its hash, never the client's name"

    published = client.post("/quan-tri/cong-bo", data=_publish_fields(html))
    assert published.status_code == 200, published.get_data(as_text=True)
    dataset_id = "qn-dti-2020-2024-official"
    assert dataset_id in published.get_data(as_text=True)
    stored = _values(engine, dataset_id)
    assert stored and not _values(engine, "illustrative-readiness-2024")
    assert _snapshot(engine)[0] != before[0]

    changed = annex.replace(b'"84,05"', b'"84,15"', 1)
    assert changed != annex
    preview = _upload(
        client, changed, "Phụ lục đính chính.csv", replaces=dataset_id, reason="Sai số khi tổng hợp"
    )
    html = preview.get_data(as_text=True)
    assert "Lỗi: 0;" in html and "<td>84,05</td><td>84,15</td>" in html, html
    assert client.post("/quan-tri/cong-bo", data=_publish_fields(html)).status_code == 200
    after = _values(engine, dataset_id)
    [changed_key] = _diff(stored, after)
    assert after[changed_key] == 84.15 and stored[changed_key] == 84.05
    with engine.connect() as connection:
        corrections = connection.execute(
            select(db.corrections.c.old_value, db.corrections.c.new_value).where(
                db.corrections.c.dataset_id == dataset_id, db.corrections.c.unit_code == changed_key[0]
            )
        ).all()
    assert ("84,05", "84,15") in [tuple(row) for row in corrections]

    actions = [(e["action"], e["outcome"]) for e in audit.entries(engine)][::-1]
    assert actions == [
        ("sign_in", "ok"),
        ("upload", "ok"),
        ("preview", "refused"),
        ("upload", "ok"),
        ("preview", "ok"),
        ("publish", "ok"),
        ("upload", "ok"),
        ("preview", "ok"),
        ("publish", "ok"),
    ]
    log = client.get("/quan-tri/nhat-ky.csv")
    assert log.status_code == 200 and log.mimetype == "text/csv"
    assert (
        log.data.decode("utf-8-sig").splitlines()[0] == "at,account,action,outcome,file_sha256,detail,client"
    )
    assert log.headers["Cache-Control"] == "no-store"
    assert "noindex" in log.headers["X-Robots-Tag"]


def audit_hash(engine) -> str:
    return next(e["file_sha256"] for e in audit.entries(engine) if e["action"] == "upload")


def _publish_fields(html: str) -> dict[str, str]:
    form = html[html.index('action="/quan-tri/cong-bo') :]
    return dict(re.findall(r'name="([a-z_0-9]+)" type="hidden" value="([^"]*)"', form))


def _values(engine, dataset_id: str) -> dict[tuple[str, str], float]:
    o, s = db.observations.c, db.sources.c
    statement = (
        select(o.unit_code, o.indicator_code, o.value)
        .join_from(db.observations, db.sources, o.source_id == s.id)
        .where(s.dataset_id == dataset_id)
    )
    with engine.connect() as connection:
        return {(unit, indicator): value for unit, indicator, value in connection.execute(statement)}


def _diff(old: dict, new: dict) -> list:
    return [k for k in old if old[k] != new.get(k)]


def test_users_are_managed_from_the_command_line(engine, monkeypatch):
    monkeypatch.setattr("dashboard.admin.cli._engine", lambda: engine)
    runner = CliRunner()
    added = runner.invoke(
        users,
        ["add", "Bien.Tap@Example.ORG", "--role", "publisher", "--password-stdin"],
        input="a long enough secret\n",
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(users, ["list"])
    assert "bien.tap@example.org\tpublisher" in listed.output
    short = runner.invoke(
        users, ["add", "x@example.org", "--role", "publisher", "--password-stdin"], input="short\n"
    )
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    assert runner.invoke(users, ["remove", "bien.tap@example.org"]).exit_code == 0
    assert "bien.tap@example.org" not in runner.invoke(users, ["list"]).output


def test_production_refuses_to_start_without_a_secret_key(engine, tmp_path):
    settings = Settings.from_env({"DASHBOARD_INSTANCE_DIR": str(tmp_path), "DASHBOARD_ENV": "production"})
    with pytest.raises(admin.MissingSecretKey, match="SECRET_KEY"):
        admin.install(flask.Flask("prod"), settings, engine=engine)


def test_the_app_serves_the_sign_in_page_and_links_to_it_from_nowhere(client):
    page = client.get("/quan-tri/dang-nhap")
    assert page.status_code == 200 and "noindex" in page.get_data(as_text=True)
    assert client.get("/quan-tri/nhap-du-lieu").status_code == 302
    assert "/quan-tri" not in client.get("/").get_data(as_text=True)


def test_a_tiny_sheet_declaring_every_cell_gets_a_preview_not_a_dead_worker(server, engine):
    client = server.test_client()
    _sign_in(client)
    before = _snapshot(engine)
    response = _upload(client, dimension_bomb(), "phu-luc.xlsx")
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html
    assert "Lỗi: 1;" in html and "row before any group" in html, "its two real rows are read and checked"
    assert 'action="/quan-tri/cong-bo' not in html, "a file that is not an annex cannot be published"
    assert _snapshot(engine) == before


def test_a_sheet_with_a_cell_in_the_last_column_is_refused_as_too_wide(server, engine):
    client = server.test_client()
    _sign_in(client)
    wide = workbook({1: cell("A1", "STT") + cell("XFD1", "x")}, dimension="A1:XFD1")
    html = _upload(client, wide, "phu-luc.xlsx").get_data(as_text=True)
    assert "column XFD, beyond the 256 columns" in html, html


@pytest.mark.parametrize(("name", "value"), [("year", "abc"), ("year", "1999"), ("kind", "bogus")])
def test_a_tampered_publish_form_is_a_clear_form_error_and_publishes_nothing(server, engine, name, value):
    client = server.test_client()
    _sign_in(client)
    preview = _upload(client, ANNEX.read_bytes(), "phu-luc.csv", replaces="illustrative-readiness-2024")
    fields = _publish_fields(preview.get_data(as_text=True))
    before = _snapshot(engine)
    response = client.post("/quan-tri/cong-bo", data={**fields, name: value})
    assert response.status_code == 400
    assert "Chưa công bố gì: vui lòng tải tệp lên và xem trước lại." in response.get_data(as_text=True)
    assert _snapshot(engine) == before


def test_a_preview_lists_the_first_problems_and_counts_the_rest(server, engine):
    client = server.test_client()
    _sign_in(client)
    lines = ANNEX.read_text(encoding="utf-8").splitlines()
    data = [line for line in lines[2:] if line.split(",")[0].isdigit()]
    broken = [re.sub(r'"\d+,\d+"', '"x"', line) for line in data] * 10
    html = _upload(client, "\n".join([*lines[:2], *broken]).encode(), "phu-luc.csv").get_data(as_text=True)
    errors = int(re.search(r"Lỗi: (\d+);", html).group(1))
    assert errors > 1000
    assert html.count("<tr><td>error</td>") == 200
    assert f"… và {errors - 200} vấn đề khác không liệt kê ở đây (chỉ hiện 200 vấn đề đầu tiên)" in html
