"""Undocumented is a failing test, for the routes the session app serves under /api/v1 (the commands and
settings: tests/pure/project/test_docs.py)."""

from __future__ import annotations

import re

import flask

from dashboard.api import downloads
from tests.pure.project.test_docs import DOCS


def _routes(server: flask.Flask) -> list[str]:
    return sorted(
        rule.rule for rule in server.url_map.iter_rules() if rule.endpoint.startswith("api.")
        and server.view_functions[rule.endpoint] is not downloads.unknown  # the JSON 404 for anything else
    )  # fmt: skip


def test_every_api_route_is_documented(app):
    routes = _routes(app.server)
    assert "/api/v1/datapackage.json" in routes and "/api/v1/corrections.<fmt>" in routes
    # A variable part (<fmt>, <vintage>) stands for whatever the docs write there: {csv,xlsx,json}, <vintage>.
    patterns = {rule: r"[^\s`|]+".join(map(re.escape, re.split(r"<[^>]+>", rule))) for rule in routes}
    assert [rule for rule, pattern in patterns.items() if not re.search(pattern, DOCS)] == []
