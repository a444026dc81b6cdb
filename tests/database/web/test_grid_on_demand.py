"""AG Grid's bundle is not among any page's scripts; grid pages preload it; Dash still serves it."""

from __future__ import annotations

import re

import pytest

BUNDLE = "/_dash-component-suites/dash_ag_grid/dash_ag_grid.min.js"


def scripts(body: str) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', body)


@pytest.mark.parametrize("path", ["/", "/don-vi/525", "/so-sanh?units=522,525", "/xep-hang"])
def test_no_page_lists_the_grid_bundle_but_all_carry_its_loader(client, path):
    listed = scripts(client.get(path).get_data(as_text=True))
    assert not [src for src in listed if "dash_ag_grid" in src]
    assert [src for src in listed if src.startswith("/assets/grid-loader.js")]


@pytest.mark.parametrize(
    ("path", "preloaded"), [("/", False), ("/xep-hang", True), ("/ca-nuoc?lang=en", True)]
)
def test_only_grid_pages_preload_the_bundle(client, path, preloaded):
    body = client.get(path).get_data(as_text=True)
    assert (f'<link rel="preload" as="script" href="{BUNDLE}">' in body) is preloaded


def test_the_bundle_is_still_served(client):
    response = client.get(BUNDLE)
    assert response.status_code == 200 and b"dash_ag_grid" in response.get_data()
