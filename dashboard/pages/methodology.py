"""Methodology (/phuong-phap): each index version with its sub-indices and maxima, each set's own classes,
ranks and ties, the 2020 series break, and the reorganisation timeline with legal bases."""

from __future__ import annotations

import dash
import pandas as pd
from dash import html

from dashboard import components
from dashboard.assemble import methodology as assembled
from dashboard.assemble import page_meta
from dashboard.components import citations as cite
from dashboard.components.methods import method_scales
from dashboard.domain import localized
from dashboard.domain.methods import IndexSet
from dashboard.domain.scoring import competition_ranks
from dashboard.i18n import CATALOGS, format_number, normalize_language, t
from dashboard.views import published
from dashboard.views.index_set_table import scheme_text
from dashboard.views.methodology import document_numbers

dash.register_page(
    __name__,
    path="/phuong-phap",
    title="Phương pháp – Minh bạch CNTT Quảng Ngãi",
    order=5,
    description="Các bộ chỉ số, cách xếp loại, xếp hạng, chỗ ngắt chuỗi số liệu, các mốc sắp xếp hành chính",
)

RANK_EXAMPLE = (95.0, 90.0, 90.0, 80.0)
MEASURES = ("points", "percent", "index", "count", "rank")
REFORMS = ("method.reform.2020_merge", "method.reform.2025_kontum", "method.reform.2025_district")


def _text(row: pd.Series, column: str, lang: str) -> str:
    value = localized(row, column, lang)
    return value if isinstance(value, str) else ""


def _documents(text: str) -> list[html.A]:
    """A link to the stored source of each document a text names (the timeline's documents)."""
    cited = assembled.documents_cited()
    return [
        html.A(number, href=cited[number]["source_url"], rel="noopener", target="_blank")
        for number in document_numbers(text)
        if number in cited and isinstance(cited[number]["source_url"], str)
    ]


def _cited(text: str, lang: str) -> list:
    """A rule or basis followed by the sources of the documents it names; said so when none is stored."""
    links = _documents(text)
    if not links:
        return [text, " ", html.Em(f"({t('method.no_source', lang)})", className="text-muted")]
    return [text, " – ", t("edocs.col.source", lang), ": ", *[part for a in links for part in (a, " ")]]


def _legal_basis(text: object, lang: str) -> list | str:
    """A legal basis with a link to each document a stored source carries; said so when none does."""
    if not isinstance(text, str) or not text:
        return "–"
    return _cited(text, lang)


def _maximum(row: pd.Series, method: pd.Series, lang: str) -> str:
    """An index's maximum; a maximum that neither its unit (a share's 100 %) nor a stored source of the
    method's basis gives is said to have no source (PAPI's 80 under "UNDP")."""
    shown = format_number(row["max_value"], lang, decimals=0 if row["max_value"] >= 2 else 1)
    if pd.isna(row["max_value"]) or row["measure"] == "percent" or bool(method["illustrative"]):
        return shown  # an illustrative method's maxima are said to be illustrative under its table
    basis = method["legal_basis"] if isinstance(method["legal_basis"], str) else ""
    return shown if _documents(basis) else t("rule.max_not_found", lang, max=shown)


def _methodology_card(
    method: pd.Series, indicators: pd.DataFrame, years: dict[str, str], lang: str
) -> html.Section:
    """One index version: what it measures, years, legal basis, and its sub-indices with maxima."""
    own = indicators[indicators["methodology"] == method["code"]].sort_values("sort_order")
    rows = [
        html.Tr(
            [
                html.Td(_text(r, "name", lang)),
                html.Td(t(f"measure.{r['measure']}", lang) if r["measure"] in MEASURES else r["measure"]),
                html.Td(_maximum(r, method, lang)),
            ],
            className="fw-semibold" if pd.isna(r["parent_code"]) else "",
        )
        for _, r in own.iterrows()
    ]
    header = html.Tr(
        [html.Th(t(f"method.col.{c}", lang), scope="col") for c in ("indicator", "measure", "max")]
    )
    illustrative = bool(method["illustrative"])
    return html.Section(
        [
            html.H3(
                [
                    _text(method, "name", lang),
                    " ",
                    html.Span(
                        t("source_kind.illustrative", lang), className="badge kind-badge kind-illustrative"
                    )
                    if illustrative
                    else None,
                ],
                className="h5",
            ),
            html.P(_text(method, "description", lang)),
            html.Dl(
                [
                    html.Dt(t("method.years_held", lang)),
                    html.Dd(years.get(method["code"], "–")),
                    html.Dt(t("method.legal", lang)),
                    html.Dd(_legal_basis(method["legal_basis"], lang)),
                ],
                className="profile-facts",
            ),
            html.P(t("method.illustrative_note", lang), className="text-muted small")
            if illustrative
            else None,
            html.Div(
                html.Table([html.Thead(header), html.Tbody(rows)], className="table table-sm data-table"),
                className="table-responsive",
            )
            if len(own) > 0
            else None,
        ],
        className="chart-card mb-3",
    )


