"""The stored index sets (methodologies with their decision, tree, maxima per group, class scheme and
corrections) as `domain.methods.IndexSet`. Read once per data version; the sets are frozen and shared.

May import: db, domain, queries.
"""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.db.index_sets import read_index_sets
from dashboard.domain import PROVINCIAL_FAMILIES
from dashboard.domain.methods import IndexSet
from dashboard.queries import ObservationFilter, observations, per_data_version, provincial_totals, reading


@per_data_version(maxsize=2, budgeted=False)
def index_sets() -> Mapping[str, IndexSet]:
    """Every stored index set by methodology code."""
    with reading() as connection:
        return read_index_sets(connection)


def index_set(code: str) -> IndexSet | None:
    """One stored index set by methodology code, or None."""
    return index_sets().get(code)


def index_set_of_indicator(indicator_code: str) -> IndexSet | None:
    """The index set an indicator belongs to, or None."""
    return next((s for s in index_sets().values() if s.indicator(indicator_code) is not None), None)


def shown_index_sets() -> tuple[IndexSet, ...]:
    """The sets the methodology page lists: the province's own evaluations and every set an officer
    published, by family and first year."""
    chosen = [
        s for s in index_sets().values() if s.family in PROVINCIAL_FAMILIES or s.published_at is not None
    ]
    return tuple(sorted(chosen, key=lambda s: (s.family, s.first_year, s.code)))


@per_data_version(maxsize=1, budgeted=False)
def methods_with_results() -> dict[int, frozenset[str]]:
    """Per data year, the province's own sets that stored results of that year use (which set is in
    force when two cover the year: the one results were published under)."""
    frame = observations(ObservationFilter(indicators=provincial_totals()))
    return {int(year): frozenset(rows) for year, rows in frame.groupby("year")["methodology"]}
