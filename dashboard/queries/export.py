"""Streaming reads for open-data exports; the only module besides queries.py that runs SQL.

Why it exists: queries.observations() builds and memoizes a whole frame, which is right for pages but
makes a 100,000-row download cost memory in proportion to its size. Here the same columns are read with
a server-side cursor (yield_per) and handed out in chunks, so an export's memory stays flat.
May import: db, queries, domain, catalogue. Must not import: pages, api, flask.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pandas as pd
from sqlalchemy import Select, Subquery, case, func, or_, select

from dashboard import db, queries
from dashboard.domain import PROVINCIAL_FAMILIES
from dashboard.queries import OBSERVATION_COLUMNS, ObservationFilter, UnitNames, observation_statement

# A download carries, besides the pages' columns, the rank computed from the scores beside the published one.
EXPORT_COLUMNS = [*OBSERVATION_COLUMNS, "rank_computed"]


def computed_ranks(selection: ObservationFilter) -> Subquery:
    """(id, rank_computed) of the province's own evaluations: the competition rank of each value within its
    year, indicator, unit kind, period and level (ties share a rank: 1, 2, 2, 4), as the pages compute it.

    Only the filters that select whole groups apply here (not units, not dataset), so a download of one unit
    keeps the unit's rank among its whole group; missing values and units listed as not ranked get no rank
    and do not count.
    """
    o, u, i, m = db.observations, db.units, db.indicators, db.methodologies
    # A missing value, or a unit listed as not ranked, gets no rank and does not count.
    missing = or_(o.c.value.is_(None), o.c.not_ranked.is_not(None))
    rank = func.rank().over(
        partition_by=(o.c.year, o.c.indicator_code, u.c.kind, o.c.period, o.c.gov_level, missing),
        order_by=case((i.c.higher_is_better, -o.c.value), else_=o.c.value),
    )
    groups = observation_statement(replace(selection, unit_codes=()))
    statement = (
        groups.with_only_columns(o.c.id, case((missing, None), else_=rank).label("rank_computed"))
        .join(m, m.c.code == i.c.methodology)
        .where(m.c.family.in_(PROVINCIAL_FAMILIES))
        .order_by(None)
    )
    return statement.subquery("computed_ranks")


def export_statement(selection: ObservationFilter, *, dataset: str | None = None) -> Select:
    """The pages' observations query with rank_computed added (EXPORT_COLUMNS)."""
    ranks = computed_ranks(selection)
    statement = observation_statement(selection, dataset=dataset)
    return statement.outerjoin(ranks, ranks.c.id == db.observations.c.id).add_columns(ranks.c.rank_computed)


def iter_observations(
    selection: ObservationFilter, *, dataset: str | None = None, chunk_rows: int = 2000
) -> Iterator[tuple]:
    """Yield observation rows as tuples in EXPORT_COLUMNS order, reading chunk by chunk."""
    book = UnitNames(queries.unit_versions())
    as_of = queries.units_as_of()
    statement = export_statement(selection, dataset=dataset)
    with queries.reading() as connection:
        # Per statement: the connection is the request's and serves its other reads too.
        result = connection.execute(statement, execution_options={"yield_per": chunk_rows})
        for partition in result.partitions():
            for row in partition:
                record = row._mapping
                name_vi, name_en = book.names(
                    record["unit_code"], int(record["year"]), as_of=as_of.get(record["indicator_code"])
                )
                values = {**record, "unit_name_vi": name_vi, "unit_name_en": name_en}
                yield tuple(values[c] for c in EXPORT_COLUMNS)


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
    with queries.reading() as connection:
        return pd.read_sql(statement, connection)


def boundary_layers() -> pd.DataFrame:
    """Imported boundary layers with their licence (belongs in queries.py; read here until it moves)."""
    with queries.reading() as connection:
        return pd.read_sql(select(db.boundary_layers).order_by(db.boundary_layers.c.vintage), connection)
