"""The e-documents page (views/edocs.py) from the stored figures: the published province-wide ones, the
unit section's illustrative ones, and what its table on screen for download is called."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard import queries
from dashboard.domain import KON_TUM_CODE, PROVINCE_CODE, localized
from dashboard.i18n import t
from dashboard.queries import ObservationFilter
from dashboard.views import edocs, published
from dashboard.views.screen_table import Column, ScreenTable
from dashboard.views.screen_table import file_stem as file_name

# Province-wide figures of Quảng Ngãi and Kon Tum, and the one unit a source gives a figure for.
PUBLISHED_UNITS = (PROVINCE_CODE, KON_TUM_CODE, "bql-kkt-dung-quat")


def province_rows(lang: str) -> pd.DataFrame:
    """Published province-wide e-document figures of Quảng Ngãi, never illustrative ones, worded."""
    indicators = queries.indicators()
    codes = tuple(indicators.loc[indicators["family"] == "edoc", "code"])
    frame = queries.observations(ObservationFilter(indicators=codes, unit_codes=PUBLISHED_UNITS))
    return published.worded(edocs.province_figures(frame), lang, home=PROVINCE_CODE)


def unit_frame(group: str) -> pd.DataFrame:
    """The illustrative shares and counts of every unit of a group, every year."""
    shares = edocs.UNIT_SHARES
    codes = tuple(shares) + tuple({c for pair in shares.values() for c in pair})
    frame = queries.observations(ObservationFilter(indicators=codes, unit_kinds=(group,)))
    return frame[frame["data_kind"] == "illustrative"]


def unit_years() -> list[int]:
    """The years that have illustrative shares by unit."""
    frame = queries.observations(ObservationFilter(indicators=tuple(edocs.UNIT_SHARES)))
    return sorted(int(y) for y in frame.loc[frame["data_kind"] == "illustrative", "year"].unique())


def unknown(query: Mapping[str, str]) -> tuple[str, str] | None:
    """(parameter, value) of the first choice given that names nothing held; None when all are known."""
    return edocs.unknown(query, unit_years())


def resolve(query: Mapping[str, str]) -> tuple[str, str, int | None]:
    """Group, share indicator and year of the unit section; anything not given or unknown: the defaults."""
    return edocs.resolve(query, unit_years())


def unit_rows(frame: pd.DataFrame, index: str, year: int, lang: str) -> list[dict[str, object]]:
    """The unit table of one share and year, highest share first (views.edocs.unit_rows)."""
    return edocs.unit_rows(frame, index, year, lang, sources=queries.sources())


def _names(lang: str) -> Mapping[str, str]:
    return localized(queries.indicators().set_index("code"), "name", lang)


def unit_columns(index: str, lang: str) -> tuple[Column, ...]:
    """The unit table's columns as the page shows them: unit, %, numerator, denominator (by their names)."""
    return edocs.unit_columns(index, _names(lang), lang)


def screen_table(group: str, index: str, year: int, lang: str) -> ScreenTable:
    """The table on screen for download of a group's units in one share and year."""
    rows = unit_rows(unit_frame(group), index, year, lang)
    return edocs.screen_table(rows, unit_columns(index, lang), lang)


def title(group: str, index: str, year: int, lang: str) -> str:
    """'Tỷ lệ văn bản điện tử … – UBND cấp huyện 2023 (bảng đang xem)'."""
    names = _names(lang)
    return t("screen.title", lang, index=names[index], group=t(f"group.{group}.plural", lang), year=year)


def file_stem(group: str, index: str, year: int) -> str:
    """'van-ban-dien-tu-cap-huyen-2023-ty-le-van-ban-…': what the file is, in Vietnamese always."""
    name = queries.indicators().set_index("code").loc[index, "name_vi"]
    return file_name("van-ban-dien-tu", group=group, year=year, index_name=str(name))
