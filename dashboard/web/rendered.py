"""Finished responses kept per process, keyed by the data version and the canonical request.

Used for Dash callbacks and for the open-data downloads. Both answer purely from their request and the
data: no cookies, sessions or per-user state. So a request seen before under the same data version gets
the earlier bytes, already serialised and compressed, without running the callback or the query again.
The key is what the answer depends on, not the raw request: a download's parsed parameters in a
canonical order (unknown ones dropped), a callback's output and input values (the body's key order,
extra keys and unknown changed ids dropped), so garbage cannot make every request new. An import
changes the data version, which is part of every key, so every worker stops serving the old answers at
once. Memory is bounded in bytes; downloads are also kept on disk, shared by the workers. Conditional
requests go to the view, which answers 304.

A callback request is looked up only once its values pass the callback's own rules (validation.py), so
a request the callback would refuse still touches no data.

The version looked up with is the one PostgreSQL pushes to each worker (versions.py), so a repeated request
costs no database round trip; without it (SQLite, or the listener reconnecting) it is read per request.

May import: queries, urls, validation, versions. Used by create_app (callbacks) and api (downloads).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import flask

from dashboard import queries, urls
from dashboard.db import versions
from dashboard.web import validation

log = logging.getLogger(__name__)

# Headers that belong to one response only; everything else (type, encoding, ETag, citation...) is kept.
_NOT_KEPT = {"date", "content-length", "set-cookie"}


@dataclass(frozen=True)
class _Stored:
    headers: tuple[tuple[str, str], ...]
    body: bytes


class ResponseMemo:
    """A per-process LRU of finished 200 responses, bounded in bytes; `lookup` before the view, `keep` after.

    With `disk_dir`, answers are also written there (one folder per data version, shared by every
    worker of the machine), so a full download is built once per data version, not once per worker,
    and bodies too big for memory are kept too.
    """

    def __init__(
        self,
        name: str,
        *,
        max_bytes: int = 64_000_000,
        max_body: int = 2_000_000,
        disk_dir: Path | None = None,
        max_disk_body: int = 64_000_000,
    ) -> None:
        self._flag = f"_rendered_key_{name}"
        self._max_bytes = max_bytes
        self._max_body = max_body
        self.disk_dir = disk_dir
        self._max_disk_body = max_disk_body
        self._entries: OrderedDict[tuple, _Stored] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """Bytes of the bodies kept in memory."""
        return self._size

    @staticmethod
    def _request_key() -> tuple:
        request = flask.request
        return (
            request.method,
            request.full_path,
            hashlib.blake2b(request.get_data(cache=True), digest_size=16).digest(),
        )

    def lookup(self, canonical: tuple | None = None) -> flask.Response | None:
        """The stored answer to this request, or None (and this request's answer will be kept).

        `canonical` names what the answer depends on (known parameters in a canonical order), so that
        garbage parameters and reordering find the same answer; by default the whole request does.
        """
        request = flask.request
        if request.if_none_match or request.if_modified_since:
            return None
        version = versions.watch.current(queries.engine()) or queries.data_version()
        request_key = (
            *(self._request_key() if canonical is None else canonical),
            tuple(e for e in ("br", "gzip") if request.accept_encodings.quality(e) > 0),  # as compressed
            urls.origin(),  # answers may hold absolute URLs: each trusted host gets its own
        )
        key = (version, *request_key)
        with self._lock:
            stored = self._entries.get(key)
            if stored is not None:
                self._entries.move_to_end(key)
        if stored is None and self.disk_dir is not None:
            stored = self._read_disk(key)
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
        limit = self._max_disk_body if self.disk_dir is not None else self._max_body
        kept: list[bytes] | None = []
        size = 0
        for chunk in chunks:
            data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
            if kept is not None:
                size += len(data)
                if size <= limit:
                    kept.append(data)
                else:
                    kept = None
            yield data
        if kept is not None:
            self._store(key, _Stored(headers, b"".join(kept)))

    def _store(self, key: tuple, stored: _Stored) -> None:
        if self.disk_dir is not None and len(stored.body) <= self._max_disk_body:
            self._write_disk(key, stored)
        self._remember(key, stored)

    def _remember(self, key: tuple, stored: _Stored) -> None:
        if len(stored.body) > self._max_body:
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            self._size += len(stored.body) - (len(previous.body) if previous else 0)
            self._entries[key] = stored
            while self._size > self._max_bytes and self._entries:
                _, evicted = self._entries.popitem(last=False)
                self._size -= len(evicted.body)

    # --- the shared disk tier --------------------------------------------------------------------------

    def _paths(self, key: tuple) -> tuple[Path, Path]:
        assert self.disk_dir is not None
        folder = self.disk_dir / hashlib.blake2b(str(key[0]).encode(), digest_size=8).hexdigest()
        name = hashlib.blake2b(repr(key[1:]).encode(), digest_size=16).hexdigest()
        return folder / f"{name}.body", folder / f"{name}.headers.json"

    def _read_disk(self, key: tuple) -> _Stored | None:
        body_path, headers_path = self._paths(key)
        try:
            headers = tuple(tuple(pair) for pair in json.loads(headers_path.read_text(encoding="utf-8")))
            stored = _Stored(headers, body_path.read_bytes())
        except (OSError, ValueError):
            return None
        self._remember(key, stored)
        return stored

    def _write_disk(self, key: tuple, stored: _Stored) -> None:
        body_path, headers_path = self._paths(key)
        try:
            body_path.parent.mkdir(parents=True, exist_ok=True)
            for stale in body_path.parent.parent.iterdir():  # answers of older data versions
                if stale != body_path.parent:
                    shutil.rmtree(stale, ignore_errors=True)
            # Body first, headers last (each renamed into place): a reader that finds the headers finds
            # the whole body.
            _write_atomically(body_path, stored.body)
            _write_atomically(headers_path, json.dumps(stored.headers).encode("utf-8"))
        except OSError as error:
            log.warning("could not keep a download on disk: %s", error)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0
        if self.disk_dir is not None:
            shutil.rmtree(self.disk_dir, ignore_errors=True)


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


def canonical_callback(payload: dict) -> tuple:
    """What a callback's answer depends on: its output, the values of its inputs and state, and which
    inputs changed. Call only for a body the request guard accepted (ids and order are the declared ones)."""
    values = tuple(
        json.dumps(item.get("value"), sort_keys=True, separators=(",", ":"))
        for item in (*payload["inputs"], *payload.get("state", []))
    )
    declared = {f"{item['id']}.{item['property']}" for item in payload["inputs"]}
    changed = tuple(sorted(set(payload.get("changedPropIds", [])) & declared))
    return ("callback", payload["output"], values, changed)


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
        if not validation.inputs_pass_their_rules(app.callback_map, payload):
            return None
        return memo.lookup(canonical_callback(payload))

    @app.server.after_request
    def callback_keep(response: flask.Response) -> flask.Response:
        return memo.keep(response)

    return memo
