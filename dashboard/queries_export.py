"""Streaming reads for open-data exports; the only module besides queries.py that runs SQL.

Why it exists: queries.observations() builds and memoizes a whole frame, which is right for pages but
makes a 100,000-row download cost memory in proportion to its size. Here the same columns are read with
a server-side cursor (yield_per) and handed out in chunks, so an export's memory stays flat.
May import: db, queries, catalogue. Must not import: pages, api, flask.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pandas as pd
from sqlalchemy import Select, and_, select

from . import db, queries
from .catalogue import valid_in_year
from .queries import OBSERVATION_COLUMNS, ObservationFilter


def observation_statement(selection: ObservationFilter, *, dataset: str | None = None) -> Select:
    """The observations query of queries.observations(), plus an optional dataset filter, same order."""
    o, u, i, s = db.observations, db.units, db.indicators, db.sources
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
        )
        .join(u, u.c.code == o.c.unit_code)
        .join(i, i.c.code == o.c.indicator_code)
        .join(s, s.c.id == o.c.source_id)
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


class _NameBook:
    """Unit names as valid in a year, by the rule of queries.observations() (built once per export)."""

    def __init__(self, versions: pd.DataFrame) -> None:
        self._versions: dict[str, list[tuple]] = {}
        for row in versions.itertuples():
            self._versions.setdefault(row.unit_code, []).append(
                (_date(row.valid_from), _date(row.valid_to), row.name_vi, row.name_en)
            )
        self._chosen: dict[tuple[str, int], tuple[str, str]] = {}

    def names(self, code: str, year: int) -> tuple[str, str]:
        """(name_vi, name_en) of a unit in a year; the code itself when the unit has no names."""
        key = (code, year)
        if key not in self._chosen:
            versions = self._versions.get(code)
            if not versions:
                self._chosen[key] = (code, code)
            else:
                valid = [v for v in versions if valid_in_year(v[0], v[1], year)]
                chosen = valid[-1] if valid else versions[-1]
                self._chosen[key] = (chosen[2], chosen[3])
        return self._chosen[key]


def _date(value: object) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def iter_observations(
    selection: ObservationFilter, *, dataset: str | None = None, chunk_rows: int = 2000
) -> Iterator[tuple]:
    """Yield observation rows as tuples in queries.OBSERVATION_COLUMNS order, reading chunk by chunk."""
    book = _NameBook(queries.unit_versions())
    statement = observation_statement(selection, dataset=dataset)
    with queries.engine().connect() as connection:
        result = connection.execution_options(yield_per=chunk_rows).execute(statement)
        for partition in result.partitions():
            for row in partition:
                record = row._mapping
                name_vi, name_en = book.names(record["unit_code"], int(record["year"]))
                values = {**record, "unit_name_vi": name_vi, "unit_name_en": name_en}
                yield tuple(values[c] for c in OBSERVATION_COLUMNS)


def observation_sources(selection: ObservationFilter, *, dataset: str | None = None) -> pd.DataFrame:
    """The distinct sources behind a selection (for the citation and licence notes), without the rows."""
    inner = observation_statement(selection, dataset=dataset).order_by(None).subquery()
    s = db.sources
    statement = (
        select(
            s.c.id, s.c.kind, s.c.issuer, s.c.title, s.c.document_number, s.c.url, s.c.licence, s.c.dataset_id
        )
        .where(s.c.id.in_(select(inner.c.source_id).distinct()))
        .order_by(s.c.id)
    )
    with queries.engine().connect() as connection:
        return pd.read_sql(statement, connection)


def boundary_layers() -> pd.DataFrame:
    """Imported boundary layers with their licence (belongs in queries.py; read here until it moves)."""
    with queries.engine().connect() as connection:
        return pd.read_sql(select(db.boundary_layers).order_by(db.boundary_layers.c.vintage), connection)
