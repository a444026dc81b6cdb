"""The only module that runs SQL for the app. Memoized by data version; returns fresh frames.

May import: db, cache, config, domain, urls. Never: pages, figures, ingest, geo.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import pandas as pd
from flask import g, has_request_context
from sqlalchemy import Connection, Engine, Select, String, and_, cast, func, select
from sqlalchemy.exc import SQLAlchemyError

from dashboard import db, urls
from dashboard.cache import cache
from dashboard.config import Settings
from dashboard.domain import PROVINCIAL_FAMILIES
from dashboard.queries.maps import MapLayer, read_map_layer
from dashboard.queries.memo import MISSING, SizedLRU, handed_out
from dashboard.queries.unit_names import UnitNames, as_date

log = logging.getLogger(__name__)
_state: dict[str, object] = {}
# Rendered views of this process (per_data_version), one byte budget for all; bind() sets it.
_views = SizedLRU(Settings.view_cache_bytes)
# Data derived once per data version (all rankings: a few MB per language) is outside the views' budget:
# evicting it costs the next request 0.3 s, sizing it 0.2 s. Entry caps (1-2 per version) bound it.
_derived = SizedLRU(sys.maxsize, sizeof=lambda _value: 0)

OBSERVATION_COLUMNS = [
    "year",
    "period",
    "unit_code",
    "unit_name_vi",
    "unit_name_en",
    "unit_kind",
    "gov_level",
    "indicator_code",
    "indicator_name_vi",
    "indicator_name_en",
    "measure",
    "value",
    "value_high",
    "qualifier",
    "value_published",
    "rank",
    "rank_of",
    "class_label",
    "methodology",
    "data_kind",
    "source_id",
    "source_title",
    "source_document",
    "source_url",
    # note: pages read it (a rank reported two ways); unit_group: the method's group of the row (None: the
    # indicator's own maximum applies); max_value: the maximum the row's class and share are out of;
    # not_ranked: the words printed instead of a rank (listed, never ranked; None for a ranked row).
    *("note", "unit_group", "max_value", "source_issuer", "source_date", "not_ranked"),
]


def bind(engine: Engine, settings: Settings) -> None:
    """Use this engine and settings for every query of this process (called by create_app)."""
    _state["engine"] = engine
    _state["settings"] = settings
    _views.budget = settings.view_cache_bytes


def engine() -> Engine:
    """The bound engine."""
    return _state["engine"]  # type: ignore[return-value]


@contextmanager
def reading() -> Iterator[Connection]:
    """A connection to read with. Inside a request it is the request's own, opened at its first read
    (the data version) and closed when the request ends (`release_snapshot`, after a streamed body).

    On PostgreSQL it reads one REPEATABLE READ snapshot, so nothing a request shows or caches mixes data
    of two imports, even when one commits mid-request: the version in every cache key is the version of
    every row read under it. (SQLite's driver reads outside a transaction; it is the single-process
    embedded default, where an import and a request rarely overlap.)
    """
    if not has_request_context():
        with engine().connect() as connection:
            yield connection
        return
    if "db_snapshot" not in g:
        connection = engine().connect()
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        g.db_snapshot = connection
    yield g.db_snapshot


def release_snapshot(_error: BaseException | None = None) -> None:
    """Close the request's connection (registered as a Flask teardown)."""
    connection = g.pop("db_snapshot", None)
    try:
        if connection is not None:
            connection.close()
    except SQLAlchemyError as error:
        # The server ended it (restart, shutdown): raised after the response, gunicorn would answer 500.
        log.warning("closing a request's connection failed: %s", error.orig or error)


def data_version() -> str:
    """The data version, read once per request, in the request's snapshot."""
    if has_request_context():
        if "data_version" not in g:
            with reading() as connection:
                g.data_version = db.data_version(connection)
        return g.data_version
    return db.data_version(engine())


def _read(statement) -> pd.DataFrame:
    with reading() as connection:
        return pd.read_sql(statement, connection)


def _versioned(function):
    """Memoize a loader under the current data version; callers never pass the version themselves."""
    memoized = cache.memoize()(function)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return memoized(data_version(), *args, **kwargs)

    wrapper.uncached = function
    return wrapper


