"""Streaming reads for open-data exports; the only module besides queries.py that runs SQL.

Why it exists: queries.observations() builds and memoizes a whole frame, which is right for pages but
makes a 100,000-row download cost memory in proportion to its size. Here the same columns are read with
a server-side cursor (yield_per) and handed out in chunks, so an export's memory stays flat.
May import: db, queries, catalogue. Must not import: pages, api, flask.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
from sqlalchemy import select

from dashboard import db, queries
from dashboard.queries import OBSERVATION_COLUMNS, ObservationFilter, UnitNames, observation_statement


def iter_observations(
    selection: ObservationFilter, *, dataset: str | None = None, chunk_rows: int = 2000
) -> Iterator[tuple]:
    """Yield observation rows as tuples in queries.OBSERVATION_COLUMNS order, reading chunk by chunk."""
    book = UnitNames(queries.unit_versions())
    statement = observation_statement(selection, dataset=dataset)
    with queries.reading() as connection:
        # Per statement: the connection is the request's and serves its other reads too.
        result = connection.execute(statement, execution_options={"yield_per": chunk_rows})
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
    with queries.reading() as connection:
        return pd.read_sql(statement, connection)


def boundary_layers() -> pd.DataFrame:
    """Imported boundary layers with their licence (belongs in queries.py; read here until it moves)."""
    with queries.reading() as connection:
        return pd.read_sql(select(db.boundary_layers).order_by(db.boundary_layers.c.vintage), connection)
