"""How a correction is worded wherever it is shown (the /du-lieu record, the Atom feeds): a class by its
name, a plain number with the language's decimal mark, a printed figure ('trên 99 %') as printed.

May import: i18n.
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import t


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def shown(text: str, field: str, lang: str) -> str:
    """A stored old or new value as the pages write it."""
    if not text:
        return "–"
    if field == "class_label":
        return t(f"class.{text}", lang)
    if lang == "vi" and text.replace(".", "", 1).lstrip("-").isdigit():
        return text.replace(".", ",")
    return text


def change_text(row: object, lang: str) -> str:
    """'giá trị: 95,26 → 96,00', or '95,26 → (removed)' for a row a replace removed (row: a corrections
    record with field, old_value and new_value)."""
    field, old, new = (getattr(row, name) for name in ("field", "old_value", "new_value"))
    if field == "removed":
        return f"{shown(_text(old), 'value', lang)} → ({t('corrections.removed', lang)})"
    before, after = (shown(_text(value), field, lang) for value in (old, new))
    return f"{t(f'corrections.field.{field}', lang)}: {before} → {after}"
