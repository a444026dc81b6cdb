"""Precompressed static files (Dash component suites, /assets/, /geo/ layers) and compressed Dash JSON.

Each file is compressed once (gzip at once, brotli in the background, both kept on disk under
`instance/static-cache/` by content hash, so workers and restarts share them) and never per request.
Headers are left as Dash and Flask set them (fingerprinted bundles: one year; others: ETag), so 304s
keep working; the ETag names the content, which every encoding carries unchanged. Dash's own JSON
(layout, dependencies, callbacks: 1-150 KB) and Dash's HTML page (12 KB, 4 KB gzipped: the first thing a
visit waits for) are compressed per response at a low level: brotli 4 where accepted (the overview's
148 KB page content: 16.8 KB in 1.6 ms, against 18.2 KB in 2.3 ms as gzip 5), else gzip 5. Other HTML
(the signed-in pages, which carry CSRF tokens) is left alone.

Kept rather than flask-compress (Dash's compress=True) or nginx's gzip_static, measured by
benchmarks/bench_static.py: the partial plotly.js is 387 KB as brotli 11 made once, against 475 KB and
about 100 ms of CPU per request compressed on the fly at brotli 4, and 473 KB as gzip (nginx-light has
no brotli module).

May import: nothing of ours but config. Wired by `install(app)` in create_app.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
import time
from pathlib import Path

import dash
import flask

try:  # brotli is optional: gzip alone already cuts the bundles to about a third
    import brotli
except ImportError:  # pragma: no cover - depends on the environment
    brotli = None

PREFIXES = ("/_dash-component-suites/", "/assets/", "/geo/")
DASH_JSON = ("/_dash-layout", "/_dash-dependencies", "/_dash-update-component")
STALE_LOCK_SECONDS = 300
COMPRESSIBLE = {
    "application/javascript",
    "text/javascript",
    "text/css",
    "application/json",
    "application/geo+json",
    "image/svg+xml",
}
MIN_BYTES = 1024

_lock = threading.Lock()
_by_path: dict[tuple[str, int], str] = {}  # (path, length) -> content hash
_encoded: dict[tuple[str, str], bytes] = {}  # (content hash, encoding) -> bytes
_pending: set[str] = set()


def _cached(directory: Path, digest: str, encoding: str) -> bytes | None:
    key = (digest, encoding)
    if key in _encoded:
        return _encoded[key]
    path = directory / f"{digest}.{encoding}"
    if path.is_file():
        _encoded[key] = path.read_bytes()
        return _encoded[key]
    return None


def _store(directory: Path, digest: str, encoding: str, data: bytes) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    temporary = directory / f"{digest}.{encoding}.{threading.get_ident()}.tmp"
    temporary.write_bytes(data)
    temporary.replace(directory / f"{digest}.{encoding}")  # atomic: other workers never read half a file
    _encoded[(digest, encoding)] = data


def _brotli_later(directory: Path, digest: str, data: bytes) -> None:
    """Brotli at quality 11 takes seconds for plotly.js: do it off the request path, once."""
    with _lock:
        if brotli is None or digest in _pending:
            return
        _pending.add(digest)
    # One process compresses; the others keep serving gzip until the file appears on disk.
    directory.mkdir(parents=True, exist_ok=True)
    lock = directory / f"{digest}.br.lock"
    try:
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        if time.time() - lock.stat().st_mtime < STALE_LOCK_SECONDS:
            return
        lock.touch()

    def work() -> None:
        try:
            _store(directory, digest, "br", brotli.compress(data, quality=11))
        finally:
            lock.unlink(missing_ok=True)

    threading.Thread(target=work, name=f"brotli-{digest[:8]}", daemon=True).start()


def encoded(directory: Path, path: str, data: bytes, accepted: set[str]) -> tuple[str, bytes] | None:
    """The best precompressed copy of `data` the client accepts, making the gzip one if needed."""
    key = (path, len(data))
    digest = _by_path.get(key)
    if digest is None:
        digest = hashlib.sha256(data).hexdigest()[:32]
        _by_path[key] = digest
    if "br" in accepted:
        body = _cached(directory, digest, "br")
        if body is not None:
            return "br", body
        _brotli_later(directory, digest, data)
    if "gzip" in accepted:
        body = _cached(directory, digest, "gzip")
        if body is None:
            body = gzip.compress(data, compresslevel=9, mtime=0)
            _store(directory, digest, "gzip", body)
        return "gzip", body
    return None


def install(app: dash.Dash) -> None:
    """Serve the app's static bundles precompressed."""
    server = app.server
    settings = server.config.get("DASHBOARD_SETTINGS")
    directory = Path(settings.instance_dir if settings else server.instance_path) / "static-cache"
    prefix = app.config.routes_pathname_prefix
    index_endpoints = {prefix, f"{prefix}<path:path>"}  # the routes where Dash serves its HTML page

    @server.after_request
    def compress_static(response: flask.Response) -> flask.Response:
        path = flask.request.path
        if path in DASH_JSON or (
            flask.request.endpoint in index_endpoints and response.mimetype == "text/html"
        ):
            return _compress_dynamic(response)
        if (
            response.status_code != 200
            or not path.startswith(PREFIXES)
            or response.mimetype not in COMPRESSIBLE
            or "Content-Encoding" in response.headers
        ):
            return response
        accepted = {e for e in ("br", "gzip") if flask.request.accept_encodings.quality(e) > 0}
        response.headers.add("Vary", "Accept-Encoding")
        if not accepted:
            return response
        response.direct_passthrough = False  # send_file hands a file wrapper; read it like any body
        data = response.get_data()
        if len(data) < MIN_BYTES:
            return response
        choice = encoded(directory, path, data, accepted)
        if choice is not None:
            encoding, body = choice
            response.set_data(body)
            response.headers["Content-Encoding"] = encoding
        return response


def _compress_dynamic(response: flask.Response) -> flask.Response:
    """Compress one Dash JSON or HTML response (dynamic, so per response, at a cheap level)."""
    if response.status_code != 200 or response.is_streamed or "Content-Encoding" in response.headers:
        return response
    response.headers.add("Vary", "Accept-Encoding")
    data = response.get_data()
    accepted = flask.request.accept_encodings
    if len(data) < MIN_BYTES:
        return response
    if brotli is not None and accepted.quality("br") > 0:
        response.set_data(brotli.compress(data, quality=4))
        response.headers["Content-Encoding"] = "br"
    elif accepted.quality("gzip") > 0:
        response.set_data(gzip.compress(data, compresslevel=5, mtime=0))
        response.headers["Content-Encoding"] = "gzip"
    return response
