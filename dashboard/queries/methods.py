"""The stored index sets (methodologies with their decision, tree, maxima per group, class scheme and
corrections) as `domain.methods.IndexSet`. Read once per data version; the sets are frozen and shared.

May import: db, domain, queries.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

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


# Columns of the two index-set downloads (api.exports.RESOURCES names the same fields, in this order).
MAXIMA_COLUMNS = (
    "methodology", "indicator_code", "parent_code", "indicator_name_vi", "indicator_name_en", "measure",
    "unit_group", "unit_group_name_vi", "unit_group_name_en", "unit_kind", "max_value", "group_maximum",
)  # fmt: skip
SCHEME_COLUMNS = ("methodology", "basis", "class_code", "label_vi", "label_en", "lower_bound", "class_order")


def index_set_maxima() -> pd.DataFrame:
    """Every stored set's maxima per unit group (see `maxima_frame`)."""
    return maxima_frame(index_sets())


def class_schemes() -> pd.DataFrame:
    """Every stored set's classes (see `schemes_frame`)."""
    return schemes_frame(index_sets())


def maxima_frame(sets: Mapping[str, IndexSet]) -> pd.DataFrame:
    """The sets' maxima: per indicator one row for units of no group (`unit_group` empty: the
    indicator's own maximum) and one per unit group of its set, `group_maximum` True where the decision
    gives that group a maximum of its own. The observations' (methodology, indicator, unit_group) find
    their `max_value` here."""
    rows: list[tuple[object, ...]] = []
    for index_set in sets.values():
        for indicator in index_set.indicators:
            common: tuple[object, ...] = (index_set.code, indicator.code, indicator.parent_code)
            common += (indicator.name_vi, indicator.name_en, indicator.measure)
            rows.append((*common, None, None, None, None, index_set.maximum(indicator.code), False))
            for group in index_set.groups:
                maximum = index_set.maximum(indicator.code, group.code)
                own = group.code in indicator.maxima and indicator.measure != "percent"
                rows.append(
                    (*common, group.code, group.name_vi, group.name_en, group.unit_kind, maximum, own)
                )
    return pd.DataFrame(rows, columns=list(MAXIMA_COLUMNS)).astype(object)


def schemes_frame(sets: Mapping[str, IndexSet]) -> pd.DataFrame:
    """The sets' classes, best first (`class_order` 1), with the basis of their lower bounds
    (`percent` of the unit's maximum or `points`); a set without classes has no row."""
    rows = [
        (s.code, s.scheme.basis, band.code, band.label_vi, band.label_en, band.lower_bound, order)
        for s in sets.values()
        if s.scheme is not None
        for order, band in enumerate(s.scheme.bands, start=1)
    ]
    return pd.DataFrame(rows, columns=list(SCHEME_COLUMNS)).astype(object)
