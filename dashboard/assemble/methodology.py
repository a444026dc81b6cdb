"""The methodology page's frames (views/methodology.py) from the stored methodologies, indicators, events
and observations."""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.domain.methods import IndexSet
from dashboard.queries import methods
from dashboard.queries.methods import shown_index_sets
from dashboard.views import methodology


def methodologies() -> pd.DataFrame:
    """Every methodology, in the order shown."""
    return methodology.ordered(queries.methodologies())


def indicators() -> pd.DataFrame:
    """Every indicator (each methodology's sub-indices and maxima)."""
    return queries.indicators()


def years_held() -> dict[str, str]:
    """Per methodology, the years of the figures held."""
    return methodology.years_held(queries.observations())


def events() -> pd.DataFrame:
    """The reorganisation timeline, with legal bases and sources."""
    return queries.events()


def documents_cited() -> dict[str, dict]:
    """Each document number the timeline names, with the event that names it."""
    return methodology.documents_cited(queries.events())


def index_sets() -> tuple[IndexSet, ...]:
    """The index sets the page shows (their classes and scales)."""
    return shown_index_sets()


def index_set(methodology_code: str) -> IndexSet | None:
    """The index set of a methodology (its classes and maxima)."""
    return methods.index_set(methodology_code)


def index_set_of_indicator(indicator: str) -> IndexSet | None:
    """The index set an indicator is scored under."""
    return methods.index_set_of_indicator(indicator)
