"""Open-data API: stable download URLs under /api/v1 (CSV, XLSX, JSON, datapackage, GeoJSON).

May import: config, queries, views, i18n, urls, web. Must not import: pages, components, ingest
(import-linter checks).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import flask
import pandas as pd

from dashboard import queries, urls
from dashboard.api import datapackage as package
from dashboard.api import exports
from dashboard.i18n import LANGUAGES, t
from dashboard.queries import ObservationFilter
from dashboard.queries import export as queries_export
from dashboard.web import admission
from dashboard.web.rendered import ResponseMemo

blueprint = flask.Blueprint("api", __name__, url_prefix="/api/v1")

# Bump when the bytes of a download change without a data change, so ETags do not serve stale files.
FORMAT_VERSION = "1"
FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
TABLES: dict[str, Callable[[], pd.DataFrame]] = {
    "units": queries.units,
    "indicators": queries.indicators,
    "methodologies": queries.methodologies,
    "sources": queries.sources,
    "datasets": queries.datasets,
    "lineage": queries.lineage,
    "events": queries.events,
}
GROUPS = ("department", "district", "commune", "province")
UNIT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")
COMPRESSIBLE = {"text/csv", "application/json", "application/geo+json"}
# Downloads as sent, per data version and request (exports over 2 MB stream every time).
# Kept in memory up to 2 MB each and on disk (instance/downloads) up to 64 MB, shared by the workers.
DOWNLOADS = ResponseMemo("downloads", max_bytes=32_000_000)


class ApiError(Exception):
    """A client error rendered as JSON: status, the offending parameter, and a translated message."""

    def __init__(self, status: int, key: str, *, parameter: str | None = None, **values: object) -> None:
        super().__init__(key)
        self.status, self.key, self.parameter, self.values = status, key, parameter, values


@blueprint.errorhandler(ApiError)
def _api_error(error: ApiError) -> flask.Response:
    lang = _lang_or_default()
    body = {"status": error.status, "message": t(error.key, lang, parameter=error.parameter, **error.values)}
    if error.parameter:
        body["parameter"] = error.parameter
    response = flask.jsonify({"error": body})
    response.status_code = error.status
    return response


def _lang_or_default() -> str:
    lang = flask.request.args.get("lang", "vi")
    return lang if lang in LANGUAGES else "vi"


# --- filters ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportRequest:
    """A parsed observations query: the filter, an optional dataset, the language, and what was asked."""

    selection: ObservationFilter
    dataset: str | None
    lang: str
    filters: dict[str, str]


def _items(args: Mapping[str, str], name: str) -> list[str]:
    return [item.strip() for item in args.get(name, "").split(",") if item.strip()]


def _integers(args: Mapping[str, str], name: str) -> list[int]:
    items = _items(args, name)
    if (name in args and not items) or not all(re.fullmatch(r"-?[0-9]{1,4}", item) for item in items):
        raise ApiError(400, "api.error.integer", parameter=name)
    return [int(item) for item in items]


def parse_filters(args: Mapping[str, str]) -> ExportRequest:
    """Validate the query string shared with the pages; raise ApiError(400) naming the bad parameter."""
    lang = args.get("lang", "vi")
    if lang not in LANGUAGES:
        raise ApiError(400, "api.error.choice", parameter="lang", known=", ".join(LANGUAGES))
    years = _integers(args, "year")
    year_from = (_integers(args, "from") or [None])[0]
    year_to = (_integers(args, "to") or [None])[0]
    if year_from is not None and year_to is not None and year_from > year_to:
        raise ApiError(400, "api.error.range", parameter="from")
    catalogue = queries.indicators()
    codes: list[str] = []
    for name in ("index", "indicator"):
        wanted = _items(args, name)
        unknown = sorted(set(wanted) - set(catalogue["code"]))
        if unknown:
            raise ApiError(400, "api.error.unknown_values", parameter=name, values=", ".join(unknown))
        codes += [c for c in wanted if c not in codes]
    sub = args.get("sub", "0")
    if sub not in ("0", "1"):
        raise ApiError(400, "api.error.choice", parameter="sub", known="0, 1")
    if sub == "1":
        children = catalogue[catalogue["parent_code"].isin(codes)]["code"]
        codes += [c for c in children if c not in codes]
    groups = _items(args, "group")
    if "group" in args and (not groups or set(groups) - set(GROUPS)):
        raise ApiError(400, "api.error.choice", parameter="group", known=", ".join(GROUPS))
    units = _items(args, "units")
    malformed = [u for u in units if not UNIT_CODE.fullmatch(u)]
    if malformed or ("units" in args and not units):
        raise ApiError(400, "api.error.malformed", parameter="units", values=", ".join(malformed) or "''")
    unknown_units = sorted(set(units) - set(queries.units()["code"]))
    if unknown_units:
        raise ApiError(400, "api.error.unknown_values", parameter="units", values=", ".join(unknown_units))
    dataset = args.get("dataset") or None
    if dataset is not None and dataset not in set(queries.datasets()["id"]):
        raise ApiError(400, "api.error.unknown_values", parameter="dataset", values=dataset)
    selection = ObservationFilter(
        indicators=tuple(codes),
        years=tuple(years),
        unit_codes=tuple(units),
        unit_kinds=tuple(groups),
        year_from=year_from,
        year_to=year_to,
    )
    return ExportRequest(selection, dataset, lang, _canonical(args, years, units, groups, dataset))


def _canonical(args: Mapping[str, str], years, units, groups, dataset) -> dict[str, str]:
    """The filters as asked, in one spelling: known keys only, lists sorted without repeats.

    Two requests with the same canonical filters get the same rows (the query's order does not depend
    on the order asked in), so they share one cache entry and one citation URL.
    """

    def joined(values) -> str:
        return ",".join(str(v) for v in sorted(set(values)))

    filters = {
        "year": joined(years),
        "from": joined(_integers(args, "from")[:1]),
        "to": joined(_integers(args, "to")[:1]),
        "index": joined(_items(args, "index")),
        "indicator": joined(_items(args, "indicator")),
        "sub": "1" if args.get("sub") == "1" else "",
        "group": joined(groups),
        "units": joined(units),
        "dataset": dataset or "",
    }
    return {key: value for key, value in filters.items() if value}


# --- caching and compression ------------------------------------------------------------------------------


def _last_modified(version: str) -> datetime | None:
    try:
        return datetime.strptime(version.split("-", 1)[0], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _conditional(tag: str, modified: datetime | None) -> flask.Response | None:
    """A 304 when the client already has this version (checked before any query runs), else None."""
    request = flask.request
    if request.if_none_match:
        fresh = request.if_none_match.contains_weak(tag)
    else:
        since = request.if_modified_since
        fresh = modified is not None and since is not None and modified <= since
    if not fresh:
        return None
    response = flask.Response(status=304)
    _cache_headers(response, tag, modified)
    return response


def _cache_headers(response: flask.Response, tag: str, modified: datetime | None) -> None:
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


# Registered before _compress so that it runs after it and keeps the bytes as sent.
@blueprint.record_once
def _keep_downloads_on_disk(state) -> None:
    DOWNLOADS.disk_dir = state.app.config["DASHBOARD_SETTINGS"].instance_dir / "downloads"


@blueprint.after_request
def _keep_download(response: flask.Response) -> flask.Response:
    return DOWNLOADS.keep(response)


@blueprint.after_request
def _compress(response: flask.Response) -> flask.Response:
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
    text = text.replace("đ", "d").replace("Đ", "D").replace("–", "-").replace("—", "-")
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if ord(c) < 128 and not unicodedata.combining(c)).replace("\n", " ")


# --- downloads --------------------------------------------------------------------------------------------


def _updated() -> str:
    imported = queries.datasets()["imported_at"]
    return pd.Timestamp(imported.max()).date().isoformat() if len(imported) else ""


def public_url(path: str) -> str:
    """An absolute URL on the configured public address (PUBLIC_BASE_URL), never the Host header."""
    return flask.current_app.config["DASHBOARD_SETTINGS"].public_base_url + path


def _cover(title: str, sources: pd.DataFrame, *, version: str, lang: str, url: str) -> exports.Cover:
    updated = _updated()
    listed = tuple(
        {
            "id": s.id,
            "kind": s.kind,
            "title": s.title,
            "document": s.document_number,
            "url": s.url,
            "licence": s.licence,
        }
        for s in sources.astype(object).where(sources.notna(), None).itertuples()
    )
    return exports.Cover(
        title=title,
        licence=t("licence.short", lang),
        licence_url=public_url(urls.page("licence", lang=lang)),
        citation=t("download.citation", lang, title=title, version=version, updated=updated, url=url),
        updated=updated,
        data_version=version,
        illustrative=bool((sources["kind"] == "illustrative").any()),
        sources=listed,
    )


def _respond(
    resource: str, fmt: str, rows, cover: exports.Cover, *, lang: str, filters: Mapping[str, str], url: str
):
    fields = exports.RESOURCES[resource]
    if fmt == "csv":
        body = flask.stream_with_context(exports.csv_chunks(rows, fields))
    elif fmt == "json":
        metadata = cover.metadata(lang=lang, url=url, filters=filters)
        body = flask.stream_with_context(exports.json_chunks(rows, fields, metadata=metadata))
    else:
        body = exports.xlsx_bytes(rows, fields, resource=resource, cover=cover, lang=lang)
    response = flask.Response(body, mimetype=FORMATS[fmt])
    if fmt == "csv":
        response.headers["Content-Type"] = "text/csv; charset=utf-8; header=present"
    response.headers["Content-Disposition"] = f'attachment; filename="quangngai-{resource}.{fmt}"'
    response.headers["Link"] = '</api/v1/datapackage.json>; rel="describedby"; type="application/json", ' + (
        f'<{urls.page("licence")}>; rel="license"'
    )
    response.headers["X-Citation"] = ascii_header(
        t(
            "download.citation",
            "en",
            title=t(f"data.resource.{resource}", "en"),
            version=cover.data_version,
            updated=cover.updated,
            url=url,
        )
    )
    response.headers["X-Data-Illustrative"] = "true" if cover.illustrative else "false"
    return response


def _observation_rows(request: ExportRequest) -> Iterator[tuple]:
    fields = exports.RESOURCES["observations"]
    picks = [(queries_export.EXPORT_COLUMNS.index(f.source), f.type) for f in fields]
    for row in queries_export.iter_observations(request.selection, dataset=request.dataset):
        yield tuple(exports.plain(row[i], kind) for i, kind in picks)


@blueprint.get("/<resource>.<fmt>")
def download(resource: str, fmt: str) -> flask.Response:
    """Any tabular resource in any format; observations take the pages' filters."""
    if resource not in exports.RESOURCES:
        raise ApiError(404, "api.error.not_found", resource=resource, known=", ".join(exports.RESOURCES))
    if fmt not in FORMATS:
        raise ApiError(404, "api.error.format", resource=resource, fmt=fmt, known=", ".join(FORMATS))
    request = parse_filters(flask.request.args) if resource == "observations" else None
    lang = request.lang if request else _lang_or_default()
    filters = request.filters if request else {}
    url = public_url(urls.api(resource, fmt, **filters, lang=lang))
    rendered_before = DOWNLOADS.lookup(("download", url))  # the canonical URL says all the answer depends on
    if rendered_before is not None:
        return rendered_before
    admission.admit()  # building it is heavy: wait for a slot of this worker, or 503 at once
    version = queries.data_version()
    tag, modified = f"{FORMAT_VERSION}-{version}", _last_modified(version)
    not_modified = _conditional(tag, modified)
    if not_modified is not None:
        return not_modified
    if request is not None:
        sources = queries_export.observation_sources(request.selection, dataset=request.dataset)
        title = t("download.title_observations", lang)
        if request.dataset:
            titles = queries.datasets().set_index("id")[f"title_{lang}"]
            title += " – " + str(titles[request.dataset])
        rows = _observation_rows(request)
    else:
        frame = TABLES[resource]()
        all_sources = queries.sources()
        wanted = set(frame["source_id"]) if "source_id" in frame else set(all_sources["id"])
        sources = all_sources[all_sources["id"].isin(wanted)]
        title, rows = (
            t(f"data.resource.{resource}", lang),
            exports.frame_rows(frame, exports.RESOURCES[resource]),
        )
    cover = _cover(title, sources, version=version, lang=lang, url=url)
    response = _respond(resource, fmt, rows, cover, lang=lang, filters=filters, url=url)
    _cache_headers(response, tag, modified)
    return response


