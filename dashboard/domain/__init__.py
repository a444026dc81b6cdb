"""Facts of the domain and the rules that follow from them (ranks, classes). Imports nothing of ours."""

from __future__ import annotations

from datetime import date

# The province's own evaluations of its agencies and committees, in order of method (readiness index
# 2012-2019, DTI in percent 2020-2024, DTI in points from 2025).
PROVINCIAL_FAMILIES = ("qn-readiness", "qn-dti")
# Which groups a data year can have: the district level ended on 30/6/2025 and the 96 commune-level
# units began on 1/7/2025 (a year counts for a unit that existed on its 31 December).
LAST_DISTRICT_YEAR = 2024
FIRST_COMMUNE_YEAR = 2025


def valid_in_year(valid_from: date | None, valid_to: date | None, year: int) -> bool:
    """A unit counts for a data year when it existed on 31 December of that year."""
    reference = date(year, 12, 31)
    return (valid_from is None or valid_from <= reference) and (valid_to is None or valid_to >= reference)
