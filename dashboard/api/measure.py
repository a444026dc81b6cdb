"""What a download will be before it is downloaded: its size in bytes and its number of rows, measured by
answering the download's own URL in-process (the same bytes the link gives; the answer is then kept by the
download memo, so the click that follows is served at once)."""

from __future__ import annotations

import csv
import io

import flask


def measured(path: str) -> tuple[int, int | None]:
    """(bytes, data rows) of the download at `path` (an /api/v1 path with its query); rows only for CSV."""
    app = flask.current_app
    with app.test_request_context(path):
        request = flask.request
        response = app.ensure_sync(app.view_functions[request.url_rule.endpoint])(**request.view_args)
        body = b"".join(response.response) if response.status_code == 200 else b""
        if response.status_code == 200:
            app.process_response(response)  # kept by the download memo like any other answer
    if not body:
        return 0, None
    if not path.split("?", 1)[0].endswith(".csv"):
        return len(body), None
    rows = sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8-sig")))) - 1
    return len(body), rows
