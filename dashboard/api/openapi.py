"""The API described: an OpenAPI 3.1 document of every route under /api/v1 and /feeds, with its filters
and formats, built from the same tables the routes answer from (exports.RESOURCES, downloads.FORMATS),
so a new resource is described the moment it is served. /du-lieu lists the endpoints from it too.

May import: domain, i18n, api.
"""

from __future__ import annotations

import flask

from dashboard import urls
from dashboard.api import downloads
from dashboard.api.corrections import FORMATS as CORRECTION_FORMATS
from dashboard.api.errors import lang_or_default
from dashboard.api.exports import RESOURCES
from dashboard.domain import GROUP_KINDS
from dashboard.i18n import LANGUAGES, t

ATOM = "application/atom+xml"
# The observations filters: name, schema, the /du-lieu text that describes it.
FILTERS = (
    ("year", {"type": "string", "pattern": "^-?[0-9]{1,4}(,-?[0-9]{1,4})*$"}, "year"),
    ("from", {"type": "integer"}, "range"),
    ("to", {"type": "integer"}, "range"),
    ("index", {"type": "string"}, "indicator"),
    ("indicator", {"type": "string"}, "indicator"),
    ("sub", {"type": "string", "enum": ["0", "1"]}, "indicator"),
    ("group", {"type": "string", "examples": [",".join(GROUP_KINDS[:2])]}, "group"),
    ("units", {"type": "string"}, "units"),
    ("dataset", {"type": "string"}, "dataset"),
)


def _lang(lang: str) -> dict:
    return {
        "name": "lang",
        "in": "query",
        "schema": {"type": "string", "enum": list(LANGUAGES)},
        "description": t("data.param_lang", lang),
    }


def _format(formats: tuple[str, ...] | list[str], lang: str) -> dict:
    return {
        "name": "format",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "enum": list(formats)},
        "description": t("openapi.format", lang),
    }


def _path_parameter(name: str, description: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
        "description": description,
    }


def _get(
    summary: str, media: dict[str, str], parameters: list[dict], lang: str, *, errors: bool = True
) -> dict:
    responses: dict[str, object] = {
        "200": {
            "description": t("openapi.ok", lang),
            "content": {m: {} for m in dict.fromkeys(media.values())},
        }
    }
    if errors:
        error = {
            "description": t("openapi.error", lang),
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        responses |= {"400": error, "404": error}
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


# The tables on screen (api/screen.py): resource, summary, and each query parameter's name, schema, the
# text that describes it and whether it is required.
SCREENS = (
    (
        "ranking",
        "openapi.ranking",
        (
            ("year", {"type": "integer"}, "data.param_year", False),
            ("group", {"type": "string"}, "data.param_group", False),
            ("index", {"type": "string"}, "data.param_indicator", False),
            ("subs", {"type": "integer"}, "openapi.param_subs", False),
        ),
    ),
    (
        "national-table",
        "openapi.national_table",
        (("table", {"type": "string", "pattern": "^[A-Z0-9_]+-[0-9]{4}$"}, "openapi.param_table", True),),
    ),
    (
        "edocs-table",
        "openapi.edocs_table",
        (
            ("group", {"type": "string", "enum": ["district", "department"]}, "data.param_group", False),
            ("index", {"type": "string"}, "openapi.param_edocs_index", False),
            ("year", {"type": "integer"}, "data.param_year", False),
        ),
    ),
    ("unit-scores", "openapi.unit_scores", (("unit", {"type": "string"}, "openapi.unit", True),)),
    (
        "compare-table",
        "openapi.compare_table",
        (
            ("units", {"type": "string", "examples": ["522,525"]}, "openapi.param_compare_units", True),
            ("group", {"type": "string"}, "data.param_group", False),
            ("index", {"type": "string"}, "openapi.param_compare_index", False),
        ),
    ),
)


def _screen(summary: str, parameters: tuple, lang: str) -> dict:
    """A table on screen: its formats, its query parameters, the language."""
    query = [
        {"name": name, "in": "query", "schema": schema, "description": t(key, lang)}
        | ({"required": True} if required else {})
        for name, schema, key, required in parameters
    ]
    return _get(
        t(summary, lang),
        downloads.FORMATS,
        [_format(list(downloads.FORMATS), lang), *query, _lang(lang)],
        lang,
    )


def _error_schema() -> dict:
    """The JSON body of every 400 and 404 (api.errors); a new dict for each document."""
    return {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "message"],
                "properties": {
                    "status": {"type": "integer"},
                    "message": {"type": "string"},
                    "parameter": {"type": "string"},
                },
            }
        },
    }


