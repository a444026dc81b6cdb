"""The compare page's differences table (/so-sanh): each picked unit's value per year and its difference
from the first picked unit, and, from the same rows, its table on screen for download (api/screen.py), so
that what is downloaded is what is seen. Frames in (assemble/compare_table.py reads them).

May import: domain, i18n, views.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.i18n import format_number, t
from dashboard.views import comparison
from dashboard.views.cited import sources_by
from dashboard.views.comparison import Selection
from dashboard.views.screen_table import Column, ScreenTable, table_of

# Scores are shown with two decimals and a difference of two of them has no more: it is rounded to them
# (66.12 − 65.67 is 0.45, not the float subtraction's -0.45000000000000284).
DECIMALS = 2


def signed(value: float | None, lang: str) -> str:
    """'+1,25', '−0,50', '0,00', or '–' when there is no difference."""
    if value is None:
        return "–"
    text = format_number(abs(value), lang, decimals=DECIMALS)
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)


def _number(value: object) -> float | None:
    if value is None or pd.isna(value):
        return None
    return float(value)  # type: ignore[arg-type]


def difference_rows(
    frame: pd.DataFrame, selection: Selection, lang: str, *, sources: pd.DataFrame
) -> list[dict[str, object]]:
    """Per year, newest first: each unit's value as the page shows it ('683,50 (+1,20)': the difference
    from the first unit in brackets), the value and the difference as numbers, and the year's sources."""
    table = comparison.differences(frame, selection.codes)
    first = selection.codes[0]
    cited = sources_by(frame, ["year"], lang, sources=sources)
    rows = []
    for record in table.to_dict("records"):
        row: dict[str, object] = {"year": int(record["year"]), "source": cited.get(record["year"], "")}
        for code in shown_codes(frame, selection):
            value = _number(record.get(code))
            text = format_number(value, lang, decimals=DECIMALS)
            difference = None if code == first else _number(record.get(f"{code}:diff"))
            difference = None if difference is None else round(difference, DECIMALS)
            if code != first and value is not None:
                text = f"{text} ({signed(difference, lang)})"
            row |= {code: text, f"{code}:value": value, f"{code}:diff": difference}
        rows.append(row)
    return rows


def shown_codes(frame: pd.DataFrame, selection: Selection) -> list[str]:
    """The picked units that have a column (a unit without figures has none), in the order picked."""
    held = set(frame.loc[frame["value"].notna(), "unit_code"])
    return [c for c in selection.codes if c in held]


def difference_columns(
    frame: pd.DataFrame, selection: Selection, names: Mapping[str, str], lang: str
) -> tuple[Column, ...]:
    """The table's columns as the page shows them: year, then one column per unit (by its current name,
    `names`)."""
    codes = shown_codes(frame, selection)
    return (Column("year", t("control.year", lang), "integer"), *(Column(c, names[c]) for c in codes))


def screen_table(
    frame: pd.DataFrame, selection: Selection, lang: str, *, names: Mapping[str, str], sources: pd.DataFrame
) -> ScreenTable:
    """The table on screen for download: the year, then each unit's value as a number and, after every
    unit but the first, its difference from the first as a number; the sources last."""
    first = names[selection.codes[0]]
    columns = [Column("year", t("control.year", lang), "integer")]
    for column in difference_columns(frame, selection, names, lang)[1:]:
        columns.append(Column(f"{column.key}:value", column.label, "number"))
        if column.key != selection.codes[0]:
            label = t("screen.difference", lang, unit=column.label, first=first)
            columns.append(Column(f"{column.key}:diff", label, "number"))
    columns.append(Column("source", t("edocs.col.source", lang)))
    rows = difference_rows(frame, selection, lang, sources=sources) if not frame.empty else []
    return table_of(rows, columns)
