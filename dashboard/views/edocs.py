"""The e-documents page's unit section (/van-ban-dien-tu): which group, share and year a query asks for,
the unit table of that choice and, from the same rows, its table on screen for download (api/screen.py),
so that what is downloaded is what is seen. The figures by unit are illustrative.

May import: queries, domain, i18n, views.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard import queries
from dashboard.domain import UnitKind, localized
from dashboard.i18n import format_number, t
from dashboard.queries import ObservationFilter
from dashboard.views.cited import sources_by
from dashboard.views.screen_table import Column, ScreenTable, table_of
from dashboard.views.screen_table import file_stem as file_name

# Each illustrative share and the counts it is computed from (numerator, denominator).
UNIT_SHARES = {
    "EDOC_ONLINE_SHARE_ILLUSTRATIVE": ("EDOC_DOCS_ELECTRONIC", "EDOC_DOCS_ISSUED"),
    "EDOC_SIGNED_SHARE_ILLUSTRATIVE": ("EDOC_DOCS_SIGNED", "EDOC_DOCS_ISSUED"),
}
UNIT_GROUPS = (UnitKind.DISTRICT, UnitKind.DEPARTMENT)
DEFAULT_INDEX = "EDOC_ONLINE_SHARE_ILLUSTRATIVE"


def unit_frame(group: str) -> pd.DataFrame:
    """The illustrative shares and counts of every unit of a group, every year."""
    codes = tuple(UNIT_SHARES) + tuple({c for pair in UNIT_SHARES.values() for c in pair})
    frame = queries.observations(ObservationFilter(indicators=codes, unit_kinds=(group,)))
    return frame[frame["data_kind"] == "illustrative"]


def unit_years() -> list[int]:
    """The years that have illustrative shares by unit."""
    frame = queries.observations(ObservationFilter(indicators=tuple(UNIT_SHARES)))
    return sorted(int(y) for y in frame.loc[frame["data_kind"] == "illustrative", "year"].unique())


def unknown(query: Mapping[str, str]) -> tuple[str, str] | None:
    """(parameter, value) of the first choice given that names nothing held; None when all are known."""
    text = str(query.get("year") or "")
    checks = (
        ("group", query.get("group"), lambda v: v in UNIT_GROUPS),
        ("index", query.get("index"), lambda v: v in UNIT_SHARES),
        ("year", text, lambda v: v.isdigit() and int(v) in unit_years()),
    )
    return next(((name, str(value)) for name, value, known in checks if value and not known(value)), None)


def resolve(query: Mapping[str, str]) -> tuple[str, str, int | None]:
    """Group, share indicator and year of the unit section; anything not given or unknown: the defaults."""
    group = query.get("group") if query.get("group") in UNIT_GROUPS else UnitKind.DISTRICT
    index = query.get("index") if query.get("index") in UNIT_SHARES else DEFAULT_INDEX
    years = unit_years()
    text = str(query.get("year") or "")
    year = int(text) if text.isdigit() and int(text) in years else (max(years) if years else None)
    return str(group), str(index), year


def unit_rows(frame: pd.DataFrame, index: str, year: int, lang: str) -> list[dict[str, object]]:
    """The unit table of one share and year, highest share first: the unit's name as it was that year
    (Thị xã Đức Phổ from 2020), its code, the share and its text, the counts and their sources."""
    numerator, denominator = UNIT_SHARES[index]
    shown = frame[frame["year"] == year]
    if shown.empty:
        return []
    wide = shown.pivot_table(index="unit_code", columns="indicator_code", values="value").reset_index()
    wide = wide.sort_values(index, ascending=False)
    names = localized(shown.drop_duplicates("unit_code").set_index("unit_code"), "unit_name", lang)
    cited = sources_by(shown, ["unit_code"], lang)
    return [
        {
            "label": names[r["unit_code"]],
            "unit_code": r["unit_code"],
            "value": r[index],
            "text": f"{format_number(r[index], lang)} %",
            "numerator": r[numerator],
            "denominator": r[denominator],
            "numerator_text": format_number(r[numerator], lang, decimals=0),
            "denominator_text": format_number(r[denominator], lang, decimals=0),
            "source": cited.get(r["unit_code"], ""),
        }
        for r in wide.to_dict("records")
    ]


def unit_columns(index: str, lang: str) -> tuple[Column, ...]:
    """The unit table's columns as the page shows them: unit, %, numerator, denominator (by their names)."""
    names = localized(queries.indicators().set_index("code"), "name", lang)
    numerator, denominator = UNIT_SHARES[index]
    return (
        Column("label", t("edocs.col.unit", lang)),
        Column("value", "%", "number"),
        Column("numerator", str(names[numerator]), "integer"),
        Column("denominator", str(names[denominator]), "integer"),
    )


def screen_table(group: str, index: str, year: int, lang: str) -> ScreenTable:
    """The table on screen for download: the page's columns, the unit's code after its name, and the
    sources last (the generated figures say so there, as the page's banner does)."""
    columns = list(unit_columns(index, lang))
    columns.insert(1, Column("unit_code", t("screen.unit_code", lang)))
    columns.append(Column("source", t("edocs.col.source", lang)))
    return table_of(unit_rows(unit_frame(group), index, year, lang), columns)


def title(group: str, index: str, year: int, lang: str) -> str:
    """'Tỷ lệ văn bản điện tử … – UBND cấp huyện 2023 (bảng đang xem)'."""
    names = localized(queries.indicators().set_index("code"), "name", lang)
    return t("screen.title", lang, index=names[index], group=t(f"group.{group}.plural", lang), year=year)


def file_stem(group: str, index: str, year: int) -> str:
    """'van-ban-dien-tu-cap-huyen-2023-ty-le-van-ban-…': what the file is, in Vietnamese always."""
    name = queries.indicators().set_index("code").loc[index, "name_vi"]
    return file_name("van-ban-dien-tu", group=group, year=year, index_name=str(name))
