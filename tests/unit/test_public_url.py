"""Absolute URLs come from PUBLIC_BASE_URL, never from the Host header (issue 15: Host header poisoning)."""

from __future__ import annotations

import json

import pytest

from tests.callbacks import call

EVIL = {"Host": "evil.example"}


def _page(client, path: str, *, headers: dict | None = None):
    client.environ_base.update({"HTTP_HOST": (headers or {}).get("Host", "localhost")})
    return call(
        client,
        output_prefix="_pages_content",
        inputs={"_pages_location.pathname": path, "_pages_location.search": ""},
    )


@pytest.mark.parametrize(
    ("path", "needle"), [("/don-vi/525", "/nhung/don-vi/525"), ("/giay-phep", "/du-lieu")]
)
def test_a_forged_host_never_reaches_the_next_visitor(app, client, path, needle):
    base = app.server.config["DASHBOARD_SETTINGS"].public_base_url
    for _ in range(8):
        poisoned = _page(client, path, headers=EVIL)
        assert b"evil.example" not in poisoned.data
    normal = _page(app.server.test_client(), path)
    assert normal.status_code == 200
    assert b"evil.example" not in normal.data
    assert base + needle in json.dumps(normal.get_json())  # Dash writes '/' as \u002f


def test_json_downloads_cite_the_public_address(app, client):
    base = app.server.config["DASHBOARD_SETTINGS"].public_base_url
    for url in ("/api/v1/observations.json?year=2022&zz=1", "/api/v1/units.json", "/api/v1/datapackage.json"):
        response = client.get(url, headers=EVIL)
        assert response.status_code == 200, url
        assert b"evil.example" not in response.data, url
        assert "evil.example" not in response.headers.get("X-Citation", ""), url
        assert base in response.get_data(as_text=True), url
    metadata = json.loads(client.get("/api/v1/observations.json?year=2022&zz=1", headers=EVIL).data)[
        "metadata"
    ]
    assert metadata["url"] == f"{base}/api/v1/observations.json?year=2022"
    assert metadata["licence_url"].startswith(base)


def test_trusted_hosts_refuse_another_host(app, client, monkeypatch):
    monkeypatch.setitem(app.server.config, "TRUSTED_HOSTS", ["dashboard.example"])
    assert client.get("/health", headers=EVIL).status_code == 400
    assert client.get("/health", headers={"Host": "dashboard.example"}).status_code == 200


def test_the_public_address_must_be_http():
    from dashboard.config import Settings

    assert (
        Settings.from_env({"PUBLIC_BASE_URL": "https://qn.example/"}).public_base_url == "https://qn.example"
    )
    with pytest.raises(ValueError, match="PUBLIC_BASE_URL"):
        Settings.from_env({"PUBLIC_BASE_URL": "javascript:alert(1)"})
