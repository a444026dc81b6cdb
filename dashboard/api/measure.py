"""What a download will be before it is downloaded: its size in bytes and its number of rows, measured by
answering the download's own URL in-process (the same bytes the link gives)."""

from __future__ import annotations

import csv
import io

import flask


def measured(path: str) -> tuple[int, int | None]:
    """(bytes, data rows) of the download at `path` (an /api/v1 path with its query); rows only for CSV."""
    app = flask.current_app
    # Inside the asking request (its admission slot covers this work), but without the after-request
    # hooks: the response memos file an answer under the key the asking request's lookup left in
    # `flask.g`, and a download answered here was once filed as the answer to the callback that asked for
    # its size. The click that follows is answered, and kept, as any download is.
    with app.test_request_context(path):
        request = flask.request
        response = app.ensure_sync(app.view_functions[request.url_rule.endpoint])(**request.view_args)
        body = b"".join(response.iter_encoded()) if response.status_code == 200 else b""
        response.close()
    if not body:
        return 0, None
    if not path.split("?", 1)[0].endswith(".csv"):
        return len(body), None
    rows = sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8-sig")))) - 1
    return len(body), rows
