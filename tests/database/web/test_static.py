"""Static files go out compressed once (gzip now, brotli made in the background) and keep their 304s."""

from __future__ import annotations

import gzip
import time

import brotli

from dashboard import queries

BUNDLE = "/_dash-component-suites/plotly/package_data/plotly.min.js"


def test_bundles_are_gzipped_when_accepted_and_plain_otherwise(client):
    plain = client.get(BUNDLE, headers={"Accept-Encoding": "identity"})
    zipped = client.get(BUNDLE, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert gzip.decompress(zipped.data) == plain.data
    assert zipped.headers["ETag"] == plain.headers["ETag"]  # one ETag names the content in any encoding
    assert client.get(BUNDLE, headers={"If-None-Match": zipped.headers["ETag"]}).status_code == 304


def test_brotli_copy_is_made_once_in_the_background_then_served(client, settings):
    first = client.get(BUNDLE, headers={"Accept-Encoding": "br, gzip"})
    assert first.headers["Content-Encoding"] in {"gzip", "br"}  # gzip until the brotli copy exists
    deadline = time.monotonic() + 60
    while not list((settings.instance_dir / "static-cache").glob("*.br")) and time.monotonic() < deadline:
        time.sleep(0.1)
    served = client.get(BUNDLE, headers={"Accept-Encoding": "br, gzip"})
    assert served.headers["Content-Encoding"] == "br"
    assert brotli.decompress(served.data) == client.get(BUNDLE, headers={"Accept-Encoding": "identity"}).data


def test_map_layers_are_compressed(client, app):
    with app.server.test_request_context("/"):
        url = queries.map_layer(2022).url
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data
    assert zipped.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_dash_json_is_brotli_where_accepted_else_gzipped(client):
    plain = client.get("/_dash-dependencies", headers={"Accept-Encoding": "identity"})
    zipped = client.get("/_dash-dependencies", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data
    smaller = client.get("/_dash-dependencies", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert smaller.headers["Content-Encoding"] == "br"
    assert brotli.decompress(smaller.data) == plain.data
    assert len(smaller.data) < len(zipped.data)


def test_page_html_is_gzipped_with_its_script_hashes_but_signed_in_pages_are_not(client):
    plain = client.get("/")
    zipped = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip"
    page = gzip.decompress(zipped.data).decode()
    assert page.startswith("<!DOCTYPE html>") and 'id="_dash-config"' in page
    assert len(zipped.data) < len(plain.data) / 2
    assert zipped.headers["Content-Security-Policy"] == plain.headers["Content-Security-Policy"]
    login = client.get("/quan-tri/dang-nhap", headers={"Accept-Encoding": "gzip"})
    assert login.status_code == 200 and login.mimetype == "text/html"
    assert "Content-Encoding" not in login.headers  # it carries a CSRF token (BREACH)
