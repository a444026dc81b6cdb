"""One overview/rankings view's data, options and names, memoized per data version (views/ranking.py)."""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.assemble import all_rankings
from dashboard.queries import ObservationFilter
from dashboard.queries.corrections import corrections_of
from dashboard.queries.methods import methods_with_results
from dashboard.views import analysis
from dashboard.views.all_rankings import ViewData
from dashboard.views.ranking import index_options_of, indicator_names, years_and_groups_of


@queries.per_data_version(maxsize=1)
def years_and_groups() -> tuple[list[int], dict[int, list[str]]]:
    """Years of the province's own evaluations and the unit kinds present in each."""
    return years_and_groups_of(queries.provincial_coverage())


def resolve(query: dict[str, str]) -> analysis.View:
    """Validate a query string against what exists."""
    return _resolve(*(str(query.get(key) or "")[:64] for key in ("year", "index", "group")))


@queries.per_data_version(maxsize=1024)
def _resolve(year_text: str, index: str, group: str) -> analysis.View:
    query = {"year": year_text, "index": index, "group": group}
    return analysis.resolve_in(query, catalogue=_catalogue(), groups=years_and_groups()[1])


@queries.per_data_version(maxsize=1)
def _catalogue() -> analysis.Catalogue:
    return analysis.Catalogue.of(
        queries.indicators(), years_and_groups()[0], with_results=methods_with_results()
    )


def load(view: analysis.View, lang: str) -> ViewData:
    """The ranking table, headline and sources of a view (a slice of what all_rankings computed)."""
    return all_rankings.view_data(view, lang)


def index_options(view: analysis.View, lang: str) -> list[dict[str, str]]:
    """The view's total first, then its sub-indices, as dropdown options (shared: never mutate)."""
    return _index_options(view.total, lang)


@queries.per_data_version(maxsize=64)
def _index_options(total: str, lang: str) -> list[dict[str, str]]:
    return index_options_of(queries.indicators(), total, lang)


def index_name(view: analysis.View, lang: str) -> str:
    """Name of the view's indicator in the language."""
    return indicator_names_in(lang).get(view.indicator, "") if view.indicator else ""


@queries.per_data_version(maxsize=2)
def indicator_names_in(lang: str) -> dict[str, str]:
    """Each indicator's name in the language, by code (shared: callers only read it)."""
    return indicator_names(queries.indicators(), lang)


def methodology(code: str) -> pd.Series:
    """A methodology's row (names, first year) by its code."""
    return queries.methodologies().set_index("code").loc[code]


def corrections(year: int) -> pd.DataFrame:
    """The corrections made to a year's published figures."""
    return corrections_of(year=year)


def observations_of(view: analysis.View) -> pd.DataFrame:
    """Every unit's figures of the view's indicator and year (what its map and table cite)."""
    return queries.observations(ObservationFilter(indicators=(view.indicator,), years=(view.year,)))
