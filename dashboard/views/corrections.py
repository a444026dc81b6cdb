"""How a correction is worded wherever it is shown (the /du-lieu record, the Atom feeds): a class by its
name, a plain number with the language's decimal mark, a printed figure ('trên 99 %') as printed.

May import: i18n.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.i18n import t


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


# (indicator code, class code) -> the class's label under the indicator's own method, if it has one.
ClassNames = Callable[[str, str], str | None]


def shown(text: str, field: str, lang: str, *, indicator: str = "", classes: ClassNames | None = None) -> str:
    """A stored old or new value as the pages write it."""
    if not text:
        return "–"
    if field == "class_label":
        return (classes(indicator, text) if classes else None) or t(f"class.{text}", lang)
    if lang == "vi" and text.replace(".", "", 1).lstrip("-").isdigit():
        return text.replace(".", ",")
    return text


def change_text(row: object, lang: str, *, classes: ClassNames | None = None) -> str:
    """'giá trị: 95,26 → 96,00', or '95,26 → (removed)' for a row a replace removed (row: a corrections
    record with field, old_value, new_value and indicator_code; `classes` names a class in its method)."""
    field, old, new = (getattr(row, name) for name in ("field", "old_value", "new_value"))
    if field == "removed":
        return f"{shown(_text(old), 'value', lang)} → ({t('corrections.removed', lang)})"
    indicator = str(getattr(row, "indicator_code", "") or "")
    before, after = (shown(_text(v), field, lang, indicator=indicator, classes=classes) for v in (old, new))
    return f"{t(f'corrections.field.{field}', lang)}: {before} → {after}"
