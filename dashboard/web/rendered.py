"""Finished responses kept per process, keyed by the data version and the whole request.

Used for Dash callbacks and for the open-data downloads. Both answer purely from their request (method,
path, query, body, accepted encoding) and the data: no cookies, sessions or per-user state. So a request
seen before under the same data version gets the earlier bytes, already serialised and compressed,
without running the callback or the query again. An import changes the data version, which is part of
every key, so every worker stops serving the old answers at once. Bodies over `max_body` (large
exports) stream as before and are not kept; conditional requests go to the view, which answers 304.

A callback request is looked up only once its values pass the callback's own rules (validation.py), so
a request the callback would refuse still touches no data.

The version looked up with is the one PostgreSQL pushes to each worker (versions.py), so a repeated request
costs no database round trip; without it (SQLite, or the listener reconnecting) it is read per request.

May import: queries, validation, versions. Used by create_app (callbacks) and api (downloads).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import flask

from dashboard import queries
from dashboard.db import versions
from dashboard.web import validation

# Headers that belong to one response only; everything else (type, encoding, ETag, citation...) is kept.
_NOT_KEPT = {"date", "content-length", "set-cookie"}


@dataclass(frozen=True)
class _Stored:
    headers: tuple[tuple[str, str], ...]
    body: bytes


class ResponseMemo:
    """A per-process LRU of finished 200 responses; `lookup` before the view, `keep` after it."""

    def __init__(self, name: str, *, max_entries: int = 512, max_body: int = 2_000_000) -> None:
        self._flag = f"_rendered_key_{name}"
        self._max_entries = max_entries
        self._max_body = max_body
        self._entries: OrderedDict[tuple, _Stored] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _request_key() -> tuple:
        request = flask.request
        return (
            request.method,
            request.full_path,
            hashlib.blake2b(request.get_data(cache=True), digest_size=16).digest(),
            request.accept_encodings.quality("gzip") > 0,
        )

    def lookup(self) -> flask.Response | None:
        """The stored answer to this request, or None (and this request's answer will be kept)."""
        request = flask.request
        if request.if_none_match or request.if_modified_since:
            return None
        version = versions.watch.current(queries.engine()) or queries.data_version()
        request_key = self._request_key()
        key = (version, *request_key)
        with self._lock:
            stored = self._entries.get(key)
            if stored is not None:
                self._entries.move_to_end(key)
        if stored is None:
            setattr(flask.g, self._flag, (version, request_key))
            return None
        return flask.Response(stored.body, status=200, headers=list(stored.headers))

    def keep(self, response: flask.Response) -> flask.Response:
        """Remember a finished 200 response to a request that `lookup` missed (streamed ones as they go)."""
        missed = flask.g.pop(self._flag, None)
        if missed is None or response.status_code != 200:
            return response
        # Filed under the version the answer was read at (the request's snapshot), which can be newer than
        # the pushed one looked up with if an import committed a moment ago.
        looked_up, request_key = missed
        key = (flask.g.get("data_version", looked_up), *request_key)
        headers = tuple((k, v) for k, v in response.headers.items() if k.lower() not in _NOT_KEPT)
        if response.is_streamed:
            response.response = self._tee(key, headers, response.response)
        else:
            self._store(key, _Stored(headers, response.get_data()))
        return response

    def _tee(self, key: tuple, headers: tuple, chunks: Iterable[bytes | str]) -> Iterator[bytes]:
        kept: list[bytes] | None = []
        size = 0
        for chunk in chunks:
            data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
            if kept is not None:
                size += len(data)
                if size <= self._max_body:
                    kept.append(data)
                else:
                    kept = None
            yield data
        if kept is not None:
            self._store(key, _Stored(headers, b"".join(kept)))

    def _store(self, key: tuple, stored: _Stored) -> None:
        if len(stored.body) > self._max_body:
            return
        with self._lock:
            self._entries[key] = stored
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def install_for_callbacks(app) -> ResponseMemo:
    """Keep Dash callback answers. Register before the hooks that compress and add headers, so that
    `keep` runs after them (Flask runs after-request hooks in reverse order) and stores the final bytes."""
    memo = ResponseMemo("callbacks")
    path = app.config.routes_pathname_prefix + "_dash-update-component"

    @app.server.before_request
    def callback_lookup() -> flask.Response | None:
        if flask.request.path != path or flask.request.method != "POST":
            return None
        payload = flask.request.get_json(silent=True)
        return memo.lookup() if validation.inputs_pass_their_rules(app.callback_map, payload) else None

    @app.server.after_request
    def callback_keep(response: flask.Response) -> flask.Response:
        return memo.keep(response)

    return memo
