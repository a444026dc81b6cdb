"""Page requests that Dash would answer wrongly: unknown paths, repeated query keys, Unicode digits.

Dash serves its page shell with 200 for any path (the router then shows the not-found page) and hands a
repeated query key (`?year=2020&year=2021`, which links and forms produce) to the page's layout as a
list, which the layouts cannot take. Here an unknown path answers 404 (still with the shell, so the
visitor sees the not-found page), the first value of a repeated key wins, and a value with non-ASCII
digits (`२०२०`, which `str.isdigit` and `int` accept) counts as absent. Imports nothing of ours.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import dash
import flask
from dash import _pages
from dash.exceptions import DependencyException

_NOT_FOUND_MODULE = "not_found_404"
# Dash's endpoints that answer with the page shell for any path.
_SHELL_ENDPOINTS = ("/", "/<path:path>")


def is_known_page(path: str) -> bool:
    """True when Dash's page router finds a registered page (not the not-found page) for `path`."""
    page, _ = _pages._path_to_page(path.strip("/"))
    return bool(page) and not page["module"].endswith(_NOT_FOUND_MODULE)


def clean_query_value(value: Any) -> str | None:
    """The first value of a repeated key; None for a value with digits other than 0-9."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str) and any(c.isdigit() and not c.isascii() for c in value):
        return None
    return value


def _first_values(layout: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(layout)
    def wrapper(**query: Any) -> Any:
        cleaned = {key: clean_query_value(value) for key, value in query.items()}
        return layout(**{key: value for key, value in cleaned.items() if value is not None})

    wrapper.query_cleaned = True
    return wrapper


def clean_page_queries() -> None:
    """Wrap every registered page layout so that it only ever sees one ASCII-clean string per key."""
    for page in dash.page_registry.values():
        layout = page.get("layout")
        if callable(layout) and not getattr(layout, "query_cleaned", False):
            page["layout"] = _first_values(layout)


def install(server: flask.Flask) -> None:
    """404 for unknown pages, for component-suite paths outside a package, for GETs of the callback URL."""

    @server.after_request
    def unknown_page_is_404(response: flask.Response) -> flask.Response:
        rule = flask.request.url_rule
        if (
            response.status_code == 200
            and rule is not None
            and rule.endpoint in _SHELL_ENDPOINTS
            and not is_known_page(flask.request.path)
        ):
            response.status_code = 404
            response.headers["Cache-Control"] = "no-store"
        return response

    @server.errorhandler(DependencyException)
    def unknown_dependency(_error: DependencyException) -> flask.Response:
        # Dash raises this for unregistered packages and paths outside a package's resources.
        return flask.Response("not found", status=404, mimetype="text/plain")
