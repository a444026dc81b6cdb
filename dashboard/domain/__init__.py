"""Facts of the domain and the rules that follow from them (ranks, classes). Imports nothing of ours."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Any

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


# --- Facts shared by every layer, one definition each. Plain values: this module imports nothing of ours. ---

PROVINCE_CODE = "51"  # GSO code of Quảng Ngãi, kept by the province formed with Kon Tum on 1 July 2025
KON_TUM_CODE = "62"  # GSO code of Kon Tum until that merger
DISTRICTS_LAST_DAY = date(2025, 6, 30)  # the district level was abolished on 1 July 2025


class UnitKind(StrEnum):
    """What a unit is: the one list of kinds (units.kind in the database, `group` in URLs and the API).
    Members are strings, so they compare, hash, join and serialise as their values."""

    COUNTRY = "country"
    PROVINCE = "province"
    DEPARTMENT = "department"
    DISTRICT = "district"
    COMMUNE = "commune"


# The API's and the pages' `group` values (every kind but the country), in the order errors list them.
GROUP_KINDS = (UnitKind.DEPARTMENT, UnitKind.DISTRICT, UnitKind.COMMUNE, UnitKind.PROVINCE)
# The groups the province ranks (its own units), in display order.
RANKED_KINDS = (UnitKind.DISTRICT, UnitKind.DEPARTMENT, UnitKind.COMMUNE)
# A unit code: a GSO code (digits) or a department's stable slug ("so-tai-chinh"). Nothing else exists,
# so a request for anything else (underscores, dots, spaces) is refused before any query.
UNIT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")


def localized_column(field: str, lang: str | None) -> str:
    """The column holding `field` in the language: "name_en" for English, else "name_vi" (the default)."""
    return f"{field}_{'en' if lang == 'en' else 'vi'}"


def localized(row: Any, field: str, lang: str | None) -> Any:
    """A row's `field` in the language: `row["name_vi"]` or `row["name_en"]` for `field="name"`.

    `row` is anything indexed by column name (dict, pandas Series, even a DataFrame, which gives the
    column) or a named tuple from `itertuples()`. English for "en", Vietnamese (the default) otherwise.
    """
    key = localized_column(field, lang)
    if isinstance(row, tuple):
        return getattr(row, key)
    return row[key]


def is_web(url: object) -> bool:
    """True for an http(s) URL: the only kind a source may link to (never javascript: or data:)."""
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


def last_data_year(valid_to: date | None) -> int | None:
    """The last data year a unit counts for (see valid_in_year): Tây Trà, ended during 2020, -> 2019."""
    if valid_to is None:
        return None
    return valid_to.year if valid_in_year(None, valid_to, valid_to.year) else valid_to.year - 1


# A plan's target is an indicator of its own whose code ends so (EDOC_PROCESSED_ONLINE_SHARE_TARGET): it is
# drawn and downloaded as a target, never as a result of the indicator it aims at.
TARGET_SUFFIX = "_TARGET"


def is_target(indicator_code: object) -> bool:
    """Whether an indicator holds a plan's targets rather than results."""
    return str(indicator_code).endswith(TARGET_SUFFIX)
