"""The e-documents page (/van-ban-dien-tu): the published province-wide figures in order, and the unit
section: which group, share and year a query asks for, the share over the years, the unit table of that
choice and, from the same rows, its table on screen for download (api/screen.py), so that what is
downloaded is what is seen. The figures by unit are illustrative. Frames in (assemble/edocs.py reads them).

May import: domain, i18n, views.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import pandas as pd

from dashboard.domain import UnitKind, localized
from dashboard.i18n import format_number, t
from dashboard.views.cited import sources_by
from dashboard.views.published import number_as_published
from dashboard.views.screen_table import Column, ScreenTable, table_of

# Each illustrative share and the counts it is computed from (numerator, denominator).
UNIT_SHARES = {
    "EDOC_ONLINE_SHARE_ILLUSTRATIVE": ("EDOC_DOCS_ELECTRONIC", "EDOC_DOCS_ISSUED"),
    "EDOC_SIGNED_SHARE_ILLUSTRATIVE": ("EDOC_DOCS_SIGNED", "EDOC_DOCS_ISSUED"),
}
UNIT_GROUPS = (UnitKind.DISTRICT, UnitKind.DEPARTMENT)
DEFAULT_INDEX = "EDOC_ONLINE_SHARE_ILLUSTRATIVE"
# Government levels of the province-wide figures, in the order they are shown.
LEVELS = ("provincial", "district", "commune", "all", "province", "unit")


def province_figures(frame: pd.DataFrame) -> pd.DataFrame:
    """The published (never illustrative) province-wide rows of `frame`, by indicator, year and level."""
    frame = frame[(frame["data_kind"] != "illustrative") & frame["gov_level"].isin(LEVELS)].copy()
    frame["level_order"] = frame["gov_level"].map({level: i for i, level in enumerate(LEVELS)})
    return frame.sort_values(["indicator_code", "year", "level_order"])


def share_trend(frame: pd.DataFrame, index: str, series: str) -> pd.DataFrame:
    """One share of a whole group over the years (series, year, value in %), from the summed counts of its
    units, never an average of their shares."""
    numerator, denominator = UNIT_SHARES[index]
    wide = frame.pivot_table(
        index=["year", "unit_code"], columns="indicator_code", values="value"
    ).reset_index()
    totals = wide.groupby("year")[[numerator, denominator]].sum().reset_index()
    return pd.DataFrame(
        {"series": series, "year": totals["year"], "value": totals[numerator] * 100 / totals[denominator]}
    )


def unknown(query: Mapping[str, str], years: Collection[int]) -> tuple[str, str] | None:
    """(parameter, value) of the first choice given that names nothing held (`years`: the years with
    shares by unit); None when all are known."""
    text = str(query.get("year") or "")
    checks = (
        ("group", query.get("group"), lambda v: v in UNIT_GROUPS),
        ("index", query.get("index"), lambda v: v in UNIT_SHARES),
        ("year", text, lambda v: v.isdigit() and int(v) in years),
    )
    return next(((name, str(value)) for name, value, known in checks if value and not known(value)), None)


def resolve(query: Mapping[str, str], years: Collection[int]) -> tuple[str, str, int | None]:
    """Group, share indicator and year of the unit section; anything not given or unknown: the defaults."""
    group = query.get("group") if query.get("group") in UNIT_GROUPS else UnitKind.DISTRICT
    index = query.get("index") if query.get("index") in UNIT_SHARES else DEFAULT_INDEX
    text = str(query.get("year") or "")
    year = int(text) if text.isdigit() and int(text) in years else (max(years) if years else None)
    return str(group), str(index), year


def unit_rows(
    frame: pd.DataFrame, index: str, year: int, lang: str, *, sources: pd.DataFrame
) -> list[dict[str, object]]:
    """The unit table of one share and year, highest share first: the unit's name as it was that year
    (Thị xã Đức Phổ from 2020), its code, the share and its text, the counts and their sources."""
    numerator, denominator = UNIT_SHARES[index]
    shown = frame[frame["year"] == year]
    if shown.empty:
        return []
    wide = shown.pivot_table(index="unit_code", columns="indicator_code", values="value").reset_index()
    wide = wide.sort_values(index, ascending=False)
    names = localized(shown.drop_duplicates("unit_code").set_index("unit_code"), "unit_name", lang)
    cited = sources_by(shown, ["unit_code"], lang, sources=sources)
    return [
        {
            "label": names[r["unit_code"]],
            "unit_code": r["unit_code"],
            "value": r[index],
            # As stored, with its decimals (99,49 %, never rounded to 99,5 %: the download says 99.49).
            "text": f"{number_as_published(r[index], lang=lang)} %",
            "numerator": r[numerator],
            "denominator": r[denominator],
            "numerator_text": format_number(r[numerator], lang, decimals=0),
            "denominator_text": format_number(r[denominator], lang, decimals=0),
            "source": cited.get(r["unit_code"], ""),
        }
        for r in wide.to_dict("records")
    ]


def unit_columns(index: str, names: Mapping[str, str], lang: str) -> tuple[Column, ...]:
    """The unit table's columns as the page shows them: unit, %, numerator, denominator (by their names,
    `names`: the indicators' names by code)."""
    numerator, denominator = UNIT_SHARES[index]
    return (
        Column("label", t("edocs.col.unit", lang)),
        Column("value", "%", "number"),
        Column("numerator", str(names[numerator]), "integer"),
        Column("denominator", str(names[denominator]), "integer"),
    )


def screen_table(rows: list[dict[str, object]], columns: tuple[Column, ...], lang: str) -> ScreenTable:
    """The table on screen for download of the unit table's rows and columns: the unit's code after its
    name, and the sources last (the generated figures say so there, as the page's banner does)."""
    shown = list(columns)
    shown.insert(1, Column("unit_code", t("screen.unit_code", lang)))
    shown.append(Column("source", t("edocs.col.source", lang)))
    return table_of(rows, shown)
