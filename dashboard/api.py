"""Open-data API: stable download URLs under /api/v1 (CSV, XLSX, JSON, datapackage)."""

from __future__ import annotations

import flask

blueprint = flask.Blueprint("api", __name__, url_prefix="/api/v1")