def per_data_version(maxsize: int = 256, *, budgeted: bool = True):
    """Memoize a function whose result depends only on the data and its (hashable) arguments, per process.

    For rendered views: no unpickling on a hit, and the data version in the key makes an import
    invalidate every worker at once. At most `maxsize` results per function, and all functions together
    within the VIEW_CACHE_MB budget (least recently used out first); `budgeted=False` for data computed
    once per data version, bounded by `maxsize` alone. Frames are handed out as copies (`memo.handed_out`);
    other results are shared between callers, who only read them.
    """
    store = _views if budgeted else _derived

    def decorate(function):
        owner = f"{function.__module__}.{function.__qualname__}"

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            # A view may hold absolute URLs (embed code, citations): one entry per trusted origin.
            key = (data_version(), urls.origin(), args, tuple(sorted(kwargs.items())))
            value = store.get(owner, key)
            if value is MISSING:
                value = function(*args, **kwargs)
                store.put(owner, key, value, max_entries=maxsize)
            return handed_out(value)

        wrapper.cache_clear = functools.partial(store.clear, owner)
        return wrapper

    return decorate


@_versioned
def units(_version: str) -> pd.DataFrame:
    """All units with their latest names and validity."""
    return _read(select(db.units).order_by(db.units.c.code))


@_versioned
def unit_versions(_version: str) -> pd.DataFrame:
    """Names and subtypes of every unit over time."""
    return _read(
        select(db.unit_versions).order_by(db.unit_versions.c.unit_code, db.unit_versions.c.valid_from)
    )


@per_data_version(maxsize=8, budgeted=False)
def indicator_names(lang: str) -> dict[str, str]:
    """Each indicator's name in `lang` by code: for a name or two per view, without reading the frame."""
    frame = indicators()
    return dict(zip(frame["code"], frame[f"name_{lang}"], strict=True))


@_versioned
def indicators(_version: str) -> pd.DataFrame:
    """The indicator catalogue joined to its methodology."""
    m = db.methodologies
    statement = select(
        db.indicators,
        m.c.family,
        m.c.name_vi.label("methodology_name_vi"),
        m.c.name_en.label("methodology_name_en"),
        m.c.first_year,
        m.c.last_year,
        m.c.total_rule,
        m.c.illustrative.label("methodology_illustrative"),
        m.c.published_at.label("methodology_published_at"),
    ).join(m, m.c.code == db.indicators.c.methodology)
    return _read(statement.order_by(m.c.family, m.c.first_year, db.indicators.c.sort_order))


@_versioned
def methodologies(_version: str) -> pd.DataFrame:
    """Every methodology version."""
    return _read(select(db.methodologies).order_by(db.methodologies.c.family, db.methodologies.c.first_year))


@_versioned
def sources(_version: str) -> pd.DataFrame:
    """Every source with its dataset."""
    d = db.datasets
    statement = select(
        db.sources, d.c.title_vi.label("dataset_title_vi"), d.c.title_en.label("dataset_title_en")
    )
    return _read(statement.join(d, d.c.id == db.sources.c.dataset_id).order_by(db.sources.c.id))


@_versioned
def datasets(_version: str) -> pd.DataFrame:
    """Every imported dataset, with its period and row count."""
    o, s = db.observations, db.sources
    frame = _read(select(db.datasets).order_by(db.datasets.c.id))
    counts = _read(select(s.c.dataset_id, o.c.year, s.c.kind).join(s, s.c.id == o.c.source_id))
    summary = counts.groupby("dataset_id").agg(
        rows=("year", "size"),
        first_year=("year", "min"),
        last_year=("year", "max"),
        kinds=("kind", lambda k: ",".join(sorted(set(k)))),
    )
    return frame.merge(summary, left_on="id", right_index=True, how="left")


@_versioned
def lineage(_version: str) -> pd.DataFrame:
    """Every lineage link with its legal basis."""
    return _read(select(db.lineage).order_by(db.lineage.c.event_date, db.lineage.c.id))


@_versioned
def predecessors(_version: str) -> pd.DataFrame:
    """Former units that are not units here (old communes) and the current unit each became."""
    s = db.sources
    statement = select(db.predecessors, s.c.url.label("source_url"), s.c.licence.label("source_licence"))
    statement = statement.join(s, s.c.id == db.predecessors.c.source_id)
    return _read(statement.order_by(db.predecessors.c.to_code, db.predecessors.c.old_name_vi))


@_versioned
def events(_version: str) -> pd.DataFrame:
    """The reorganisation timeline."""
    s = db.sources
    statement = select(db.events, s.c.url.label("source_url")).join(s, s.c.id == db.events.c.source_id)
    return _read(statement.order_by(db.events.c.event_date))


@dataclass(frozen=True)
class ObservationFilter:
    """What a page or download asks for; every field optional. Hashable, so usable as a cache key."""

    indicators: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    unit_codes: tuple[str, ...] = ()
    unit_kinds: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None


