"""Security headers for every response, in one after_request hook.

Only the embed views (/nhung/...) may be framed by other sites. The Content-Security-Policy allows no
'unsafe-eval' and no inline script but Dash's own, pinned by hash: the renderer's start-up line and the
clientside callbacks, as Dash lists them (`Dash.csp_hashes()`). The hashes are worked out once, at the
first request, when every page and its clientside callbacks are registered; a script that reached a page
any other way (an injection) has no hash in the policy and does not run.

May import: nothing of ours. Wired by `install(app)` in create_app.
"""

from __future__ import annotations

import functools

import dash
import flask

EMBED_PREFIX = "/nhung/"


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


def install(app: dash.Dash) -> None:
    """Add the headers to every response of the app's server."""

    @functools.cache
    def policies() -> dict[bool, str]:
        hashes = sorted(set(app.csp_hashes()))
        return {framed: content_security_policy(hashes, frameable=framed) for framed in (False, True)}

    @app.server.after_request
    def add_security_headers(response: flask.Response) -> flask.Response:
        frameable = flask.request.path.startswith(EMBED_PREFIX)
        response.headers["Content-Security-Policy"] = policies()[frameable]
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if not frameable:
            response.headers["X-Frame-Options"] = "DENY"
        return response