def document(*, lang: str, base_url: str) -> dict:
    """The OpenAPI 3.1 document in a language, with the site's public address as its server."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": t("openapi.title", lang),
            "version": "1",
            "description": t("openapi.description", lang),
            "license": {"name": t("licence.short", lang), "url": base_url + "/giay-phep"},
        },
        "servers": [{"url": base_url or "/"}],
        "paths": _resource_paths(lang) | _file_paths(lang) | _table_paths(lang) | _self_and_feed_paths(lang),
        "components": {"schemas": {"Error": _error_schema()}},
    }


def _resource_paths(lang: str) -> dict[str, dict]:
    """The observations (with their filters) and every other resource, in each download format."""
    formats = downloads.FORMATS
    paths: dict[str, dict] = {
        "/api/v1/observations.{format}": _get(
            t("openapi.observations", lang),
            formats,
            [
                _format(list(formats), lang),
                *(
                    {
                        "name": name,
                        "in": "query",
                        "schema": schema,
                        "description": t(f"data.param_{key}", lang),
                    }
                    for name, schema, key in FILTERS
                ),
                _lang(lang),
            ],
            lang,
        )
    }
    for name in RESOURCES:
        if name != "observations":
            summary = t("openapi.resource", lang, name=t(f"data.resource.{name}", lang))
            paths[f"/api/v1/{name}.{{format}}"] = _get(
                summary, formats, [_format(list(formats), lang), _lang(lang)], lang
            )
    return paths


def _file_paths(lang: str) -> dict[str, dict]:
    """The Data Package, the boundary layers, the corrections and the publishers' guide."""
    formats = downloads.FORMATS
    return {
        "/api/v1/datapackage.json": _get(
            t("openapi.datapackage", lang), {"json": "application/json"}, [_lang(lang)], lang, errors=False
        ),
        "/api/v1/boundaries/{vintage}.geojson": _get(
            t("openapi.boundaries", lang),
            {"geojson": "application/geo+json"},
            [_path_parameter("vintage", t("openapi.vintage", lang))],
            lang,
        ),
        "/api/v1/corrections.{format}": _get(
            t("openapi.corrections", lang),
            {f: formats[f] for f in CORRECTION_FORMATS},
            [_format(list(CORRECTION_FORMATS), lang)],
            lang,
        ),
        "/api/v1/docs/huong-dan-cong-bo.html": _get(
            t("openapi.guide", lang), {"html": "text/html"}, [], lang, errors=False
        ),
    }


def _table_paths(lang: str) -> dict[str, dict]:
    """The tables on screen (SCREENS), each as its page shows it."""
    return {
        f"/api/v1/{resource}.{{format}}": _screen(summary, parameters, lang)
        for resource, summary, parameters in SCREENS
    }


def _self_and_feed_paths(lang: str) -> dict[str, dict]:
    """This document and the Atom feeds."""
    return {
        "/api/v1/openapi.json": _get(
            t("openapi.self", lang), {"json": "application/json"}, [_lang(lang)], lang, errors=False
        ),
        "/feeds/du-lieu.atom": _get(
            t("openapi.feed_datasets", lang), {"atom": ATOM}, [_lang(lang)], lang, errors=False
        ),
        "/feeds/dinh-chinh.atom": _get(
            t("openapi.feed_corrections", lang), {"atom": ATOM}, [_lang(lang)], lang, errors=False
        ),
        "/feeds/dinh-chinh/{code}.atom": _get(
            t("openapi.feed_unit", lang),
            {"atom": ATOM},
            [_path_parameter("code", t("openapi.unit", lang)), _lang(lang)],
            lang,
        ),
    }


def served() -> flask.Response:
    """/api/v1/openapi.json."""
    return flask.jsonify(document(lang=lang_or_default(), base_url=urls.absolute("")))
