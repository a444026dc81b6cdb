"""The tables on screen: of a ranking view (/api/v1/ranking.csv|xlsx|json), of the national table of
/ca-nuoc (national-table), of the e-documents unit table (edocs-table), of a profile's scores (unit-scores)
and of the compare page's differences (compare-table). Each is the page's rows and columns in the page's
order, read from the views/ function the page draws from (screen_table, national_table, edocs, unit_scores,
compare_table), written by the same writers and with the same cover as every other download. A choice
that names nothing held is refused (400), never replaced by a default."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

import flask
import pandas as pd

from dashboard import queries, urls
from dashboard.api import downloads, exports
from dashboard.api.errors import ApiError
from dashboard.api.responses import cache_headers, conditional, last_modified
from dashboard.assemble import compare_table, comparison, edocs, ranking, unit_scores
from dashboard.assemble import national_table as national
from dashboard.domain import localized
from dashboard.i18n import LANGUAGES, t
from dashboard.views import ranking as ranking_view
from dashboard.views import screen_table
from dashboard.views.comparison import MAX_UNITS, MIN_UNITS, Selection
from dashboard.views.national_table import find_table

RESOURCE = "ranking"
NATIONAL = "national-table"  # /ca-nuoc's table: ?table=NAT_DTI-2022
EDOCS = "edocs-table"  # /van-ban-dien-tu's unit table: ?group=district&index=…&year=2023
UNIT_SCORES = "unit-scores"  # a profile's scores table: ?unit=525
COMPARE = "compare-table"  # /so-sanh's differences: ?units=522,525&group=district&index=total
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


def name(data: ranking_view.ViewData, *, kind: str = "xep-hang") -> str:
    """The file name (without extension) of a view's table on screen."""
    view = data.view
    return screen_table.file_stem(
        kind, group=view.group, year=view.year, index_name=ranking.index_name(view, "vi")
    )


def _lang(args: Mapping[str, str]) -> str:
    lang = args.get("lang", "vi")
    if lang not in LANGUAGES:
        raise ApiError(400, "api.error.choice", parameter="lang", known=", ".join(LANGUAGES))
    return lang


def _unknown(parameter: str, value: object) -> ApiError:
    return ApiError(400, "api.error.unknown_values", parameter=parameter, values=str(value or ""))


def _screen(table: screen_table.ScreenTable, title: str, drawn: pd.DataFrame, name: str) -> Screen:
    """A table on screen with the sources of the observation rows it is read from."""
    sources = queries.sources()
    return Screen(table, title, sources[sources["id"].isin(set(drawn["source_id"]))], name)


def _view(args: Mapping[str, str]):
    lang = _lang(args)
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
    lang = _lang(args)
    choice = find_table(args.get("table"), national.table_choices())
    if choice is None:  # never a silently different table
        raise _unknown("table", args.get("table"))

    def build() -> Screen:
        table = national.screen_table(choice, lang)
        drawn = national.table_frame(choice)
        return _screen(table, national_title(choice, lang), drawn, national.file_stem(choice))

    return _answer(NATIONAL, fmt, national_query(choice, lang=lang), build)


def edocs_query(group: str, index: str, year: int, lang: str) -> dict[str, object]:
    """The download's query string of an e-documents unit table (as /van-ban-dien-tu names it)."""
    return {"group": group, "index": index, "year": year, "lang": lang}


def edocs_table(fmt: str) -> flask.Response:
    """The unit table of /van-ban-dien-tu (group, share and year) in CSV, XLSX or JSON."""
    _known_format(EDOCS, fmt)
    args = flask.request.args
    lang = _lang(args)
    wrong = edocs.unknown(args)
    if wrong is not None:
        raise _unknown(*wrong)
    group, index, year = edocs.resolve(args)
    if year is None:  # no illustrative unit figures are held at all
        raise _unknown("year", args.get("year"))

    def build() -> Screen:
        table = edocs.screen_table(group, index, year, lang)
        frame = edocs.unit_frame(group)
        drawn = frame[frame["year"] == year]
        return _screen(
            table, edocs.title(group, index, year, lang), drawn, edocs.file_stem(group, index, year)
        )

    return _answer(EDOCS, fmt, edocs_query(group, index, year, lang), build)


def unit_query(code: str, lang: str) -> dict[str, object]:
    """The download's query string of a profile's scores table."""
    return {"unit": code, "lang": lang}


def unit_scores_table(fmt: str) -> flask.Response:
    """The scores table of a unit profile (/don-vi/<code>) in CSV, XLSX or JSON."""
    _known_format(UNIT_SCORES, fmt)
    args = flask.request.args
    lang = _lang(args)
    code = args.get("unit", "")
    if code not in set(queries.units()["code"]):
        raise _unknown("unit", code)

    def build() -> Screen:
        table = unit_scores.screen_table(code, lang)
        drawn = unit_scores.history(code)
        return _screen(table, unit_scores.title(code, lang), drawn, unit_scores.file_stem(code))

    return _answer(UNIT_SCORES, fmt, unit_query(code, lang), build)


def compare_query(selection: Selection, lang: str) -> dict[str, object]:
    """The download's query string of a comparison's differences table (as /so-sanh names it)."""
    return {**selection.query(), "units": ",".join(selection.codes), "lang": lang}


# The parameter each problem of a compare selection is about (every other problem is about `units`).
COMPARE_PROBLEMS = {"compare.problem.group": "group", "compare.problem.index": "index"}


def compare_table_download(fmt: str) -> flask.Response:
    """The differences table of /so-sanh (units, group, index) in CSV, XLSX or JSON."""
    _known_format(COMPARE, fmt)
    args = flask.request.args
    lang = _lang(args)
    selection = comparison.parse({key: args.get(key, "") for key in ("units", "group", "index")})
    for key, detail in selection.problems:
        parameter = COMPARE_PROBLEMS.get(key, "units")
        if parameter != "units":
            raise _unknown(parameter, detail)
        raise ApiError(400, key, parameter=parameter, detail=detail, low=MIN_UNITS, high=MAX_UNITS)
    if not selection.ready:  # no units at all
        raise ApiError(400, "compare.problem.too_few", parameter="units", detail=0, low=MIN_UNITS)

    def build() -> Screen:
        table = compare_table.screen_table(selection, lang)
        drawn = comparison.series(selection, lang)
        name = compare_table.file_stem(selection)
        return _screen(table, compare_table.title(selection, lang), drawn, name)

    return _answer(COMPARE, fmt, compare_query(selection, lang), build)
