"""The frames of /ca-nuoc (views/national_position.py) from the stored observations: Quảng Ngãi's national
ranks and monthly index, Kon Tum's DTI history and class counts, DTI 2024 in both groupings."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import queries
from dashboard.assemble.national_table import national_codes
from dashboard.domain import KON_TUM_CODE, PROVINCE_CODE
from dashboard.queries import ObservationFilter
from dashboard.views import national_position as position

SERVICE_DECISION = "766/QĐ-TTg"  # the decision that set up the service index


@dataclass(frozen=True)
class NationalFrames:
    """Every frame the national page draws or cites."""

    ranks_all: pd.DataFrame  # Quảng Ngãi's ranks by year, every source
    ranks: pd.DataFrame  # the rows its rank chart draws
    monthly: pd.DataFrame  # the service index, month by month
    kontum_all: pd.DataFrame  # Kon Tum's DTI, every source
    kontum: pd.DataFrame  # the rows its rank chart draws
    kontum_classes: pd.DataFrame  # Kon Tum's 2023 class counts
    dti_2024: pd.DataFrame  # DTI 2024 of both groupings and the national aggregates of every year
    rankings: pd.DataFrame  # every province's DTI rows, both groupings (how many provinces an average is of)

    @property
    def cited(self) -> pd.DataFrame:
        """The rows whose sources the page lists."""
        return pd.concat([self.ranks_all, self.monthly, self.kontum_all, self.kontum_classes, self.dti_2024])


def frames() -> NationalFrames:
    """Read the national page's frames."""
    ranks_all, monthly = position.ranks_and_months(
        queries.observations(ObservationFilter(indicators=national_codes(), unit_codes=(PROVINCE_CODE,)))
    )
    kontum_all = queries.observations(ObservationFilter(indicators=("NAT_DTI",), unit_codes=(KON_TUM_CODE,)))
    return NationalFrames(
        ranks_all=ranks_all,
        ranks=position.drawn_ranks(ranks_all),
        monthly=monthly,
        kontum_all=kontum_all,
        kontum=position.best_rows(kontum_all),
        kontum_classes=_kontum_class_counts(),
        dti_2024=_dti_2024(),
        rankings=queries.observations(ObservationFilter(indicators=position.GROUPINGS)),
    )


def _kontum_class_counts() -> pd.DataFrame:
    """Kon Tum's 2023 results as published (QĐ 205/QĐ-UBND): how many units were in each class."""
    codes = tuple(c for c in queries.indicators()["code"] if str(c).startswith("KT_DTI_UNITS_"))
    return queries.observations(ObservationFilter(indicators=codes, unit_codes=(KON_TUM_CODE,)))


def _dti_2024() -> pd.DataFrame:
    """DTI 2024 rows of both groupings and the national aggregates of every year."""
    frame = queries.observations(ObservationFilter(indicators=position.GROUPINGS, years=(2024,)))
    return pd.concat([frame, queries.observations(ObservationFilter(indicators=position.AGGREGATES))])


def service_decision_url() -> str | None:
    """The stored source of the service index's decision (the timeline's event), if held."""
    return position.decision_url(queries.events(), SERVICE_DECISION)