@blueprint.get("/datapackage.json")
def datapackage() -> flask.Response:
    """The Frictionless Data Package describing every download."""
    lang = _lang_or_default()
    version = queries.data_version()
    tag, modified = f"{FORMAT_VERSION}-{version}-{lang}", _last_modified(version)
    not_modified = _conditional(tag, modified)
    if not_modified is not None:
        return not_modified
    layers = queries_export.boundary_layers()
    descriptor = package.descriptor(
        base_url=public_url(""),
        lang=lang,
        data_version=version,
        updated=_updated(),
        licence_url=public_url(urls.page("licence", lang=lang)),
        sources=queries.sources().astype(object).where(queries.sources().notna(), None).to_dict("records"),
        boundaries=layers[layers["redistributable"].astype(bool)].to_dict("records"),
    )
    response = flask.jsonify(descriptor)
    _cache_headers(response, tag, modified)
    return response


@blueprint.get("/boundaries/<vintage>.geojson")
def boundaries(vintage: str) -> flask.Response:
    """A boundary layer, only where its licence allows redistribution."""
    layers = queries_export.boundary_layers().set_index("vintage")
    if vintage not in layers.index:
        raise ApiError(404, "api.error.boundary_missing", vintage=vintage)
    layer = layers.loc[vintage]
    if not bool(layer["redistributable"]):
        raise ApiError(403, "api.error.boundary_licence", vintage=vintage, licence=layer["licence"])
    geo_dir = flask.current_app.config["DASHBOARD_SETTINGS"].geo_dir
    if not (geo_dir / layer["file_name"]).is_file():
        raise ApiError(404, "api.error.boundary_missing", vintage=vintage)
    modified = pd.Timestamp(layer["imported_at"]).to_pydatetime()
    modified = modified.replace(tzinfo=modified.tzinfo or UTC)
    not_modified = _conditional(str(layer["content_hash"]), modified)
    if not_modified is not None:
        return not_modified
    response = flask.send_from_directory(
        geo_dir, layer["file_name"], mimetype="application/geo+json", conditional=False, etag=False
    )
    _cache_headers(response, str(layer["content_hash"]), modified)
    response.headers["X-Attribution"] = ascii_header(
        f"{layer['attribution'] or layer['source_title']} - {layer['licence']}"
    )
    return response


@blueprint.route("", defaults={"path": ""}, strict_slashes=False)
@blueprint.route("/<path:path>")
def unknown(path: str) -> flask.Response:
    """Anything else under /api/v1 is a JSON 404, never the Dash shell."""
    raise ApiError(
        404, "api.error.not_found", resource=path, known=", ".join([*exports.RESOURCES, "datapackage"])
    )


from dashboard.api import corrections as _corrections  # noqa: E402, F401  (registers its routes)
