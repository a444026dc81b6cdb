"""The table on screen of a ranking view (/api/v1/ranking.csv|xlsx|json): one row per unit, the columns the
page shows in the order it shows them (views/screen_table.py, the function the page draws from), written by
the same writers and with the same cover as every other download."""

from __future__ import annotations

from collections.abc import Mapping

import flask

from dashboard import queries, urls
from dashboard.api import downloads, exports
from dashboard.api.errors import ApiError
from dashboard.api.responses import cache_headers, conditional, last_modified
from dashboard.i18n import LANGUAGES, t
from dashboard.views import ranking, screen_table

RESOURCE = "ranking"
# The query names a view as the pages do; `subs=0` is the overview's table (no sub-index columns).
PARAMETERS = ("year", "group", "index", "subs")
# What a view notice says was asked for, and the parameter that asked for it.
NOTICE_PARAMETERS = {"notice.year": "year", "notice.group_year": "group", "notice.group": "group"}


def view_query(view, *, subs: bool, lang: str) -> dict[str, object]:
    """The download's query string for a view (as pages link to it and the API spells it)."""
    return {**view.query(lang=lang), "subs": None if subs else "0"}


def name(data: ranking.ViewData, *, kind: str = "xep-hang") -> str:
    """The file name (without extension) of a view's table on screen."""
    view = data.view
    return screen_table.file_stem(
        kind, group=view.group, year=view.year, index_name=ranking.index_name(view, "vi")
    )


def _view(args: Mapping[str, str]):
    lang = args.get("lang", "vi")
    if lang not in LANGUAGES:
        raise ApiError(400, "api.error.choice", parameter="lang", known=", ".join(LANGUAGES))
    subs = args.get("subs", "1")
    if subs not in ("0", "1"):
        raise ApiError(400, "api.error.choice", parameter="subs", known="0, 1")
    view = ranking.resolve({key: args.get(key, "") for key in ("year", "group", "index")})
    for key, detail in view.notices:  # never a silently different table: name what does not exist
        raise ApiError(
            400, "api.error.unknown_values", parameter=NOTICE_PARAMETERS.get(key, "index"), values=detail
        )
    return view, subs == "1", lang


def ranking_table(fmt: str) -> flask.Response:
    """The table on screen of /xep-hang (or the overview's, `subs=0`) in CSV, XLSX or JSON."""
    if fmt not in downloads.FORMATS:
        raise ApiError(
            404, "api.error.format", resource=RESOURCE, fmt=fmt, known=", ".join(downloads.FORMATS)
        )
    view, subs, lang = _view(flask.request.args)
    url = urls.absolute(urls.api(RESOURCE, fmt, **view_query(view, subs=subs, lang=lang)))
    rendered_before = downloads.DOWNLOADS.lookup(("download", url))
    if rendered_before is not None:
        return rendered_before
    version = queries.data_version()
    tag, modified = f"{downloads.FORMAT_VERSION}-{version}", last_modified(version)
    not_modified = conditional(tag, modified)
    if not_modified is not None:
        return not_modified
    data = ranking.load(view, lang)
    table = screen_table.screen_table(data, lang=lang, subs=subs)
    # CSV and JSON name the columns by their screen headers; XLSX labels them the same.
    fields = tuple(exports.Field(column.label, column.type) for column in table.columns)
    title = t(
        "screen.title",
        lang,
        index=ranking.index_name(view, lang),
        group=t(f"group.{view.group}.plural", lang),
        year=view.year,
    )
    cover = downloads.cover_of(title, data.sources, version=version, lang=lang, url=url)
    response = downloads.respond(
        RESOURCE,
        fmt,
        iter(table.rows),
        cover,
        lang=lang,
        filters={k: str(v) for k, v in view_query(view, subs=subs, lang=lang).items() if v and k != "lang"},
        url=url,
        filename=name(data, kind="xep-hang" if subs else "tong-quan"),
        fields=fields,
        labels={f.name: f.name for f in fields},
    )
    cache_headers(response, tag, modified)
    return response
