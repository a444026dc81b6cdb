"""User-facing text in Vietnamese (default) and English, and number formatting per language.

Imports nothing of ours. Every key must exist in every language, and every key must be used (tests check).
The catalogues are Python modules, not gettext `.po` files: `t()` keeps `str.format` placeholders, the
data dictionary and the stored licences and events are built in code, tests import the catalogues
directly, and nothing is compiled at deploy; Babel is not a dependency, and the two languages are
written by the people who write the pages.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from pathlib import Path

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def _merge_catalogs() -> dict[str, dict[str, str]]:
    """Merge the per-area text modules; a key defined twice is a bug."""
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for module_name in TEXT_MODULES:
        module = importlib.import_module(f"{__package__}.texts.{module_name}")
        for lang in LANGUAGES:
            duplicated = merged[lang].keys() & module.TEXTS[lang].keys()
            if duplicated:
                raise KeyError(f"texts.{module_name} redefines {sorted(duplicated)}")
            merged[lang].update(module.TEXTS[lang])
    return merged


# One module per page or domain area (its docstring says which). A key's area is its first dotted segment,
# except `admin.method`, `admin.units`, `admin.unknown` and `data.field`, which are areas of their own; each
# area lives in exactly one module (tests/pure/i18n/test_text_catalogues.py). Every module in texts/ counts.
TEXT_MODULES = tuple(sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent / "texts")])))
CATALOGS = _merge_catalogs()


def normalize_language(lang: str | None) -> str:
    """Return a supported language code, falling back to Vietnamese."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None = DEFAULT_LANGUAGE, **values: object) -> str:
    """Translate a key; missing keys raise so that gaps are found by tests, not by users."""
    text = CATALOGS[normalize_language(lang)][key]
    return text.format(**values) if values else text


def format_number(value: float | None, lang: str | None = DEFAULT_LANGUAGE, *, decimals: int = 1) -> str:
    """Format a number Vietnamese style (1.234,5) or English style (1,234.5); '–' for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if normalize_language(lang) == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def d3_locale_format(lang: str | None) -> dict[str, object]:
    """Return plotly layout.separators for the language (decimal then thousands)."""
    return {"separators": ",." if normalize_language(lang) == "vi" else ".,"}
