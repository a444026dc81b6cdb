"""The API described: /api/v1/openapi.json is a valid OpenAPI 3.1 document whose paths are exactly the
routes served under /api/v1 and /feeds (both directions), and /du-lieu lists them from it."""

from __future__ import annotations

import re

import pytest

from dashboard.api import exports

PREFIXES = ("/api/v1", "/feeds")
CATCH_ALL = "api.unknown"  # the JSON 404 of anything else under /api/v1: not an endpoint to describe


@pytest.fixture(scope="module")
def described(app) -> dict:
    return app.server.test_client().get("/api/v1/openapi.json").get_json()


def test_the_document_is_valid_openapi_3_1(described) -> None:
    from openapi_spec_validator import validate

    assert described["openapi"] == "3.1.0"
    validate(described)


def _example(path: str, operation: dict) -> str:
    """A concrete URL of a documented path: each path parameter replaced by one of its values."""
    for parameter in operation["get"]["parameters"]:
        if parameter["in"] == "path":
            value = (parameter["schema"].get("enum") or ["x-1"])[0]
            path = path.replace("{" + parameter["name"] + "}", value)
    return path


def test_every_documented_path_is_a_route_that_exists(app, described) -> None:
    adapter = app.server.url_map.bind("localhost")
    for path, operation in described["paths"].items():
        for parameter in operation["get"]["parameters"]:
            if parameter["in"] == "path":
                for value in parameter["schema"].get("enum") or ["x-1"]:
                    url = path.replace("{" + parameter["name"] + "}", value)
                    endpoint, _ = adapter.match(_example(url, operation), method="GET")
                    assert endpoint != CATCH_ALL, url
        endpoint, _ = adapter.match(_example(path, operation), method="GET")
        assert endpoint != CATCH_ALL and not endpoint.startswith("/"), path


def test_every_route_is_documented(app, described) -> None:
    adapter = app.server.url_map.bind("localhost")
    documented = set()
    for path, operation in described["paths"].items():
        documented.add(adapter.match(_example(path, operation), method="GET")[0])
    served = {
        rule.endpoint
        for rule in app.server.url_map.iter_rules()
        if rule.rule.startswith(PREFIXES) and rule.endpoint != CATCH_ALL and "GET" in rule.methods
    }
    assert served == documented
    # The generic download route is documented once per resource it serves.
    matches = (re.match(r"^/api/v1/([a-z_-]+)\.\{format\}$", p) for p in described["paths"])
    assert set(exports.RESOURCES) <= {m.group(1) for m in matches if m}


def test_observation_filters_are_documented(described) -> None:
    parameters = described["paths"]["/api/v1/observations.{format}"]["get"]["parameters"]
    assert {p["name"] for p in parameters} == {
        "format", "year", "from", "to", "index", "indicator", "sub", "group", "units", "dataset", "lang"
    }  # fmt: skip
    formats = next(p for p in parameters if p["name"] == "format")["schema"]["enum"]
    assert formats == ["csv", "xlsx", "json"]


def test_data_page_lists_every_endpoint_from_the_document(app, described) -> None:
    from tests.database.pages.test_data_pages import _render, _text

    english = app.server.test_client().get("/api/v1/openapi.json?lang=en").get_json()
    text = _text(_render(app, "data", "en"))
    for path, operation in english["paths"].items():
        assert path in text and operation["get"]["summary"] in text, path
    assert "OpenAPI 3.1" in text and described["info"]["title"] != english["info"]["title"]