def _classes(index_sets: tuple[IndexSet, ...], lang: str) -> html.Section:
    """Each set's own classes as its decision gives them (labels, bounds on % of the maximum or on
    points), or that it defines none: there is no class scheme common to every set."""
    items = [
        html.Li([html.Strong(s.name_en if lang == "en" else s.name_vi), ": ", scheme_text(s, lang)])
        for s in index_sets
    ]
    return html.Section(
        [
            html.H2(t("method.classes_heading", lang), className="h4 mt-4"),
            html.P(t("method.classes_lead", lang)),
            html.Ul(items),
        ]
    )


def _ranks(lang: str) -> html.Section:
    values = ", ".join(format_number(v, lang, decimals=0) for v in RANK_EXAMPLE)
    ranks = ", ".join(str(r) for r in competition_ranks(list(RANK_EXAMPLE)))
    return html.Section(
        [
            html.H2(t("method.ranks_heading", lang), className="h4 mt-4"),
            html.P(t("method.ranks_text", lang, values=values, ranks=ranks)),
            html.H2(t("method.break_heading", lang), className="h4 mt-4"),
            html.P(_cited(t("method.break_text", lang), lang)),
        ]
    )


def _event_text(row: dict, lang: str) -> str:
    """The event in the page's language (i18n/texts/events.py); the stored source text if not listed."""
    key = f"event.{row['date_published']}"
    return t(key, lang) if key in CATALOGS[lang] else row["description_vi"]


def _timeline(lang: str) -> html.Section:
    events = assembled.events()
    header = html.Tr(
        [html.Th(t(f"method.col.{c}", lang), scope="col") for c in ("date", "event", "legal", "source")]
    )
    sources = cite.source_index()
    rows = [
        html.Tr(
            [
                html.Td(published.date_text(r["date_published"], lang)),  # as published: '2016', 'early 2020'
                html.Td(_event_text(r, lang)),
                html.Td(r["legal_basis"] if isinstance(r["legal_basis"], str) else "–"),
                html.Td(cite.source_cell(r, lang, sources)),
            ]
        )
        for r in events.to_dict("records")
    ]
    return html.Section(
        [
            html.H2(t("method.timeline_heading", lang), className="h4 mt-4"),
            html.H3(t("method.key_reforms", lang), className="h6"),
            html.Ul([html.Li(t(key, lang)) for key in REFORMS]),
            html.P(t("method.events_original", lang), className="text-muted small") if lang != "vi" else None,
            html.Div(
                html.Table([html.Thead(header), html.Tbody(rows)], className="table table-sm data-table"),
                className="table-responsive",
            ),
        ]
    )


def layout(lang: str | None = None, **_query: str) -> html.Div:
    """Render the methodology page."""
    lang = normalize_language(lang)
    indicators = assembled.indicators()
    years = assembled.years_held()
    cards = [_methodology_card(m, indicators, years, lang) for _, m in assembled.methodologies().iterrows()]
    index_sets = assembled.index_sets()
    content = [
        html.H1(t("method.heading", lang)),
        html.P(t("method.lead", lang), className="summary"),
        html.H2(t("method.indices_heading", lang), className="h4"),
        *cards,
        _classes(index_sets, lang),
        method_scales(index_sets, lang=lang),
        _ranks(lang),
        _timeline(lang),
    ]
    return components.page_frame(
        content,
        lang=lang,
        active="methodology",
        path="/phuong-phap",
        query={},
        updated=page_meta.last_updated(),
    )
