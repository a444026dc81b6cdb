"""What every API response shares: conditional requests (a 304 before any query runs), cache headers,
gzip for text downloads, Latin-1-safe headers."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import UTC, datetime

import flask
from werkzeug.http import is_resource_modified

from dashboard.domain.names import without_diacritics

COMPRESSIBLE = {"text/csv", "application/json", "application/geo+json"}


def last_modified(version: str) -> datetime | None:
    """When a data version was made (its leading timestamp), or None when it carries none."""
    try:
        return datetime.strptime(version.split("-", 1)[0], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def conditional(tag: str, modified: datetime | None) -> flask.Response | None:
    """A 304 when the client already has this version (checked before any query runs), else None.
    werkzeug's own test (If-None-Match, weakly compared, before If-Modified-Since), on the request alone:
    `Response.make_conditional` would need the body, which is what a 304 saves building."""
    if is_resource_modified(flask.request.environ, etag=tag, last_modified=modified):
        return None
    response = flask.Response(status=304)
    cache_headers(response, tag, modified)
    return response


def cache_headers(response: flask.Response, tag: str, modified: datetime | None) -> None:
    """ETag, Last-Modified and a short public max-age."""
    response.set_etag(tag, weak=True)  # weak: the gzip and identity bytes differ, the content does not
    if modified is not None:
        response.last_modified = modified
    response.cache_control.public = True
    response.cache_control.max_age = 300


def _gzip_stream(chunks) -> Iterator[bytes]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31: gzip container
    for chunk in chunks:
        data = compressor.compress(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
        if data:
            yield data
    yield compressor.flush()


def compress(response: flask.Response) -> flask.Response:
    """Gzip text downloads for clients that accept it, streaming ones chunk by chunk."""
    if response.mimetype not in COMPRESSIBLE or response.status_code != 200:
        return response
    response.vary.add("Accept-Encoding")
    if "Content-Encoding" in response.headers or flask.request.accept_encodings.quality("gzip") <= 0:
        return response
    if response.is_streamed:
        response.response = _gzip_stream(response.response)
        response.headers.pop("Content-Length", None)
    else:
        response.set_data(b"".join(_gzip_stream([response.get_data()])))
    response.headers["Content-Encoding"] = "gzip"
    return response


def ascii_header(text: str) -> str:
    """Fold Vietnamese to ASCII for an HTTP header (headers are Latin-1)."""
    folded = without_diacritics(text.replace("–", "-").replace("—", "-"))
    return "".join(c for c in folded if ord(c) < 128).replace("\n", " ")
