"""The methodology page's block of each stored index set (views.index_set_table): its decision, every index
with its maximum (per unit group where the decision gives groups their own), the class scheme (or that it
defines none), and the corrections made to it. Everything from the stored set, nothing per code."""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from dashboard.domain.methods import IndexSet
from dashboard.i18n import t
from dashboard.views.index_set_table import MethodTable, method_table


def _table(table: MethodTable) -> html.Table:
    header = [html.Th(table.columns[0], scope="col")] + [
        html.Th(name, scope="col", className="text-end") for name in table.columns[1:]
    ]
    body = [
        html.Tr(
            [
                html.Th(row.name, scope="row", className=f"ps-{min(3 * row.depth, 5)}" if row.depth else ""),
                *[html.Td(cell, className="text-end") for cell in row.maxima],
            ]
        )
        for row in table.rows
    ]
    return html.Table([html.Thead(html.Tr(header)), html.Tbody(body)], className="table table-sm data-table")


def index_set_block(index_set: IndexSet, *, lang: str) -> html.Div:
    """One set: name and years, decision, the tree with maxima, classes, corrections."""
    table = method_table(index_set, lang=lang)
    decision = (
        html.A(table.decision, href=table.decision_url, rel="noopener", target="_blank")
        if table.decision_url
        else table.decision
    )
    corrections = (
        html.Div(
            [
                html.P(t("methods.corrections", lang), className="small mb-1"),
                html.Ul([html.Li(text) for text in table.corrections], className="small"),
            ]
        )
        if table.corrections
        else None
    )
    return html.Div(
        [
            html.H3(table.title, className="h6"),
            html.P([f"{t('methods.decision', lang)}: ", decision], className="small"),
            html.Div(_table(table), className="table-responsive"),
            html.P(f"{t('methods.classes', lang)}: {table.classes}", className="small"),
            corrections,
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
