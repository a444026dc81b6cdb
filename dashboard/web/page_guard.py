"""Page requests that Dash would answer wrongly: unknown paths, repeated query keys, Unicode digits.

Dash serves its page shell with 200 for any path (the router then shows the not-found page) and hands a
repeated query key (`?year=2020&year=2021`, which links and forms produce) to the page's layout as a
list, which the layouts cannot take. Here an unknown path answers 404 (still with the shell, so the
visitor sees the not-found page), the first value of a repeated key wins, and a value with non-ASCII
digits (`२०२०`, which `str.isdigit` and `int` accept) counts as absent. Imports nothing of ours: which
paths are pages (a unit's profile only for a unit that exists) is asked of the caller's `known`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import dash
import flask
from dash.exceptions import DependencyException

# Dash's endpoints that answer with the page shell for any path.
_SHELL_ENDPOINTS = ("/", "/<path:path>")


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


def install(server: flask.Flask, *, known: Callable[[str], bool]) -> None:
    """404 for paths `known` says are no page, for component-suite paths outside a package."""

    @server.after_request
    def unknown_page_is_404(response: flask.Response) -> flask.Response:
        rule = flask.request.url_rule
        if (
            response.status_code == 200
            and rule is not None
            and rule.endpoint in _SHELL_ENDPOINTS
            and not known(flask.request.path)
        ):
            response.status_code = 404
            response.headers["Cache-Control"] = "no-store"
        return response

    @server.errorhandler(DependencyException)
    def unknown_dependency(_error: DependencyException) -> flask.Response:
        # Dash raises this for unregistered packages and paths outside a package's resources.
        return flask.Response("not found", status=404, mimetype="text/plain")
