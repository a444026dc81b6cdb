"""Absolute URLs come from PUBLIC_BASE_URL, or else from a trusted request host; never a forged Host."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from tests.support.callbacks import call

EVIL = {"Host": "evil.example"}
OTHER_PORT = "127.0.0.1:18123"


def _page(client, path: str, *, host: str = "localhost"):
    return call(
        client,
        output_prefix="_pages_content",
        inputs={"_pages_location.pathname": path, "_pages_location.search": ""},
        headers={"Host": host},
    )


@pytest.fixture
def public_base(app, monkeypatch):
    """The session app with PUBLIC_BASE_URL set, for one test."""
    settings = app.server.config["DASHBOARD_SETTINGS"]
    base = "https://cntt.quangngai.example"
    monkeypatch.setitem(
        app.server.config, "DASHBOARD_SETTINGS", dataclasses.replace(settings, public_base_url=base)
    )
    return base


@pytest.mark.parametrize(
    ("path", "needle"), [("/don-vi/525", "/nhung/don-vi/525"), ("/giay-phep", "/du-lieu")]
)
def test_a_forged_host_never_reaches_the_next_visitor(app, client, path, needle):
    for _ in range(8):
        poisoned = _page(client, path, host="evil.example")
        assert poisoned.status_code == 200
        assert b"evil.example" not in poisoned.data
    normal = _page(app.server.test_client(), path)
    assert normal.status_code == 200
    assert b"evil.example" not in normal.data
    assert "http://localhost" + needle in json.dumps(normal.get_json())  # Dash writes '/' as \u002f


@pytest.mark.parametrize(("path", "needle"), [("/don-vi/525", "/nhung/don-vi/525"), ("/du-lieu", "/du-lieu")])
def test_served_on_another_port_the_embed_code_and_citation_carry_that_port(app, path, needle):
    answer = json.dumps(_page(app.server.test_client(), path, host=OTHER_PORT).get_json())
    assert f"http://{OTHER_PORT}{needle}" in answer
    assert "127.0.0.1:8050" not in answer


def test_link_previews_carry_the_trusted_address_of_the_page(client):
    body = client.get("/xep-hang?lang=en", headers={"Host": OTHER_PORT}).get_data(as_text=True)
    url = f"http://{OTHER_PORT}/xep-hang?lang=en"
    assert f'<meta property="twitter:url" content="{url}">' in body
    assert f'<meta property="og:url" content="{url}">' in body
    forged = client.get("/xep-hang", headers=EVIL).get_data(as_text=True)
    assert "evil.example" not in forged
    assert '<meta property="twitter:url" content="/xep-hang">' in forged  # a path, never the forged host


def test_the_public_base_url_wins_over_any_host(client, public_base):
    body = client.get("/xep-hang", headers={"Host": OTHER_PORT}).get_data(as_text=True)
    assert f'<meta property="og:url" content="{public_base}/xep-hang">' in body
    answer = json.dumps(_page(client, "/don-vi/525", host="evil.example").get_json())
    assert public_base + "/nhung/don-vi/525" in answer and "evil.example" not in answer


def test_json_downloads_cite_the_public_address(client, public_base):
    for url in ("/api/v1/observations.json?year=2022&zz=1", "/api/v1/units.json", "/api/v1/datapackage.json"):
        response = client.get(url, headers=EVIL)
        assert response.status_code == 200, url
        assert b"evil.example" not in response.data, url
        assert "evil.example" not in response.headers.get("X-Citation", ""), url
        assert public_base in response.get_data(as_text=True), url
    metadata = json.loads(client.get("/api/v1/observations.json?year=2022&zz=1", headers=EVIL).data)[
        "metadata"
    ]
    assert metadata["url"] == f"{public_base}/api/v1/observations.json?year=2022"
    assert metadata["licence_url"].startswith(public_base)


def test_a_forged_host_gets_paths_not_its_own_name_in_downloads(client):
    response = client.get("/api/v1/datapackage.json", headers=EVIL)
    assert response.status_code == 200
    assert b"evil.example" not in response.data
    assert re.search(r'"path": ?"/api/v1/[a-z_]+\.csv"', response.get_data(as_text=True))


def test_trusted_hosts_refuse_another_host_and_name_the_trusted_one(app, client, monkeypatch):
    monkeypatch.setitem(app.server.config, "TRUSTED_HOSTS", ["dashboard.example"])
    assert client.get("/health", headers=EVIL).status_code == 400
    assert client.get("/health", headers={"Host": "dashboard.example"}).status_code == 200
    body = client.get("/xep-hang", headers={"Host": "dashboard.example:8443"}).get_data(as_text=True)
    assert '<meta property="twitter:url" content="http://dashboard.example:8443/xep-hang">' in body


def test_the_public_address_must_be_http():
    from dashboard.config import Settings

    assert (
        Settings.from_env({"PUBLIC_BASE_URL": "https://qn.example/"}).public_base_url == "https://qn.example"
    )
    assert Settings.from_env({}).public_base_url is None
    with pytest.raises(ValueError, match="PUBLIC_BASE_URL"):
        Settings.from_env({"PUBLIC_BASE_URL": "javascript:alert(1)"})
