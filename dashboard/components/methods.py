"""The methodology page's table of each method's scale: every index with its own maximum, and the class
thresholds the method defines (or that it defines none)."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.domain import localized
from dashboard.domain.methods import class_thresholds
from dashboard.i18n import format_number, t
from dashboard.views import analysis


def _years(method: pd.Series) -> str:
    last = "…" if pd.isna(method["last_year"]) else str(int(method["last_year"]))
    return f"{int(method['first_year'])}–{last}"


def _maximum(row: pd.Series, lang: str) -> str:
    if row["measure"] == "percent":
        return "100 %"
    return t("scale.points", lang, max=format_number(row["max_value"], lang, decimals=0))


def method_scales(indicators: pd.DataFrame, *, lang: str) -> html.Section:
    """One block per method of the province's own evaluations: indices with maxima, then classes."""
    own = analysis.provincial_indicators(indicators)
    blocks = []
    for code, rows in own.groupby("methodology", sort=False):
        rows = rows.sort_values(["parent_code", "sort_order"], na_position="first")
        first = rows.iloc[0]
        name = localized(first, "methodology_name", lang)
        body = [
            html.Tr(
                [
                    html.Th(localized(row, "name", lang), scope="row"),
                    html.Td(_maximum(row, lang), className="text-end"),
                ]
            )
            for _, row in rows.iterrows()
        ]
        thresholds = class_thresholds(str(code))
        classes = (
            ", ".join(
                t(
                    "methods.threshold",
                    lang,
                    label=t(f"class.{c}", lang),
                    value=format_number(v, lang, decimals=0),
                )
                for v, c in thresholds
            )
            if thresholds
            else t("methods.no_classes", lang)
        )
        blocks.append(
            html.Div(
                [
                    html.H3(f"{name} ({_years(first)})", className="h6"),
                    html.Table(
                        [
                            html.Thead(
                                html.Tr(
                                    [
                                        html.Th(t("methods.indicator", lang), scope="col"),
                                        html.Th(t("methods.max", lang), scope="col", className="text-end"),
                                    ]
                                )
                            ),
                            html.Tbody(body),
                        ],
                        className="table table-sm data-table",
                    ),
                    html.P(f"{t('methods.classes', lang)}: {classes}", className="small"),
                ],
                className="method-scale",
            )
        )
    return html.Section(
        [html.H2(t("methods.heading", lang), className="h4 mt-4"), html.P(t("methods.lead", lang)), *blocks],
        id="method-scales",
    )
