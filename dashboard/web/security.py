"""Security headers for every response, in one after_request hook.

Only the embed views (/nhung/...) may be framed by other sites. The Content-Security-Policy allows no
'unsafe-eval' and no inline script except the ones in the page itself, pinned by hash: Dash writes the
renderer's start-up line and the clientside callbacks inline, and hashing what is actually served keeps
the policy right whatever Dash version renders the index.
"""

from __future__ import annotations

import base64
import hashlib
import re

import flask

EMBED_PREFIX = "/nhung/"
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def inline_script_hashes(html: str) -> list[str]:
    """CSP hashes of the executable inline scripts of a page (JSON data blocks are not scripts)."""
    hashes = []
    for attributes, body in _INLINE_SCRIPT.findall(html):
        if "application/json" in attributes:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def content_security_policy(script_hashes: list[str], *, frameable: bool) -> str:
    """The policy for one response."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        # plotly.js and AG Grid set style attributes at run time.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        # Nothing runs in a worker (the map is SVG, not MapLibre's blob worker).
        "worker-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["*"] if frameable else ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def install(server: flask.Flask) -> None:
    """Add the headers to every response of the server."""

    @server.after_request
    def add_security_headers(response: flask.Response) -> flask.Response:
        hashes: list[str] = []
        if response.mimetype == "text/html" and not response.is_streamed:
            hashes = inline_script_hashes(response.get_data(as_text=True))
        frameable = flask.request.path.startswith(EMBED_PREFIX)
        response.headers["Content-Security-Policy"] = content_security_policy(hashes, frameable=frameable)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if not frameable:
            response.headers["X-Frame-Options"] = "DENY"
        return response
