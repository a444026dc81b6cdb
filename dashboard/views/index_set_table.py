"""An index set as the methodology page shows it: title, issuing decision, the tree with every maximum
(one column per unit group with its own), the class scheme in words and the corrections. One view model
for the public page (components.methods) and the officer's preview (/quan-tri), so the preview is the
page as it will look. Pure. May import: domain, i18n.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.domain.methods import IndexSet, Indicator
from dashboard.i18n import CATALOGS, format_number, t


@dataclass(frozen=True)
class Row:
    """One index: its name, its depth in the tree (0 for the total), its maxima (one per column)."""

    name: str
    depth: int
    maxima: tuple[str, ...]

    @property
    def component(self) -> bool:
        """Whether the index is a component of another."""
        return self.depth > 0


@dataclass(frozen=True)
class MethodTable:
    """What the page shows of one set."""

    code: str
    title: str
    decision: str
    decision_url: str | None
    columns: tuple[str, ...]  # the index column, then one maximum column per group
    rows: tuple[Row, ...]
    classes: str
    corrections: tuple[str, ...]


def number(value: float, lang: str) -> str:
    """A maximum or threshold with the decimals it has (1.000; 12,5)."""
    return format_number(value, lang, decimals=0 if float(value).is_integer() else 2)


def out_of(
    value: float | None, maximum: float | None, lang: str, *, decimals: int = 2, published: object = None
) -> str:
    """A score with its maximum, "126,8/200": as `published` printed it where that text is given, else at
    most `decimals` decimals without trailing zeros; the score alone without a maximum; "–" without one."""
    if value is None or value != value:
        return "–"
    if isinstance(published, str) and published.strip():
        shown = published.strip()
    else:
        shown = format_number(value, lang, decimals=decimals)
        mark = "," if lang == "vi" else "."
        if mark in shown:
            shown = shown.rstrip("0").rstrip(mark)
    if maximum is None or maximum != maximum:
        return shown
    return t("methods.out_of", lang, value=shown, max=number(maximum, lang))


def class_name(index_set: IndexSet | None, code: object, lang: str) -> str | None:
    """A class code's label under its set; for a code the set does not define (a published class of a
    set without a scheme) the shared label of that code, else the code itself. None for no class."""
    if not isinstance(code, str):
        return None
    label = index_set.class_label(code, lang) if index_set is not None else None
    if label:
        return label
    key = f"class.{code}"
    return t(key, lang) if key in CATALOGS[lang] else code


def _years(index_set: IndexSet) -> str:
    last = "…" if index_set.last_year is None else str(index_set.last_year)
    return f"{index_set.first_year}–{last}"


def _maximum(index_set: IndexSet, indicator: Indicator, group: str | None, lang: str) -> str:
    maximum = index_set.maximum(indicator.code, group)
    if maximum is None:
        return "–"
    if indicator.measure == "percent":
        return "100 %"
    return t("scale.points", lang, max=number(maximum, lang))


def decision_text(index_set: IndexSet) -> str:
    """'UBND tỉnh X, 104/QĐ-UBND, 2023-02-07'; the legal basis when the set names no decision."""
    decision = index_set.decision
    parts = [p for p in (decision.issuer, decision.number, decision.date) if p]
    return ", ".join(parts) if parts else index_set.legal_basis or "–"


def scheme_text(index_set: IndexSet, lang: str) -> str:
    """'Tốt ≥ 90 %, Khá ≥ 70 %…', or that the set defines no classes. Thresholds of a set that names no
    issuing decision (the shipped sets of the province, whose documents were not found or whose annex was
    not seen) say that no document stating them was found."""
    if index_set.scheme is None or not index_set.has_classes:
        return t("methods.no_classes", lang)
    key = "methods.threshold" if index_set.scheme.basis == "percent" else "methods.threshold_points"
    bands = ", ".join(
        t(key, lang, label=band.label(lang), value=number(band.lower_bound, lang))
        for band in index_set.scheme.bands
    )
    if index_set.decision.number or index_set.decision.url:
        return bands
    said = [t("rule.classes_not_found", lang)]
    if index_set.illustrative:
        said.append(t("rule.classes_illustrative", lang))
    return f"{bands} ({'; '.join(said)})"


def _depth(index_set: IndexSet, indicator: Indicator) -> int:
    depth, parent = 0, indicator.parent_code
    while parent is not None and depth < len(index_set.indicators):
        depth += 1
        found = index_set.indicator(parent)
        parent = found.parent_code if found is not None else None
    return depth


def method_table(index_set: IndexSet, *, lang: str) -> MethodTable:
    """The set as the page shows it in the language."""
    groups = [None] if not index_set.groups else [g.code for g in index_set.groups]
    names = {g.code: g.name_en if lang == "en" else g.name_vi for g in index_set.groups}
    columns = (
        t("methods.indicator", lang),
        *(t("methods.max", lang) if g is None else f"{t('methods.max', lang)} – {names[g]}" for g in groups),
    )
    rows = tuple(
        Row(
            indicator.name_en if lang == "en" else indicator.name_vi,
            _depth(index_set, indicator),
            tuple(_maximum(index_set, indicator, g, lang) for g in groups),
        )
        for indicator in index_set.indicators
    )
    corrections = tuple(
        t(
            "methods.correction",
            lang,
            item=fix.item or index_set.code,
            field=fix.field,
            old=fix.old_value or "–",
            new=fix.new_value or "–",
            document=fix.document,
            when=fix.corrected_at[:10],
        )
        for fix in index_set.corrections
    )
    name = index_set.name_en if lang == "en" else index_set.name_vi
    return MethodTable(
        code=index_set.code,
        title=f"{name} ({_years(index_set)})",
        decision=decision_text(index_set),
        decision_url=index_set.decision.url,
        columns=columns,
        rows=rows,
        classes=scheme_text(index_set, lang),
        corrections=corrections,
    )
