"""The downloads: every tabular resource as CSV, XLSX or JSON with its cover (title, licence, citation,
sources), the Data Package descriptor, boundary layers where their licence allows, and a JSON 404 for
anything else under /api/v1. Routed in dashboard/api/__init__.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC

import flask
import pandas as pd

from dashboard import queries, urls
from dashboard.api import datapackage as package
from dashboard.api import exports
from dashboard.api.errors import ApiError, lang_or_default
from dashboard.api.filters import ExportRequest, parse_filters
from dashboard.api.responses import ascii_header, cache_headers, conditional, last_modified
from dashboard.domain import localized
from dashboard.domain.dates import printed_day
from dashboard.i18n import t
from dashboard.queries import export as queries_export
from dashboard.queries import methods as queries_methods
from dashboard.views import screen_table
from dashboard.web import admission
from dashboard.web.rendered import ResponseMemo

# Bump when the bytes of a download change without a data change, so ETags do not serve stale files.
FORMAT_VERSION = "2"
FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def _predecessors() -> pd.DataFrame:
    """The old communes and what each became, with the new unit's name."""
    names = queries.units().set_index("code")["name_vi"]
    frame = queries.predecessors()
    return frame.assign(to_name_vi=frame["to_code"].map(names))


Reader = Callable[[], pd.DataFrame]


def _days_as_printed(read: Reader, texts: Mapping[str, str]) -> Reader:
    """A reference table whose date columns keep only the days its sources print: a date printed as a month
    or a year ("2016", "đầu năm 2020") leaves the date cell empty and is given, as printed, by the text
    column beside it (`texts`: date column -> text column). A row without a text keeps its day."""

    def table() -> pd.DataFrame:
        frame = read()
        printed = {
            column: [
                printed_day(text) if isinstance(text, str) and text else day
                for day, text in zip(frame[column], frame[text_column], strict=True)
            ]
            for column, text_column in texts.items()
        }
        return frame.assign(**printed)

    return table


TABLES: dict[str, Callable[[], pd.DataFrame]] = {
    "units": _days_as_printed(
        queries.units, {"valid_from": "valid_from_shown", "valid_to": "valid_to_shown"}
    ),
    "indicators": queries.indicators,
    "methodologies": queries.methodologies,
    "index_set_maxima": queries_methods.index_set_maxima,
    "class_schemes": queries_methods.class_schemes,
    "sources": queries.sources,
    "datasets": queries.datasets,
    "lineage": _days_as_printed(queries.lineage, {"event_date": "event_date_shown"}),
    "events": _days_as_printed(queries.events, {"event_date": "date_published"}),
    "predecessors": _predecessors,
}
# Downloads as sent, per data version and request (exports over 2 MB stream every time).
# Kept in memory up to 2 MB each and on disk (instance/downloads) up to 64 MB, shared by the workers.
DOWNLOADS = ResponseMemo("downloads", max_bytes=32_000_000)


def keep_on_disk(state) -> None:
    """Put the download memo's files under the app's instance folder (when the blueprint is registered)."""
    DOWNLOADS.disk_dir = state.app.config["DASHBOARD_SETTINGS"].instance_dir / "downloads"


def keep(response: flask.Response) -> flask.Response:
    """Remember a finished download for the next asker."""
    return DOWNLOADS.keep(response)


def _updated() -> str:
    imported = queries.datasets()["imported_at"]
    return pd.Timestamp(imported.max()).date().isoformat() if len(imported) else ""


def cover_of(title: str, sources: pd.DataFrame, *, version: str, lang: str, url: str) -> exports.Cover:
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
        licence_url=urls.absolute(urls.page("licence", lang=lang)),
        citation=t("download.citation", lang, title=title, version=version, updated=updated, url=url),
        updated=updated,
        data_version=version,
        illustrative=bool((sources["kind"] == "illustrative").any()),
        sources=listed,
    )


