"""Matching of Vietnamese unit names to official codes. Pure; imports nothing of ours."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

# Longest first, so "uy ban nhan dan huyen" is stripped before "huyen".
_PREFIXES = sorted(
    {
        "uy ban nhan dan",
        "ubnd",
        "tinh",
        "thanh pho",
        "tp",
        "thi xa",
        "huyen",
        "quan",
        "xa",
        "phuong",
        "thi tran",
        "dac khu",
        "so",
    },
    key=len,
    reverse=True,
)
_SUFFIXES = ("tinh quang ngai", "quang ngai tinh")


def fold(text: str) -> str:
    """Lower-case, drop diacritics (đ -> d) and punctuation, collapse spaces."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def name_keys(name: str) -> set[str]:
    """Return the folded forms a name may be written as: full, and without administrative prefixes."""
    folded = fold(name)
    keys = {folded}
    stripped = folded
    for suffix in _SUFFIXES:
        if stripped.endswith(" " + suffix) and stripped != suffix:
            stripped = stripped[: -len(suffix) - 1]
    keys.add(stripped)
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if stripped.startswith(prefix + " ") and len(stripped) > len(prefix) + 1:
                stripped = stripped[len(prefix) + 1 :]
                keys.add(stripped)
                changed = True
                break
    return {key for key in keys if key}


@dataclass
class NameIndex:
    """Resolve names to codes; never guesses: ambiguous or unknown names come back with candidates."""

    _by_key: dict[str, set[str]] = field(default_factory=dict)
    _labels: dict[str, str] = field(default_factory=dict)

    def add(self, code: str, names: Iterable[str]) -> None:
        """Register every written form of a unit's names."""
        for name in names:
            self._labels.setdefault(code, name)
            for key in name_keys(name):
                self._by_key.setdefault(key, set()).add(code)

    def matches(self, name: str) -> set[str]:
        """Return the codes named by the most specific indexed form of a name (empty set if none).

        The full name decides before any shortened form: 'Huyện Sơn Tây' names the district only,
        even where 'Sơn Tây' alone would also fit the commune 'Xã Sơn Tây'.
        """
        for key in sorted(name_keys(name), key=lambda k: (-len(k), k)):
            codes = self._by_key.get(key)
            if codes:
                return set(codes)
        return set()

    def label(self, code: str) -> str:
        """Return 'Name (code)' for messages."""
        return f"{self._labels.get(code, code)} ({code})"

    def resolve(self, name: str, *, allowed: set[str] | None = None) -> tuple[str | None, list[str]]:
        """Return (code, []) on a unique match, else (None, candidate labels)."""
        codes = self.matches(name)
        if not codes:
            return None, self.closest(name)
        if allowed is not None:
            codes &= allowed
        if len(codes) == 1:
            return next(iter(codes)), []
        return None, sorted(self.label(c) for c in codes) if codes else self.closest(name)

    def closest(self, name: str, *, limit: int = 3) -> list[str]:
        """Return the labels of the closest known names, for error messages."""
        folded = fold(name)
        matches = difflib.get_close_matches(folded, list(self._by_key), n=limit * 3, cutoff=0.5)
        labels: list[str] = []
        for match in matches:
            for code in sorted(self._by_key[match]):
                label = self.label(code)
                if label not in labels:
                    labels.append(label)
        return labels[:limit]
