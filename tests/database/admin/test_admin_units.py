"""Publishing unit changes through /quan-tri: behind the sign-in and CSRF walls, the templates to download,
upload -> preview (every change as it will be stored, nothing stored) -> publish, refusals with row and
column, every step in the audit log; and an annex naming units the catalogue lacks, mapped to a near unit
or added, in the same publish."""

from __future__ import annotations

import io
import re

import pytest

from dashboard.admin import audit
from dashboard.config import REPO_ROOT
from tests.database.admin.test_admin import ANNEX, _sign_in, _token, engine, server  # noqa: F401 (fixtures)
from tests.database.admin.test_admin import _upload as upload_annex
from tests.database.ingest.test_importer import snapshot

TEMPLATE = REPO_ROOT / "data" / "templates" / "don-vi-mau.csv"


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/quan-tri/don-vi"), ("POST", "/quan-tri/don-vi"), ("POST", "/quan-tri/don-vi/cong-bo")],
)
def test_without_a_session_every_route_goes_to_the_sign_in_page(server, method, path):  # noqa: F811
    response = server.test_client().open(path, method=method)
    assert response.status_code == 302 and response.headers["Location"].startswith("/quan-tri/dang-nhap")


def _upload(client, data: bytes, name: str = "don-vi.csv"):
    token = _token(client.get("/quan-tri/don-vi").get_data(as_text=True))
    form = {"csrf_token": token, "file": (io.BytesIO(data), name)}
    return client.post("/quan-tri/don-vi", data=form, content_type="multipart/form-data")


def _data(database) -> dict:
    """Everything but the audit log (which records the preview itself)."""
    return {name: rows for name, rows in snapshot(database).items() if name != "audit_log"}


def test_the_templates_are_linked_and_served(server):  # noqa: F811
    client = server.test_client()
    _sign_in(client)
    page = client.get("/quan-tri/don-vi").get_data(as_text=True)
    assert 'href="/quan-tri/mau/don-vi-mau.csv"' in page and 'href="/quan-tri/mau/don-vi-mau.xlsx"' in page
    assert 'href="/quan-tri/don-vi?lang=vi"' in client.get("/quan-tri/nhap-du-lieu").get_data(as_text=True)
    served = client.get("/quan-tri/mau/don-vi-mau.csv")
    assert served.status_code == 200 and served.data == TEMPLATE.read_bytes()


def test_a_post_without_its_token_is_refused(server, engine):  # noqa: F811
    client = server.test_client()
    _sign_in(client)
    before = snapshot(engine)
    form = {"file": (io.BytesIO(TEMPLATE.read_bytes()), "don-vi.csv")}
    assert client.post("/quan-tri/don-vi", data=form, content_type="multipart/form-data").status_code == 400
    assert snapshot(engine) == before


def test_upload_preview_publish(server, engine):  # noqa: F811
    client = server.test_client()
    _sign_in(client)
    before = _data(engine)
    preview = _upload(client, TEMPLATE.read_bytes())
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200, html
    assert "<td>4</td><td>Đổi tên</td><td>so-vi-du-a</td><td>–</td><td>Sở Ví dụ A đổi tên (mẫu)</td>" in html
    assert "<td>Tên gọi khác</td><td>21484</td><td>Xã Ba Tơ</td><td>UBND xã Ba Tơ</td>" in html
    assert _data(engine) == before, "a preview stores nothing"
    form = html[html.index('action="/quan-tri/don-vi/cong-bo') :]
    fields = dict(re.findall(r'name="([a-z_]+)" type="hidden" value="([^"]*)"', form))
    published = client.post("/quan-tri/don-vi/cong-bo", data=fields)
    assert published.status_code == 200, published.get_data(as_text=True)
    assert "Đã lưu 6 thay đổi đơn vị" in published.get_data(as_text=True)
    assert _data(engine)["unit_changes"] != before["unit_changes"]
    actions = [(e["action"], e["outcome"], e["detail"]) for e in audit.entries(engine)]
    assert ("preview", "ok", "units: 6 change(s)") in actions
    assert ("publish", "ok", "units: 6 change(s)") in actions
    again = client.post("/quan-tri/don-vi/cong-bo", data=fields)  # the same file twice: codes reused
    assert again.status_code == 400 and "code already used by" in again.get_data(as_text=True)


def test_a_bad_file_shows_its_problems_and_cannot_be_published(server, engine):  # noqa: F811
    client = server.test_client()
    _sign_in(client)
    before = _data(engine)
    bad = TEMPLATE.read_text(encoding="utf-8").replace("so-vi-du-a;so-vi-du-b", "so-vi-du-a;so-khong-co")
    html = _upload(client, bad.encode("utf-8")).get_data(as_text=True)
    assert (
        "<td>5</td><td>from_codes</td><td>so-khong-co</td><td>no unit has this code [unknown-unit]</td>"
        in html
    )
    assert 'action="/quan-tri/don-vi/cong-bo' not in html
    assert _data(engine) == before
    entries = [(e["action"], e["outcome"], e["detail"]) for e in audit.entries(engine)]
    # The merge's row, and the row ending the unit it would have formed.
    assert ("preview", "refused", "units: 2 problem(s)") in entries


def test_an_unknown_unit_in_an_annex_is_mapped_or_added_in_the_same_publish(server, engine):  # noqa: F811
    client = server.test_client()
    _sign_in(client)
    annex = ANNEX.read_text(encoding="utf-8")
    annex = annex.replace(",Ban Dân tộc,", ",Cục Thuế tỉnh Quảng Ngãi,", 1).replace(
        ",Sở Nội vụ,", ",Sở Nội vụ QN,", 1
    )
    before = _data(engine)
    html = upload_annex(
        client, annex.encode("utf-8"), "phu-luc.csv", replaces="illustrative-readiness-2024"
    ).get_data(as_text=True)
    assert "Tên đơn vị chưa có trong danh mục: 2" in html, html
    assert '<option value="alias:so-noi-vu">Tên gọi khác của Sở Nội vụ (so-noi-vu)</option>' in html
    assert 'action="/quan-tri/cong-bo' not in html, "never silently: nothing to publish until chosen"
    form = html[html.index('id="unknown-units"') :]
    fields = dict(re.findall(r'name="([a-z_]+)" type="hidden" value="([^"]*)"', form))
    fields.pop("unknown_name", None)
    choices = {
        **fields,
        "unknown_name": ["Cục Thuế tỉnh Quảng Ngãi", "Sở Nội vụ QN"],
        "unknown_choice": ["add:department", "alias:so-noi-vu"],
    }
    rechecked = client.post("/quan-tri/nhap-du-lieu/don-vi", data=choices).get_data(as_text=True)
    assert "Lỗi: 0;" in rechecked, rechecked
    assert "Thay đổi đơn vị sẽ lưu cùng phụ lục: 2" in rechecked
    assert _data(engine) == before, "a preview stores nothing, the chosen units neither"
    publish = rechecked[rechecked.index('action="/quan-tri/cong-bo') :]
    published = client.post(
        "/quan-tri/cong-bo", data=dict(re.findall(r'name="([a-z_]+)" type="hidden" value="([^"]*)"', publish))
    )
    assert published.status_code == 200, published.get_data(as_text=True)
    stored = _data(engine)
    units = {row[0]: row for row in stored["units"]}
    assert units["cuc-thue-tinh-quang-ngai"][3] == "Cục Thuế tỉnh Quảng Ngãi"
    assert ("so-noi-vu", "Sở Nội vụ QN") in stored["unit_aliases"]
