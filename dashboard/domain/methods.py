"""An index set as published: its decision, index tree, maxima per unit group and class scheme (or none).
Pure; imports only scoring.

Every page, figure and download takes indices, maxima and classes from here, never from a method's code:
a method without a class scheme gets no class, never one guessed from another method.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

CLASS_BASES = ("percent", "points")  # what a scheme's lower bounds are on: % of the maximum, or points


@dataclass(frozen=True)
class Decision:
    """The document that issues (or corrects) a set. `date` as printed: "2025", "2025-04" or "2025-04-03"."""

    issuer: str | None = None
    number: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Indicator:
    """One index of the tree. `maxima` holds the groups whose maximum differs from `max_value`."""

    code: str
    name_vi: str
    name_en: str
    parent_code: str | None = None
    measure: str = "points"
    max_value: float | None = None
    maxima: Mapping[str, float] = field(default_factory=dict)
    sum_of_children: bool = False
    sort_order: int = 0
    higher_is_better: bool = True

    def maximum(self, group: str | None = None) -> float | None:
        """The maximum for units of a group (the indicator's own where the group has none)."""
        if group is not None and group in self.maxima:
            return self.maxima[group]
        return self.max_value


@dataclass(frozen=True)
class UnitGroup:
    """A group of units the decision scores on their own maxima ("sở không có TTHC")."""

    code: str
    name_vi: str
    name_en: str
    unit_kind: str | None = None


@dataclass(frozen=True)
class ClassBand:
    """One class of a scheme: its code, labels and the lowest value (inclusive) that reaches it."""

    code: str
    label_vi: str
    label_en: str
    lower_bound: float

    def label(self, lang: str | None) -> str:
        """The label in the language (Vietnamese by default)."""
        return self.label_en if lang == "en" else self.label_vi


@dataclass(frozen=True)
class ClassScheme:
    """Ordered classes, best first, with lower bounds on % of the maximum or on points."""

    basis: str
    bands: tuple[ClassBand, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        """Class codes, best first."""
        return tuple(band.code for band in self.bands)

    def band(self, code: str | None) -> ClassBand | None:
        """The class of a code, or None."""
        return next((band for band in self.bands if band.code == code), None)

    def classify(self, value: float | None, maximum: float | None) -> str | None:
        """The class code of a value out of `maximum`; None when unknown (no value, or no maximum for a
        percentage scheme). A value below every bound gets the last class."""
        if value is None or math.isnan(value) or not self.bands:
            return None
        if self.basis == "percent":
            if not maximum:
                return None
            value = 100 * value / maximum
        value = round(value, 9)  # 90.00000000000001 and 89.99999999999999 are both 90
        for band in self.bands:
            if value >= band.lower_bound:
                return band.code
        return self.bands[-1].code


@dataclass(frozen=True)
class Correction:
    """One change a correcting document made to a set that stored results already used."""

    corrected_at: str
    document: str
    document_date: str | None
    source_url: str | None
    item: str
    field: str
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True)
class IndexSet:
    """A methodology as published. `indicators` in tree order (roots first, each followed by its
    components), `groups` in the decision's order; `scheme` None when the set defines no classes."""

    code: str
    family: str
    name_vi: str
    name_en: str
    first_year: int
    last_year: int | None = None
    description_vi: str = ""
    description_en: str = ""
    total_rule: str | None = None
    legal_basis: str | None = None
    illustrative: bool = False
    decision: Decision = Decision()
    indicators: tuple[Indicator, ...] = ()
    groups: tuple[UnitGroup, ...] = ()
    scheme: ClassScheme | None = None
    corrections: tuple[Correction, ...] = ()
    published_at: str | None = None  # when an officer published it; None for the shipped sets

    @property
    def has_classes(self) -> bool:
        """Whether the set defines classes at all."""
        return self.scheme is not None and bool(self.scheme.bands)

    def indicator(self, code: str) -> Indicator | None:
        """An indicator of the set by code, or None."""
        return next((i for i in self.indicators if i.code == code), None)

    def roots(self) -> tuple[Indicator, ...]:
        """The indices without a parent (usually the one total)."""
        return tuple(i for i in self.indicators if i.parent_code is None)

    def children(self, code: str) -> tuple[Indicator, ...]:
        """The components of an index, in published order."""
        return tuple(i for i in self.indicators if i.parent_code == code)

    def group(self, code: str | None) -> UnitGroup | None:
        """A unit group of the set by code, or None."""
        return next((g for g in self.groups if g.code == code), None)

    def maximum(self, indicator: str, group: str | None = None) -> float | None:
        """An indicator's maximum for a unit group; a percentage is out of 100. None when unknown."""
        found = self.indicator(indicator)
        if found is None:
            return None
        if found.measure == "percent":
            return 100.0
        return found.maximum(group)

    def classify(self, value: float | None, maximum: float | None) -> str | None:
        """The class code of a value out of `maximum`; None when the set defines no classes."""
        return self.scheme.classify(value, maximum) if self.scheme is not None else None

    def class_label(self, code: str | None, lang: str | None) -> str | None:
        """A class code's label in the language; None for no class or a code the scheme lacks."""
        band = self.scheme.band(code) if self.scheme is not None else None
        return band.label(lang) if band is not None else None


def ordered_tree(indicators: list[Indicator]) -> tuple[Indicator, ...]:
    """Indicators in tree order: each root by sort order, followed depth-first by its components."""
    by_parent: dict[str | None, list[Indicator]] = {}
    codes = {i.code for i in indicators}
    for item in indicators:
        parent = item.parent_code if item.parent_code in codes else None
        by_parent.setdefault(parent, []).append(item)
    ordered: list[Indicator] = []

    def walk(parent: str | None) -> None:
        for item in sorted(by_parent.get(parent, []), key=lambda i: (i.sort_order, i.code)):
            ordered.append(item)
            walk(item.code)

    walk(None)
    return tuple(ordered)


def percent_of(value: float | None, maximum: float | None) -> float | None:
    """A value as % of a maximum (for comparing units with different maxima); None when unknown."""
    if value is None or maximum is None or not maximum or math.isnan(value):
        return None
    return 100 * value / maximum