def respond(
    resource: str,
    fmt: str,
    rows,
    cover: exports.Cover,
    *,
    lang: str,
    filters: Mapping[str, str],
    url: str,
    filename: str,
    fields: tuple[exports.Field, ...] | None = None,
    labels: Mapping[str, str] | None = None,
) -> flask.Response:
    """A download in its format with its headers: file name, described-by and licence links, citation."""
    fields = exports.RESOURCES[resource] if fields is None else fields
    if fmt == "csv":
        body = flask.stream_with_context(exports.csv_chunks(rows, fields))
    elif fmt == "json":
        metadata = cover.metadata(lang=lang, url=url, filters=filters)
        body = flask.stream_with_context(exports.json_chunks(rows, fields, metadata=metadata))
    else:
        body = exports.xlsx_bytes(rows, fields, resource=resource, cover=cover, lang=lang, labels=labels)
    response = flask.Response(body, mimetype=FORMATS[fmt])
    if fmt == "csv":
        response.headers["Content-Type"] = "text/csv; charset=utf-8; header=present"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response.headers["Link"] = '</api/v1/datapackage.json>; rel="describedby"; type="application/json", ' + (
        f'<{urls.page("licence")}>; rel="license"'
    )
    response.headers["X-Citation"] = ascii_header(
        t(
            "download.citation",
            "en",
            title=cover.title if labels is not None else t(f"data.resource.{resource}", "en"),
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


def full_data_name(filters: Mapping[str, str]) -> str:
    """'du-lieu-day-du-cap-xa-2025-chi-so-chuyen-doi-so-2025': the long-format data of a view, named by
    its filters (groups, units, years, then the indices by their Vietnamese names)."""
    groups = [screen_table.GROUP_SLUGS.get(g, g) for g in filters.get("group", "").split(",") if g]
    names = queries.indicator_names("vi")
    indices = [
        screen_table.slug(str(names.get(code, code)))
        for key in ("index", "indicator")
        for code in filters.get(key, "").split(",")
        if code
    ]
    parts = [*groups, filters.get("units", "").replace(",", "-"), filters.get("year", "").replace(",", "-")]
    return "-".join(p for p in ("du-lieu-day-du", *parts, *indices) if p).lower()


def download(resource: str, fmt: str) -> flask.Response:
    """Any tabular resource in any format; observations take the pages' filters."""
    if resource not in exports.RESOURCES:
        raise ApiError(404, "api.error.not_found", resource=resource, known=", ".join(exports.RESOURCES))
    if fmt not in FORMATS:
        raise ApiError(404, "api.error.format", resource=resource, fmt=fmt, known=", ".join(FORMATS))
    request = parse_filters(flask.request.args) if resource == "observations" else None
    lang = request.lang if request else lang_or_default()
    filters = request.filters if request else {}
    url = urls.absolute(urls.api(resource, fmt, **filters, lang=lang))
    rendered_before = DOWNLOADS.lookup(("download", url))  # the canonical URL says all the answer depends on
    if rendered_before is not None:
        return rendered_before
    admission.admit()  # building it is heavy: wait for a slot of this worker, or 503 at once
    version = queries.data_version()
    tag, modified = f"{FORMAT_VERSION}-{version}", last_modified(version)
    not_modified = conditional(tag, modified)
    if not_modified is not None:
        return not_modified
    if request is not None:
        sources = queries_export.observation_sources(request.selection, dataset=request.dataset)
        title = t("download.title_observations", lang)
        if request.dataset:
            titles = localized(queries.datasets().set_index("id"), "title", lang)
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
    cover = cover_of(title, sources, version=version, lang=lang, url=url)
    filename = full_data_name(filters) if request is not None else f"quangngai-{resource}"
    response = respond(resource, fmt, rows, cover, lang=lang, filters=filters, url=url, filename=filename)
    cache_headers(response, tag, modified)
    return response


def datapackage() -> flask.Response:
    """The Frictionless Data Package describing every download."""
    lang = lang_or_default()
    version = queries.data_version()
    tag, modified = f"{FORMAT_VERSION}-{version}-{lang}", last_modified(version)
    not_modified = conditional(tag, modified)
    if not_modified is not None:
        return not_modified
    layers = queries_export.boundary_layers()
    descriptor = package.descriptor(
        base_url=urls.absolute(""),
        lang=lang,
        data_version=version,
        updated=_updated(),
        created=modified,
        licence_url=urls.absolute(urls.page("licence", lang=lang)),
        sources=queries.sources().astype(object).where(queries.sources().notna(), None).to_dict("records"),
        boundaries=layers[layers["redistributable"].astype(bool)].to_dict("records"),
    )
    response = flask.jsonify(descriptor)
    cache_headers(response, tag, modified)
    return response


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
    not_modified = conditional(str(layer["content_hash"]), modified)
    if not_modified is not None:
        return not_modified
    response = flask.send_from_directory(
        geo_dir, layer["file_name"], mimetype="application/geo+json", conditional=False, etag=False
    )
    cache_headers(response, str(layer["content_hash"]), modified)
    response.headers["X-Attribution"] = ascii_header(
        f"{layer['attribution'] or layer['source_title']} - {layer['licence']}"
    )
    return response


def unknown(path: str) -> flask.Response:
    """Anything else under /api/v1 is a JSON 404, never the Dash shell."""
    raise ApiError(
        404, "api.error.not_found", resource=path, known=", ".join([*exports.RESOURCES, "datapackage"])
    )
