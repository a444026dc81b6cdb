"""How Vietnamese unit names are written: folding (no diacritics, case or punctuation) and the forms a
name takes with and without administrative prefixes. Pure; imports nothing of ours."""

from __future__ import annotations

import re
import unicodedata

# Administrative prefix -> the family of units it introduces. A name matched only after stripping a
# prefix must have been registered under the same family: "TP Tuyên Quang" (a city) never resolves to
# "Tỉnh Tuyên Quang" (a province) through the bare "Tuyên Quang". None: transparent ("UBND huyện X").
_PREFIX_FAMILY = {
    "uy ban nhan dan": None,
    "ubnd": None,
    "tinh": "province",
    "thanh pho": "city",
    "tp": "city",
    "thi xa": "district",
    "huyen": "district",
    "quan": "district",
    "xa": "commune",
    "phuong": "commune",
    "thi tran": "commune",
    "dac khu": "commune",
    "so": "department",
}
# Longest first, so "uy ban nhan dan huyen" is stripped before "huyen".
_PREFIXES = sorted(_PREFIX_FAMILY, key=len, reverse=True)
_SUFFIXES = ("tinh quang ngai", "quang ngai tinh")


def without_diacritics(text: str) -> str:
    """The text without its diacritics ("Đức Phổ" -> "Duc Pho"); case and punctuation kept. The one
    diacritic fold of the app (assets/a11y.js's fold() does the same in the browser)."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def fold(text: str) -> str:
    """Lower-case, drop diacritics (đ -> d) and punctuation, collapse spaces."""
    text = without_diacritics(text).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def name_forms(name: str) -> dict[str, str | None]:
    """Return each folded form a name may be written as, with the family of the prefix stripped to reach
    it (None for the name as written, or when only transparent prefixes such as 'UBND' were stripped)."""
    folded = fold(name)
    forms: dict[str, str | None] = {folded: None}
    stripped = folded
    for suffix in _SUFFIXES:
        if stripped.endswith(" " + suffix) and stripped != suffix:
            stripped = stripped[: -len(suffix) - 1]
    forms.setdefault(stripped, None)
    family: str | None = None
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if stripped.startswith(prefix + " ") and len(stripped) > len(prefix) + 1:
                stripped = stripped[len(prefix) + 1 :]
                family = family or _PREFIX_FAMILY[prefix]
                forms.setdefault(stripped, family)
                changed = True
                break
    return {key: value for key, value in forms.items() if key}


def name_keys(name: str) -> set[str]:
    """Return the folded forms a name may be written as: full, and without administrative prefixes."""
    return set(name_forms(name))
