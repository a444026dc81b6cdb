"""Open-data API: stable download URLs under /api/v1 (CSV, XLSX, JSON, datapackage, GeoJSON).

This module wires the blueprint: every URL, the error handler and the after-request hooks, in one place.
`downloads` answers the tabular resources, the Data Package and boundary layers, `filters` parses the
observations query, `responses` holds the HTTP details they share (304s, cache headers, gzip), `errors`
the JSON errors; `screen` the tables on screen (a ranking view, the national table, e-documents, a
profile, compare), `measure` a download's size before it is downloaded; `exports` and `datapackage` are
the pure file writers; `corrections` the corrections record and the officer's guide; `feeds` (with the
pure writer `atom`) the Atom feeds under /feeds; `openapi` the OpenAPI 3.1 description of both.

May import: config, csv_output, domain, queries, assemble (tables on screen), views, i18n, urls, web.
Must not import: pages, components, ingest (import-linter checks).
"""

from __future__ import annotations

import flask

from dashboard.api import corrections, downloads, errors, feeds, openapi, responses, screen

blueprint = flask.Blueprint("api", __name__, url_prefix="/api/v1")
blueprint.register_error_handler(errors.ApiError, errors.render)
blueprint.record_once(downloads.keep_on_disk)
# After-request hooks run in reverse order of registration: compress first, then keep the bytes as sent.
blueprint.after_request(downloads.keep)
blueprint.after_request(responses.compress)

blueprint.get("/ranking.<fmt>")(screen.ranking_table)
blueprint.get("/national-table.<fmt>")(screen.national_table)
blueprint.get("/edocs-table.<fmt>")(screen.edocs_table)
blueprint.get("/unit-scores.<fmt>")(screen.unit_scores_table)
blueprint.get("/compare-table.<fmt>")(screen.compare_table_download)
blueprint.get("/<resource>.<fmt>")(downloads.download)
blueprint.get("/datapackage.json")(downloads.datapackage)
blueprint.get("/boundaries/<vintage>.geojson")(downloads.boundaries)
blueprint.get("/corrections.<fmt>")(corrections.corrections)
blueprint.get("/docs/huong-dan-cong-bo.html")(corrections.guide)
blueprint.get("/openapi.json")(openapi.served)
# Anything else under /api/v1 is a JSON 404, never the Dash shell.
blueprint.route("", defaults={"path": ""}, strict_slashes=False)(downloads.unknown)
blueprint.route("/<path:path>")(downloads.unknown)

# Atom feeds of new datasets and of corrections (all, and per unit).
feeds_blueprint = flask.Blueprint("feeds", __name__, url_prefix="/feeds")
feeds_blueprint.register_error_handler(errors.ApiError, errors.render)
feeds_blueprint.get("/du-lieu.atom")(feeds.datasets_feed)
feeds_blueprint.get("/dinh-chinh.atom")(feeds.corrections_feed)
feeds_blueprint.get("/dinh-chinh/<code>.atom")(feeds.corrections_feed)
