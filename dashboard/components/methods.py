"""The methodology page's table of each stored index set: its decision, every index with its maximum (per
unit group where the decision gives groups their own), the class scheme (or that it defines none), and the
corrections made to it. Everything from the stored set (`domain.methods.IndexSet`), nothing per code."""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from dashboard.domain.methods import IndexSet, Indicator
from dashboard.i18n import format_number, t


def _years(index_set: IndexSet) -> str:
    last = "…" if index_set.last_year is None else str(index_set.last_year)
    return f"{index_set.first_year}–{last}"


def number(value: float, lang: str) -> str:
    """A maximum or threshold with the decimals it has (1.000; 12,5)."""
    return format_number(value, lang, decimals=0 if float(value).is_integer() else 2)


def _maximum(index_set: IndexSet, indicator: Indicator, group: str | None, lang: str) -> str:
    maximum = index_set.maximum(indicator.code, group)
    if maximum is None:
        return "–"
    if indicator.measure == "percent":
        return "100 %"
    return t("scale.points", lang, max=number(maximum, lang))


def decision_text(index_set: IndexSet, lang: str) -> list:
    """'UBND tỉnh X, 104/QĐ-UBND, 2023-02-07' with a link to the document; the legal basis when the set
    names no decision."""
    decision = index_set.decision
    parts = [p for p in (decision.issuer, decision.number, decision.date) if p]
    if not parts:
        return [index_set.legal_basis or "–"]
    text = ", ".join(parts)
    if decision.url:
        return [html.A(text, href=decision.url, rel="noopener", target="_blank")]
    return [text]


def scheme_text(index_set: IndexSet, lang: str) -> str:
    """'Tốt ≥ 90 %, Khá ≥ 70 %…', or that the set defines no classes."""
    if index_set.scheme is None or not index_set.has_classes:
        return t("methods.no_classes", lang)
    key = "methods.threshold" if index_set.scheme.basis == "percent" else "methods.threshold_points"
    return ", ".join(
        t(key, lang, label=band.label(lang), value=number(band.lower_bound, lang))
        for band in index_set.scheme.bands
    )


def _table(index_set: IndexSet, lang: str) -> html.Table:
    groups = index_set.groups
    columns = [None] if not groups else [g.code for g in groups]
    names = {g.code: g.name_en if lang == "en" else g.name_vi for g in groups}
    header = [html.Th(t("methods.indicator", lang), scope="col")] + [
        html.Th(
            t("methods.max", lang) if code is None else f"{t('methods.max', lang)} – {names[code]}",
            scope="col",
            className="text-end",
        )
        for code in columns
    ]
    body = [
        html.Tr(
            [
                html.Th(
                    indicator.name_en if lang == "en" else indicator.name_vi,
                    scope="row",
                    className="ps-3" if indicator.parent_code else "",
                ),
                *[
                    html.Td(_maximum(index_set, indicator, code, lang), className="text-end")
                    for code in columns
                ],
            ]
        )
        for indicator in index_set.indicators
    ]
    return html.Table([html.Thead(html.Tr(header)), html.Tbody(body)], className="table table-sm data-table")


def _corrections(index_set: IndexSet, lang: str) -> html.Div | None:
    if not index_set.corrections:
        return None
    items = [
        html.Li(
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
        )
        for fix in index_set.corrections
    ]
    return html.Div(
        [html.P(t("methods.corrections", lang), className="small mb-1"), html.Ul(items, className="small")]
    )


def index_set_block(index_set: IndexSet, *, lang: str) -> html.Div:
    """One set: name and years, decision, the tree with maxima, classes, corrections."""
    name = index_set.name_en if lang == "en" else index_set.name_vi
    return html.Div(
        [
            html.H3(f"{name} ({_years(index_set)})", className="h6"),
            html.P([f"{t('methods.decision', lang)}: ", *decision_text(index_set, lang)], className="small"),
            html.Div(_table(index_set, lang), className="table-responsive"),
            html.P(f"{t('methods.classes', lang)}: {scheme_text(index_set, lang)}", className="small"),
            _corrections(index_set, lang),
        ],
        className="method-scale",
        id=f"method-{index_set.code}",
    )


def method_scales(index_sets: Sequence[IndexSet], *, lang: str) -> html.Section:
    """One block per index set (the province's own evaluations and every set an officer published)."""
    return html.Section(
        [
            html.H2(t("methods.heading", lang), className="h4 mt-4"),
            html.P(t("methods.lead", lang)),
            *[index_set_block(s, lang=lang) for s in index_sets],
        ],
        id="method-scales",
    )
