"""plotly.js as the dashboard needs it: a partial bundle holding only the trace types it draws.

dash-renderer loads plotly.js from one fixed URL (`_dash-component-suites/plotly/package_data/plotly.min.js`),
where Dash serves the full 4.8 MB build. This module answers that URL with the partial bundle built by
`scripts/plotly-bundle/build.sh` (1.2 MB: the core less layout components no figure uses, + bar +
choropleth + scattergeo), so every page, embed and test draws with exactly what production ships. The
bundle's first line names its plotly.js version and traces; it is served only while that version is the
one plotly.py writes figures for, otherwise Dash's full file is served and a warning logged (a plotly
upgrade without a rebuild degrades to bigger, never to broken).

May import: nothing of ours. Wired by `install(app)` in create_app.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import dash
import flask
from plotly.offline import get_plotlyjs_version

log = logging.getLogger(__name__)

BUNDLE_PATH = Path(__file__).parent.parent / "vendor" / "plotly-partial.min.js"
DASH_PLOTLY_URL = "_dash-component-suites/plotly/package_data/plotly.min.js"
_BANNER = re.compile(rb"^/\*! plotly\.js v(?P<version>[\w.\-]+) partial bundle; traces: (?P<traces>[\w,]+);")


@dataclass(frozen=True)
class Bundle:
    version: str
    trace_types: frozenset[str]
    body: bytes
    etag: str


@cache
def load(path: Path = BUNDLE_PATH) -> Bundle:
    """Read the bundle and the version and trace types its banner names."""
    body = path.read_bytes()
    match = _BANNER.match(body)
    if match is None:
        raise ValueError(f"{path}: first line is not the banner written by scripts/plotly-bundle/build.sh")
    return Bundle(
        version=match["version"].decode(),
        trace_types=frozenset(match["traces"].decode().split(",")),
        body=body,
        etag=hashlib.sha256(body).hexdigest()[:32],
    )


def usable(bundle: Bundle, expected_version: str | None = None) -> bool:
    """True when the bundle is the plotly.js version that plotly.py's figures are written for."""
    return bundle.version == (expected_version or get_plotlyjs_version())


def install(app: dash.Dash, path: Path = BUNDLE_PATH) -> bool:
    """Serve the partial bundle at Dash's plotly.js URL; return whether it is served."""
    bundle = load(path)
    if not usable(bundle):
        log.warning(
            "%s is plotly.js %s but plotly.py expects %s: serving the full plotly.js; "
            "rebuild with scripts/plotly-bundle/build.sh",
            path,
            bundle.version,
            get_plotlyjs_version(),
        )
        return False
    url = app.config.routes_pathname_prefix + DASH_PLOTLY_URL

    @app.server.before_request
    def serve_partial_plotly() -> flask.Response | None:
        if flask.request.path != url:
            return None
        # Same caching as Dash gives this unfingerprinted URL: revalidated by ETag, answered 304.
        response = flask.Response(bundle.body, mimetype="application/javascript")
        response.set_etag(bundle.etag)
        return response.make_conditional(flask.request)

    return True
