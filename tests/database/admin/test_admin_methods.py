"""Publishing an index set through /quan-tri: behind the sign-in and CSRF walls, the templates to download,
upload -> preview (the set as the methodology page will show it, nothing stored) -> publish, refusals
with row and column, every step in the audit log."""

from __future__ import annotations

import io
import re

import pytest

from dashboard.admin import audit
from dashboard.config import REPO_ROOT
from dashboard.db.index_sets import read_index_sets
from tests.database.admin.test_admin import _sign_in, _token, engine, server  # noqa: F401 (fixtures)
from tests.database.ingest.test_importer import snapshot

TEMPLATE = REPO_ROOT / "data" / "templates" / "bo-chi-so-mau.csv"
FIELDS = {
    "code": "qn-dti-2025-qd123",
    "name_vi": "Bộ chỉ số chuyển đổi số 2025",
    "issuer": "UBND tỉnh Quảng Ngãi",
    "document": "Quyết định số 123/QĐ-UBND ngày 15/3/2026",
    "source_url": "https://quangngai.gov.vn/van-ban/123",
    "first_year": "2025",
}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/quan-tri/bo-chi-so"),
        ("POST", "/quan-tri/bo-chi-so"),
        ("POST", "/quan-tri/bo-chi-so/cong-bo"),
        ("GET", "/quan-tri/mau/bo-chi-so-mau.csv"),
    ],
)
def test_without_a_session_every_route_goes_to_the_sign_in_page(server, method, path):  # noqa: F811
    response = server.test_client().open(path, method=method)
    assert response.status_code == 302 and response.headers["Location"].startswith("/quan-tri/dang-nhap")


def _upload(client, data: bytes, name: str = "bo-chi-so.csv", **fields: str):
    token = _token(client.get("/quan-tri/bo-chi-so").get_data(as_text=True))
    form = {"csrf_token": token, **FIELDS, **fields, "file": (io.BytesIO(data), name)}
    return client.post("/quan-tri/bo-chi-so", data=form, content_type="multipart/form-data")


def _data(database) -> dict:
    """Everything but the audit log (which records the preview itself)."""
    return {name: rows for name, rows in snapshot(database).items() if name != "audit_log"}


def _publish_fields(html: str) -> dict[str, str]:
    form = html[html.index('action="/quan-tri/bo-chi-so/cong-bo') :]
    return dict(re.findall(r'name="([a-z_0-9]+)" type="hidden" value="([^"]*)"', form))


def test_a_post_without_its_token_is_refused(server, engine):  # noqa: F811
    client = server.test_client()
    _sign_in(client)
    before = snapshot(engine)
    form = {**FIELDS, "file": (io.BytesIO(TEMPLATE.read_bytes()), "bo-chi-so.csv")}
    assert (
        client.post("/quan-tri/bo-chi-so", data=form, content_type="multipart/form-data").status_code == 400
    )
    assert snapshot(engine) == before


def test_the_templates_are_linked_and_served(server):  # noqa: F811
    client = server.test_client()
    _sign_in(client)
    page = client.get("/quan-tri/bo-chi-so").get_data(as_text=True)
    assert (
        'href="/quan-tri/mau/bo-chi-so-mau.csv"' in page and 'href="/quan-tri/mau/bo-chi-so-mau.xlsx"' in page
    )
    assert 'href="/quan-tri/bo-chi-so?lang=vi"' in client.get("/quan-tri/nhap-du-lieu").get_data(as_text=True)
    served = client.get("/quan-tri/mau/bo-chi-so-mau.csv")
    assert served.status_code == 200 and served.data == TEMPLATE.read_bytes()
    assert client.get("/quan-tri/mau/..%2Fconfig.py").status_code == 404


def test_upload_preview_publish(server, engine):  # noqa: F811
    client = server.test_client()
    _sign_in(client)
    before = _data(engine)
    preview = _upload(client, TEMPLATE.read_bytes())
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200, html
    assert "Bộ chỉ số chuyển đổi số 2025 (2025–…)" in html
    assert "UBND tỉnh Quảng Ngãi, 123/QĐ-UBND, 2026-03-15" in html
    assert "Tối đa – Sở, ban, ngành không có thủ tục hành chính" in html
    assert (
        '<td class="text-end">Điểm (tối đa 1.000)</td><td class="text-end">Điểm (tối đa 1.000)</td>' in html
    )
    assert "Mức 4 ≥ 75 %, Mức 3 ≥ 50 %, Mức 2 ≥ 25 %, Mức 1 ≥ 0 %" in html
    assert _data(engine) == before, "a preview stores nothing"
    published = client.post("/quan-tri/bo-chi-so/cong-bo", data=_publish_fields(html))
    assert published.status_code == 200, published.get_data(as_text=True)
    assert "Bộ chỉ số qn-dti-2025-qd123: 11 chỉ số đã lưu" in published.get_data(as_text=True)
    with engine.connect() as connection:
        found = read_index_sets(connection)["qn-dti-2025-qd123"]
    assert found.maximum("MAU_TONG", "so-khong-tthc") == 800.0 and found.first_year == 2025
    actions = [(e["action"], e["outcome"], e["detail"]) for e in audit.entries(engine)]
    assert ("preview", "ok", "index set qn-dti-2025-qd123") in actions
    assert ("publish", "ok", "index set qn-dti-2025-qd123: 11 indices, 0 correction(s)") in actions


def test_a_bad_file_shows_its_problems_and_cannot_be_published(server, engine):  # noqa: F811
    client = server.test_client()
    _sign_in(client)
    before = _data(engine)
    bad = TEMPLATE.read_text(encoding="utf-8").replace("index,MAU_XA_HOI,MAU_TONG", "index,MAU_XA_HOI,MAU_X")
    html = _upload(client, bad.encode("utf-8")).get_data(as_text=True)
    assert (
        "<td>15</td><td>parent_code</td><td>MAU_X</td><td>no index has this code [unknown-parent]</td>"
        in html
    )
    assert 'action="/quan-tri/bo-chi-so/cong-bo' not in html
    assert _data(engine) == before
    entries = [(e["action"], e["outcome"], e["detail"]) for e in audit.entries(engine)]
    assert ("preview", "refused", "index set: 1 problem(s)") in entries
