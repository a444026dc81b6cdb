"""Atom feeds of new datasets and of corrections (all, and per unit), routed in dashboard/api/__init__.py.

Entry ids are tag URIs (RFC 4151) on the site's host: a dataset's is its id, a correction's a digest of
what it corrected (date, dataset, unit, period, indicator, level, field), so they never change when the
feed is read again. Every entry links to what it is about (the download, the corrections record, the
unit's profile) and to its source document.

May import: queries, views, domain, i18n, urls, api.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from urllib.parse import urlparse

import flask
import pandas as pd

from dashboard import queries, urls
from dashboard.api import atom
from dashboard.api.errors import ApiError, lang_or_default
from dashboard.api.exports import RESOURCES
from dashboard.api.responses import cache_headers, conditional, last_modified
from dashboard.domain import is_web, localized
from dashboard.i18n import format_number, t
from dashboard.queries import corrections as queries_corrections
from dashboard.views import corrections as wording
from dashboard.views import published
from dashboard.views import wording as source_words

MEDIA_TYPE = "application/atom+xml"
MAX_ENTRIES = 100
TAG_DATE = "2026"  # the date part of every tag URI: fixed, so ids stay the same for ever


def _tag(kind: str, key: str) -> str:
    host = urlparse(urls.absolute("/")).hostname or "localhost"
    return f"tag:{host},{TAG_DATE}:{kind}/{key}"


def _moment(value: object) -> datetime:
    stamp = pd.Timestamp(value)
    return (stamp.tz_localize(UTC) if stamp.tzinfo is None else stamp).to_pydatetime()


def _latest_import() -> datetime:
    imported = queries.datasets()["imported_at"]
    return _moment(imported.max()) if len(imported) else datetime(2026, 1, 1, tzinfo=UTC)


def _respond(feed: atom.Feed) -> flask.Response:
    response = flask.Response(atom.to_xml(feed), mimetype=MEDIA_TYPE)
    response.headers["Content-Type"] = f"{MEDIA_TYPE}; charset=utf-8"
    return response


def _conditional() -> tuple[str, datetime | None, flask.Response | None]:
    version = queries.data_version()
    tag, modified = f"feed-{version}-{lang_or_default()}", last_modified(version)
    return tag, modified, conditional(tag, modified)


def _source_links(sources: pd.DataFrame, lang: str) -> list[atom.Link]:
    links = []
    for row in sources.drop_duplicates("url").to_dict("records"):
        stated = published.source_text(row, lang)
        if is_web(stated.url):
            links.append(atom.Link(stated.url, rel="related", title=stated.document or stated.title))
    return links


def _dataset_entry(row: dict, sources: pd.DataFrame, lang: str) -> atom.Entry:
    kinds = str(row.get("kinds") or "")
    title = localized(pd.Series(row), "title", lang)
    if "illustrative" in kinds:
        title = published.generated_title(title, lang)
    first, last = row.get("first_year"), row.get("last_year")
    period = "–" if pd.isna(first) else (f"{int(first)}" if first == last else f"{int(first)}–{int(last)}")
    rows = "–" if pd.isna(row.get("rows")) else format_number(row["rows"], lang, decimals=0)
    summary = t(
        "feed.dataset_summary",
        lang,
        description=localized(pd.Series(row), "description", lang) or "",
        period=period,
        rows=rows,
        licence=source_words.in_language(row["licence"], lang),
    ).strip()
    resource = row["id"] if row["id"] in RESOURCES and row["id"] != "observations" else "observations"
    params = {} if resource != "observations" else {"dataset": row["id"]}
    download = urls.absolute(urls.api(resource, "csv", lang=lang, **params))
    own = sources[sources["dataset_id"] == row["id"]]
    return atom.Entry(
        id=_tag("dataset", str(row["id"])),
        title=title,
        updated=_moment(row["imported_at"]),
        published=_moment(row["imported_at"]),
        summary=summary,
        links=[atom.Link(download, type="text/csv"), *_source_links(own, lang)],
        categories=sorted(k for k in kinds.split(",") if k),
    )


def datasets_feed() -> flask.Response:
    """/feeds/du-lieu.atom: every dataset, the most recently imported first."""
    tag, modified, not_modified = _conditional()
    if not_modified is not None:
        return not_modified
    lang = lang_or_default()
    frame = queries.datasets().sort_values("imported_at", ascending=False).head(MAX_ENTRIES)
    sources = queries.sources()
    entries = [_dataset_entry(row, sources, lang) for row in frame.astype(object).to_dict("records")]
    feed = atom.Feed(
        id=_tag("feed", "datasets"),
        title=t("feed.datasets", lang),
        updated=max((e.updated for e in entries), default=_latest_import()),
        author=t("feed.author", lang),
        lang=lang,
        links=[
            atom.Link(urls.absolute(urls.feed("datasets", lang=lang)), rel="self", type=MEDIA_TYPE),
            atom.Link(urls.absolute(urls.page("data", lang=lang)), type="text/html"),
        ],
        entries=entries,
    )
    response = _respond(feed)
    cache_headers(response, tag, modified)
    return response


def _correction_key(row: dict) -> str:
    parts = ("corrected_at", "dataset_id", "unit_code", "period", "indicator_code", "field")
    text = "|".join(str(row.get(p)) for p in parts) + "|" + str(row.get("gov_level") or "")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _correction_entry(row: dict, lang: str) -> atom.Entry:
    record = pd.Series(row)
    unit = (
        localized(record, "unit_name", lang) if isinstance(row.get("unit_name_vi"), str) else row["unit_code"]
    )
    indicator = (
        localized(record, "indicator_name", lang)
        if isinstance(row.get("indicator_name_vi"), str)
        else row["indicator_code"]
    )
    when = _moment(row["corrected_at"])
    links = [
        atom.Link(urls.absolute(urls.page("data", lang=lang) + "#dinh-chinh"), type="text/html"),
        atom.Link(
            urls.absolute(urls.unit_profile(row["unit_code"], lang=lang)), rel="related", type="text/html"
        ),
    ]
    if is_web(row.get("source_url")):
        links.append(atom.Link(str(row["source_url"]), rel="related", title=str(row["document"])))
    return atom.Entry(
        id=_tag("correction", _correction_key(row)),
        title=t(
            "feed.correction_title",
            lang,
            unit=unit,
            indicator=indicator,
            period=row["period"],
            change=wording.change_text(record, lang),
        ),
        updated=when,
        published=when,
        summary=t(
            "feed.correction_summary",
            lang,
            document=row["document"],
            date=when.date().isoformat(),
            dataset=row["dataset_id"],
            replaced=row["replaced_dataset_id"],
        ),
        links=links,
    )


def corrections_feed(code: str | None = None) -> flask.Response:
    """/feeds/dinh-chinh.atom (every correction) and /feeds/dinh-chinh/<unit>.atom (one unit's)."""
    lang = lang_or_default()
    units = queries.units().set_index("code")
    if code is not None and code not in units.index:
        raise ApiError(404, "api.error.unknown_values", parameter="unit", values=code)
    tag, modified, not_modified = _conditional()
    if not_modified is not None:
        return not_modified
    frame = queries_corrections.corrections()
    if code is not None:
        frame = frame[frame["unit_code"] == code]
    records = frame.head(MAX_ENTRIES).astype(object).where(frame.notna(), None).to_dict("records")
    entries = [_correction_entry(row, lang) for row in records]
    if code is None:
        title, self_path = t("feed.corrections", lang), urls.feed("corrections", lang=lang)
        page = urls.page("data", lang=lang) + "#dinh-chinh"
    else:
        name = localized(units.loc[code], "name", lang)
        title = t("feed.unit_corrections", lang, name=name)
        self_path, page = urls.unit_feed(code, lang=lang), urls.unit_profile(code, lang=lang)
    feed = atom.Feed(
        id=_tag("feed", f"corrections/{code}" if code else "corrections"),
        title=title,
        updated=max((e.updated for e in entries), default=_latest_import()),
        author=t("feed.author", lang),
        lang=lang,
        links=[
            atom.Link(urls.absolute(self_path), rel="self", type=MEDIA_TYPE),
            atom.Link(urls.absolute(page), type="text/html"),
        ],
        entries=entries,
    )
    response = _respond(feed)
    cache_headers(response, tag, modified)
    return response
