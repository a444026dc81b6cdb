"""The table on screen of a ranking view (/api/v1/ranking.csv|xlsx|json) and of the national table of
/ca-nuoc (/api/v1/national-table.csv|xlsx|json): one row per unit, the columns the page shows in the order
it shows them (views/screen_table.py and views/national_table.py, the functions the pages draw from),
written by the same writers and with the same cover as every other download."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

import flask
import pandas as pd

from dashboard import queries, urls
from dashboard.api import downloads, exports
from dashboard.api.errors import ApiError
from dashboard.api.responses import cache_headers, conditional, last_modified
from dashboard.domain import localized
from dashboard.i18n import LANGUAGES, t
from dashboard.views import national_table as national
from dashboard.views import ranking, screen_table

RESOURCE = "ranking"
NATIONAL = "national-table"  # /ca-nuoc's table: ?table=NAT_DTI-2022
# The query names a view as the pages do; `subs=0` is the overview's table (no sub-index columns).
PARAMETERS = ("year", "group", "index", "subs")
# What a view notice says was asked for, and the parameter that asked for it.
NOTICE_PARAMETERS = {"notice.year": "year", "notice.group_year": "group", "notice.group": "group"}


class Screen(NamedTuple):
    """A table on screen as it is downloaded: the table, its title, its sources, its file name."""

    table: screen_table.ScreenTable
    title: str
    sources: pd.DataFrame
    name: str


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


def _known_format(resource: str, fmt: str) -> None:
    if fmt not in downloads.FORMATS:
        raise ApiError(
            404, "api.error.format", resource=resource, fmt=fmt, known=", ".join(downloads.FORMATS)
        )


def _answer(
    resource: str, fmt: str, query: Mapping[str, object], build: Callable[[], Screen]
) -> flask.Response:
    """A table on screen in its format, through the download memo and conditional requests: `build` is
    called only when neither has the answer."""
    url = urls.absolute(urls.api(resource, fmt, **query))
    rendered_before = downloads.DOWNLOADS.lookup(("download", url))
    if rendered_before is not None:
        return rendered_before
    version = queries.data_version()
    tag, modified = f"{downloads.FORMAT_VERSION}-{version}", last_modified(version)
    not_modified = conditional(tag, modified)
    if not_modified is not None:
        return not_modified
    shown = build()
    lang = str(query.get("lang") or "vi")
    # CSV and JSON name the columns by their screen headers; XLSX labels them the same.
    fields = tuple(exports.Field(column.label, column.type) for column in shown.table.columns)
    cover = downloads.cover_of(shown.title, shown.sources, version=version, lang=lang, url=url)
    response = downloads.respond(
        resource,
        fmt,
        iter(shown.table.rows),
        cover,
        lang=lang,
        filters={k: str(v) for k, v in query.items() if v and k != "lang"},
        url=url,
        filename=shown.name,
        fields=fields,
        labels={f.name: f.name for f in fields},
    )
    cache_headers(response, tag, modified)
    return response


def ranking_table(fmt: str) -> flask.Response:
    """The table on screen of /xep-hang (or the overview's, `subs=0`) in CSV, XLSX or JSON."""
    _known_format(RESOURCE, fmt)
    view, subs, lang = _view(flask.request.args)

    def build() -> Screen:
        data = ranking.load(view, lang)
        title = t(
            "screen.title",
            lang,
            index=ranking.index_name(view, lang),
            group=t(f"group.{view.group}.plural", lang),
            year=view.year,
        )
        table = screen_table.screen_table(data, lang=lang, subs=subs)
        return Screen(table, title, data.sources, name(data, kind="xep-hang" if subs else "tong-quan"))

    return _answer(RESOURCE, fmt, view_query(view, subs=subs, lang=lang), build)


def national_query(choice: tuple[str, int], *, lang: str) -> dict[str, object]:
    """The download's query string of a national table (as /ca-nuoc names it)."""
    return {"table": f"{choice[0]}-{choice[1]}", "lang": lang}


def national_title(choice: tuple[str, int], lang: str) -> str:
    """'Chỉ số chuyển đổi số cấp tỉnh (DTI) – 2022 (bảng đang xem)'."""
    names = queries.indicators().set_index("code")
    return t(
        "screen.national_title", lang, index=localized(names.loc[choice[0]], "name", lang), year=choice[1]
    )


def national_table(fmt: str) -> flask.Response:
    """The table on screen of /ca-nuoc (the national table chosen) in CSV, XLSX or JSON."""
    _known_format(NATIONAL, fmt)
    args = flask.request.args
    lang = args.get("lang", "vi")
    if lang not in LANGUAGES:
        raise ApiError(400, "api.error.choice", parameter="lang", known=", ".join(LANGUAGES))
    choice = national.find_table(args.get("table"), national.table_choices())
    if choice is None:  # never a silently different table
        raise ApiError(400, "api.error.unknown_values", parameter="table", values=args.get("table", ""))

    def build() -> Screen:
        table = national.screen_table(choice, lang)
        sources = queries.sources()
        drawn = national.table_frame(choice)
        return Screen(
            table,
            national_title(choice, lang),
            sources[sources["id"].isin(set(drawn["source_id"]))],
            national.file_stem(choice),
        )

    return _answer(NATIONAL, fmt, national_query(choice, lang=lang), build)
