"""Matching of Vietnamese unit names to official codes. Pure; imports nothing of ours."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

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
_CLOSEST_CUTOFF = 50  # rapidfuzz ratio (0–100) below which a known name is no help


def fold(text: str) -> str:
    """Lower-case, drop diacritics (đ -> d) and punctuation, collapse spaces."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
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


@dataclass
class NameIndex:
    """Resolve names to codes; never guesses: ambiguous or unknown names come back with candidates."""

    _by_key: dict[str, dict[str, set[str | None]]] = field(default_factory=dict)
    _labels: dict[str, str] = field(default_factory=dict)
    _choices: dict[frozenset[str] | None, list[str]] = field(default_factory=dict, repr=False)

    def add(self, code: str, names: Iterable[str]) -> None:
        """Register every written form of a unit's names."""
        self._choices.clear()
        for name in names:
            self._labels.setdefault(code, name)
            for key, family in name_forms(name).items():
                self._by_key.setdefault(key, {}).setdefault(code, set()).add(family)

    def matches(self, name: str) -> set[str]:
        """Return the codes named by the most specific indexed form of a name (empty set if none).

        The full name decides before any shortened form: 'Huyện Sơn Tây' names the district only,
        even where 'Sơn Tây' alone would also fit the commune 'Xã Sơn Tây'. A form reached by stripping a
        prefix only names units registered under that prefix's family (or under their bare name).
        """
        forms = name_forms(name)
        for key in sorted(forms, key=lambda k: (-len(k), k)):
            family = forms[key]
            codes = {
                code
                for code, families in self._by_key.get(key, {}).items()
                if family is None or None in families or family in families
            }
            if codes:
                return codes
        return set()

    def label(self, code: str) -> str:
        """Return 'Name (code)' for messages."""
        return f"{self._labels.get(code, code)} ({code})"

    def resolve(self, name: str, *, allowed: set[str] | None = None) -> tuple[str | None, list[str]]:
        """Return (code, []) on a unique match, else (None, candidate labels)."""
        codes = self.matches(name)
        if not codes:
            return None, self.closest(name, among=allowed)
        if allowed is not None:
            codes &= allowed
        if len(codes) == 1:
            return next(iter(codes)), []
        return None, sorted(self.label(c) for c in codes) if codes else self.closest(name, among=allowed)

    def closest(self, name: str, *, limit: int = 3, among: set[str] | None = None) -> list[str]:
        """Return the labels of the closest known names (of the units `among`, if given) for messages.

        rapidfuzz scores every known form in C: 20,000 unknown names are answered in well under a second.
        """
        key = frozenset(among) if among is not None else None
        if key not in self._choices:
            self._choices[key] = sorted(
                form for form, codes in self._by_key.items() if among is None or not among.isdisjoint(codes)
            )
        found = process.extract(
            fold(name), self._choices[key], scorer=fuzz.ratio, limit=limit * 3, score_cutoff=_CLOSEST_CUTOFF
        )
        labels: list[str] = []
        for form, _, _ in found:
            for code in sorted(self._by_key[form]):
                label = self.label(code)
                if (among is None or code in among) and label not in labels:
                    labels.append(label)
        return labels[:limit]