def observation_statement(selection: ObservationFilter, *, dataset: str | None = None) -> Select:
    """The observations query shared by the pages and the streaming exports (same columns, same order)."""
    o, u, i, s, m = db.observations, db.units, db.indicators, db.sources, db.indicator_maxima
    statement = (
        select(
            o.c.year,
            o.c.period,
            o.c.unit_code,
            u.c.kind.label("unit_kind"),
            o.c.gov_level,
            o.c.indicator_code,
            i.c.name_vi.label("indicator_name_vi"),
            i.c.name_en.label("indicator_name_en"),
            i.c.measure,
            o.c.value,
            o.c.value_high,
            o.c.qualifier,
            o.c.value_published,
            o.c.rank,
            o.c.rank_of,
            o.c.class_label,
            i.c.methodology,
            s.c.kind.label("data_kind"),
            o.c.source_id,
            s.c.title.label("source_title"),
            s.c.document_number.label("source_document"),
            s.c.url.label("source_url"),
            o.c.note,
            o.c.unit_group,
            func.coalesce(m.c.max_value, i.c.max_value).label("max_value"),
            s.c.issuer.label("source_issuer"),
            func.coalesce(s.c.date_shown, cast(s.c.document_date, String)).label("source_date"),
            o.c.not_ranked,
        )
        .join(u, u.c.code == o.c.unit_code)
        .join(i, i.c.code == o.c.indicator_code)
        .join(s, s.c.id == o.c.source_id)
        .outerjoin(m, and_(m.c.indicator_code == o.c.indicator_code, m.c.unit_group == o.c.unit_group))
    )
    conditions = []
    if selection.indicators:
        conditions.append(o.c.indicator_code.in_(selection.indicators))
    if selection.years:
        conditions.append(o.c.year.in_(selection.years))
    if selection.unit_codes:
        conditions.append(o.c.unit_code.in_(selection.unit_codes))
    if selection.unit_kinds:
        conditions.append(u.c.kind.in_(selection.unit_kinds))
    if selection.year_from is not None:
        conditions.append(o.c.year >= selection.year_from)
    if selection.year_to is not None:
        conditions.append(o.c.year <= selection.year_to)
    if dataset is not None:
        conditions.append(s.c.dataset_id == dataset)
    if conditions:
        statement = statement.where(and_(*conditions))
    return statement.order_by(o.c.year, o.c.indicator_code, o.c.rank, o.c.unit_code)


def units_as_of() -> dict[str, date]:
    """Indicators that rank the units of a given day (DTI 2024 in 34 provinces: 1/7/2025), and that day."""
    frame = indicators()
    days = {code: as_date(day) for code, day in zip(frame["code"], frame["units_as_of"], strict=True)}
    return {code: day for code, day in days.items() if day is not None}


@_versioned
def observations(_version: str, selection: ObservationFilter = ObservationFilter()) -> pd.DataFrame:
    """Observations with unit, indicator and source columns, names as valid in each year."""
    frame = _read(observation_statement(selection))
    book = UnitNames(unit_versions())
    pairs = book.names_of_rows(frame["unit_code"], frame["year"], frame["indicator_code"], units_as_of())
    frame["unit_name_vi"] = [p[0] for p in pairs]
    frame["unit_name_en"] = [p[1] for p in pairs]
    return frame[OBSERVATION_COLUMNS]


@per_data_version(maxsize=4, budgeted=False)  # every page and citation asks: no frame read per call
def last_updated() -> str:
    """Date the figures were last read from their sources (ISO), for footers and citations.

    The data's own date (`accessed` in the datasets' metadata), not the build time; only when no dataset
    has one (files uploaded without metadata) the latest import date stands in.
    """
    frame = datasets()
    if frame.empty:
        return ""
    accessed = frame["accessed"].dropna()
    if not accessed.empty:
        return max(str(a)[:10] for a in accessed)
    return max(str(pd.Timestamp(i).date()) for i in frame["imported_at"])


@_versioned
def map_layer(_version: str, year: int) -> MapLayer:
    """The layer (imported boundaries, or a schematic) prepared at start-up to draw a data year."""
    with reading() as connection:
        return read_map_layer(connection, year)


def provincial_totals() -> tuple[str, ...]:
    """Totals of the province's own evaluations, one per method (readiness, DTI %, DTI points...)."""
    frame = indicators()
    own = frame[frame["family"].isin(PROVINCIAL_FAMILIES) & frame["parent_code"].isna()]
    return tuple(own.sort_values("first_year")["code"])


@_versioned
def provincial_coverage(_version: str) -> pd.DataFrame:
    """Which (year, unit kind, data kind) combinations the province's own evaluations cover."""
    frame = observations(ObservationFilter(indicators=provincial_totals()))
    return frame.groupby(["year", "unit_kind"], as_index=False).agg(
        units=("unit_code", "nunique"),
        illustrative=("data_kind", lambda k: bool((k == "illustrative").any())),
    )
