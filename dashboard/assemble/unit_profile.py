"""A unit profile's frames (views/unit_profile.py) from the stored units, observations, lineage and
corrections."""

from __future__ import annotations

import pandas as pd

from dashboard import queries
from dashboard.queries import ObservationFilter
from dashboard.queries.corrections import corrections_of
from dashboard.views import unit_profile
from dashboard.views.unit_profile import Lineage, SubIndices


def units() -> pd.DataFrame:
    """Every unit with its latest names and validity, by code."""
    return queries.units().set_index("code")


def name_vi(code: str) -> str:
    """The unit's latest Vietnamese name, else the code as given."""
    return units()["name_vi"].get(code, code)


def observations(code: str) -> pd.DataFrame:
    """Every figure held of the unit."""
    return queries.observations(ObservationFilter(unit_codes=(code,)))


def sub_indices(code: str, kind: str, parent: str, year: int) -> SubIndices | None:
    """The unit's sub-indices of `parent` in `year` against its group's medians; None when it has none."""
    indicators = queries.indicators()
    subs = indicators[indicators["parent_code"] == parent].sort_values("sort_order")
    if subs.empty:
        return None
    frame = queries.observations(
        ObservationFilter(indicators=tuple(subs["code"]), years=(year,), unit_kinds=(kind,))
    )
    return unit_profile.sub_indices(subs, frame, code)


def lineage(code: str) -> Lineage:
    """What the unit came from, became and what changed in it."""
    return unit_profile.lineage_of(queries.lineage(), code)


def formed_from(code: str) -> pd.DataFrame:
    """The former communes a 2025 unit was formed from (indicative mapping)."""
    rows = queries.predecessors()
    return rows[rows["to_code"] == code]


def edoc_figures(code: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The unit's published e-document figures and its illustrative shares (views.unit_profile)."""
    indicators = queries.indicators()
    codes = tuple(indicators.loc[indicators["family"] == "edoc", "code"])
    return unit_profile.edoc_figures(
        queries.observations(ObservationFilter(indicators=codes, unit_codes=(code,)))
    )


def corrections(code: str) -> pd.DataFrame:
    """The corrections made to the unit's figures."""
    return corrections_of(unit_code=code)


def codes() -> set[str]:
    """The codes of every unit held."""
    return set(queries.units()["code"].astype(str))
