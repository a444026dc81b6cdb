"""Every ranking of the province's own evaluations (views/all_rankings.py), each step memoized once per
data version outside the view budget, so a view nobody asked for yet is a dictionary lookup."""

from __future__ import annotations

import dataclasses

import pandas as pd

from dashboard import queries
from dashboard.queries import ObservationFilter
from dashboard.queries.methods import index_sets, methods_with_results
from dashboard.views import all_rankings as rankings
from dashboard.views import analysis
from dashboard.views.all_rankings import Key, Method, ViewData


@queries.per_data_version(maxsize=1, budgeted=False)
def methods() -> dict[int, Method]:
    """The method in force in each year with observations of the province's own evaluations."""
    years = sorted(int(y) for y in queries.provincial_coverage()["year"].unique())
    return rankings.methods_in_force(queries.indicators(), years, methods_with_results())


@queries.per_data_version(maxsize=1, budgeted=False)
def _ranked_rows() -> pd.DataFrame:
    """Observations of every method's indicators in the years it is in force: ranked, classes filled."""
    by_year = methods()
    codes = sorted({code for method in by_year.values() for code in method.codes})
    frame = queries.observations(ObservationFilter(indicators=tuple(codes), years=tuple(by_year)))
    return rankings.ranked_rows(
        frame, by_year=by_year, indicators=queries.indicators(), index_sets=index_sets()
    )


@queries.per_data_version(maxsize=1, budgeted=False)
def _compared_rows() -> pd.DataFrame:
    """The ranked rows with each unit's change against last year."""
    merged = rankings.merged_into_by_year(queries.lineage())
    return rankings.compared_rows(_ranked_rows(), by_year=methods(), merged=merged)


@queries.per_data_version(maxsize=2, budgeted=False)
def views(lang: str) -> dict[Key, ViewData]:
    """Every (year, unit kind, indicator) with observations, as the view shows it in `lang`.

    The view inside is the canonical one (no notices): `view_data` puts the asked view in its place.
    """
    return rankings.views_of(
        _compared_rows(),
        by_year=methods(),
        facts=family_facts(),
        sources=queries.sources(),
        index_sets=index_sets(),
        observation_columns=queries.OBSERVATION_COLUMNS,
        lang=lang,
    )


@queries.per_data_version(maxsize=1, budgeted=False)
def family_facts() -> dict[tuple[int, str], tuple[bool, bool, set]]:
    """Per (year, unit kind), over the total and all its sub-indices: any class, any illustrative
    figure, and the sources."""
    return rankings.family_facts_of(_ranked_rows())


def view_data(view: analysis.View, lang: str) -> ViewData:
    """The view's data: its precomputed slice, or an empty table when its indicator has no observation."""
    computed = views(lang)
    found = computed.get((view.year, view.group, view.indicator))
    if found is not None:  # its frames as copies (queries.memo.handed_out): a caller may change its own
        return dataclasses.replace(
            found, view=view, table=found.table.copy(deep=False), sources=found.sources.copy(deep=False)
        )
    columns = [*queries.OBSERVATION_COLUMNS, "rank_published", "rank_computed"]
    return rankings.no_data(
        view,
        by_year=methods(),
        facts=family_facts(),
        known=computed,
        table=_ranked_rows()[columns].iloc[0:0],
        sources=queries.sources().iloc[0:0],
        index_sets=index_sets(),
    )
