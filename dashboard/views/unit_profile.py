"""A unit profile's sections (/don-vi/<code>) beyond its scores: the sub-indices against the median of the
unit's own group, its lineage, the communes it was formed from and its e-document figures. Frames in
(assemble/unit_profile.py reads them), frames out.

May import: domain, i18n, views.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# The illustrative e-document shares a profile draws as a series.
EDOC_INDICATORS = ("EDOC_ONLINE_SHARE_ILLUSTRATIVE", "EDOC_SIGNED_SHARE_ILLUSTRATIVE")


@dataclass(frozen=True)
class SubIndices:
    """A unit's sub-indices of one year beside its group's medians, each out of the unit's own maximum."""

    subs: pd.DataFrame  # the sub-indicators, in their order
    frame: pd.DataFrame  # every member of the unit's group (the rows the chart draws)
    own: pd.DataFrame  # the unit's rows, by indicator code
    medians: pd.Series  # the group's median, by indicator code
    maxima: dict[str, object]  # the maximum of each sub-index for this unit


def sub_indices(subs: pd.DataFrame, frame: pd.DataFrame, code: str) -> SubIndices:
    """`frame`: the sub-indices' observations of the unit's kind and year.

    The median is that of the unit's own group under the method (a department without procedures is out of
    800, not 1,000): its members share the maxima, so points and % of the maximum agree."""
    group = frame.loc[frame["unit_code"] == code, "unit_group"].dropna()
    if not group.empty:
        frame = frame[frame["unit_group"] == group.iloc[0]]
    medians = frame.groupby("indicator_code")["value"].median()
    own = frame[frame["unit_code"] == code].set_index("indicator_code")
    maxima = {
        c: own["max_value"].get(c) if pd.notna(own["max_value"].get(c)) else top
        for c, top in zip(subs["code"], subs["max_value"], strict=True)
    }
    return SubIndices(subs=subs, frame=frame, own=own, medians=medians, maxima=maxima)


@dataclass(frozen=True)
class Lineage:
    """What a unit came from, became, and what changed in it (rows of the lineage)."""

    came: pd.DataFrame
    became: pd.DataFrame
    changed: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.came.empty and self.became.empty and self.changed.empty


def lineage_of(lineage: pd.DataFrame, code: str) -> Lineage:
    """The unit's rows of the lineage, split by direction."""
    came = lineage[(lineage["to_code"] == code) & (lineage["from_code"] != code)]
    became = lineage[(lineage["from_code"] == code) & (lineage["to_code"] != code)]
    changed = lineage[(lineage["from_code"] == code) & (lineage["to_code"] == code)]
    return Lineage(came=came, became=became, changed=changed)


def edoc_figures(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A unit's e-document rows split into the published ones (worded as published, never drawn as a
    series) and the illustrative shares drawn over the years."""
    real = frame[frame["data_kind"] != "illustrative"]
    drawn = frame[(frame["data_kind"] == "illustrative") & frame["indicator_code"].isin(EDOC_INDICATORS)]
    return real, drawn
