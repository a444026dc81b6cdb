"""Corrections as open data: /api/v1/corrections.csv and .json (every replace: date, document, unit,
indicator, old -> new), and the officer's guide to publishing. Routed in dashboard/api/__init__.py.

May import: queries, api, csv_output. Must not import: ingest, pages.
"""

from __future__ import annotations

import functools

import flask
import pandas as pd
from markdown_it import MarkdownIt

from dashboard import csv_output
from dashboard.api.errors import ApiError
from dashboard.config import REPO_ROOT
from dashboard.queries import corrections as queries_corrections

FORMATS = ("csv", "json")


def _records(frame: pd.DataFrame) -> list[dict]:
    frame = frame.copy()
    frame["corrected_at"] = pd.to_datetime(frame["corrected_at"], utc=True).dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def corrections(fmt: str) -> flask.Response:
    """The whole corrections record, as CSV (UTF-8 with BOM, for Excel) or JSON."""
    if fmt not in FORMATS:
        raise ApiError(404, "api.error.format", resource="corrections", fmt=fmt, known=", ".join(FORMATS))
    records = _records(queries_corrections.corrections())
    if fmt == "json":
        return flask.jsonify({"corrections": records})
    columns = queries_corrections.COLUMNS
    body = csv_output.document(columns, ([record[name] for name in columns] for record in records))
    response = flask.Response(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = "attachment; filename=corrections.csv"
    return response


GUIDE = REPO_ROOT / "docs" / "huong-dan-cong-bo.md"


@functools.cache
def _guide_html() -> str:
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(GUIDE.read_text(encoding="utf-8"))
    return (
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Hướng dẫn công bố kết quả</title>"
        # No site icon: the browser would otherwise ask for /favicon.ico, which this app does not serve.
        "<link rel='icon' href='data:,'>"
        "<link rel='stylesheet' href='/assets/vendor/bootstrap.min.css'></head>"
        f"<body><main class='container my-4' style='max-width:50rem'>{body}</main></body></html>"
    )


def guide() -> flask.Response:
    """The officer's guide to publishing results (docs/huong-dan-cong-bo.md), as a page."""
    return flask.Response(_guide_html(), mimetype="text/html")
