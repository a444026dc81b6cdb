"""Open-data catalogue (/du-lieu): every dataset with its sources, licence, period, update and downloads."""

from __future__ import annotations

import dash
import pandas as pd
from dash import html

from dashboard import components, urls
from dashboard.api import openapi
from dashboard.assemble import data_catalogue as catalogue
from dashboard.assemble import page_meta
from dashboard.domain import is_web, localized
from dashboard.i18n import format_number, normalize_language, t
from dashboard.views import corrections as corrections_view
from dashboard.views import published, wording

dash.register_page(__name__, path="/du-lieu", title="Dữ liệu mở – Minh bạch CNTT Quảng Ngãi", order=15)

PATH = "/du-lieu"
FORMATS = ("csv", "xlsx", "json")
# Tabular downloads besides observations (a test checks this matches exports.RESOURCES).
REFERENCE_RESOURCES = (
    "units", "indicators", "methodologies", "index_set_maxima", "class_schemes", "sources", "datasets",
    "lineage", "predecessors", "events",
)  # fmt: skip
DATA_TABLE = "data-catalogue"
DATA_ALL = "data-all-downloads"
DATA_BOUNDARIES = "data-boundaries"
DATA_ENDPOINTS = "api-endpoints"
DATA_CORRECTIONS = "dinh-chinh"  # an anchor other pages link to (/du-lieu#dinh-chinh)
GUIDE_URL = "/api/v1/docs/huong-dan-cong-bo.html"


def _links(resource: str, *, lang: str, label: str, **params: object) -> list[html.A]:
    """CSV, XLSX and JSON links, each named for a screen reader by what it holds, in the page's language
    (never the resource's code)."""
    return [
        html.A(
            fmt.upper(),
            href=urls.api(resource, fmt, lang=lang, **params),
            className="btn btn-link btn-sm",
            download="",
            **{"aria-label": f"{label} – {fmt.upper()}"},
        )
        for fmt in FORMATS
    ]


def _kinds(kinds: object) -> list[str]:
    return sorted(str(kinds).split(",")) if isinstance(kinds, str) and kinds else ["reference"]


def _badge(kind: str, lang: str) -> html.Span:
    return html.Span(t(f"data.kind.{kind}", lang), className=f"badge kind-badge kind-{kind} me-1")


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _sources(frame: pd.DataFrame, *, lang: str) -> html.Details:
    items = []
    for row in frame.itertuples():
        stated = published.source_text(row._asdict(), lang)  # title and issuer in the page's language
        parts: list[object] = [_badge(row.kind, lang), stated.title]
        if _text(row.document_number):
            parts.append(f" – {row.document_number}")
        parts.append(f" ({stated.issuer})")
        if is_web(row.url):
            parts += [" ", html.A(t("source.open", lang), href=row.url, rel="noopener", target="_blank")]
        items.append(html.Li(parts))
    summary = html.Summary(t("data.sources_count", lang, count=len(frame)))
    return html.Details([summary, html.Ul(items, className="source-list")])


def _period(row) -> str:
    if pd.isna(row.first_year):
        return "–"
    first, last = int(row.first_year), int(row.last_year)
    return str(first) if first == last else f"{first}–{last}"


def _dataset_row(row, sources: pd.DataFrame, *, lang: str) -> html.Tr:
    kinds = _kinds(row.kinds)
    illustrative = "illustrative" in kinds
    title = localized(row, "title", lang)
    description = localized(row, "description", lang)
    if row.id in REFERENCE_RESOURCES:
        links = _links(row.id, lang=lang, label=title)
    else:
        links = _links("observations", lang=lang, label=title, dataset=row.id)
    updated = str(pd.Timestamp(row.imported_at).date())
    accessed = t("data.accessed", lang, date=row.accessed) if _text(row.accessed) else ""
    return html.Tr(
        [
            html.Td(
                [html.Strong(title), html.Br(), html.Small(_text(description)), html.Br(), html.Code(row.id)]
            ),
            html.Td([_badge(k, lang) for k in kinds]),
            html.Td(_period(row)),
            html.Td("–" if pd.isna(row.rows) else format_number(row.rows, lang, decimals=0)),
            html.Td(wording.licence_in(row.licence, lang)),
            html.Td([updated, html.Br(), html.Small(accessed)] if accessed else updated),
            html.Td(_sources(sources[sources["dataset_id"] == row.id], lang=lang)),
            html.Td(links),
        ],
        className="table-warning illustrative-row" if illustrative else None,
    )


def _catalogue(lang: str) -> html.Table:
    datasets = catalogue.datasets()
    sources = catalogue.sources()
    headings = ("dataset", "kind", "period", "rows", "licence", "updated", "sources", "download")
    return html.Table(
        [
            html.Thead(html.Tr([html.Th(t(f"data.col_{h}", lang), scope="col") for h in headings])),
            html.Tbody([_dataset_row(row, sources, lang=lang) for row in datasets.itertuples()]),
        ],
        className="table table-sm align-top data-catalogue",
        id=DATA_TABLE,
    )


def _boundaries(lang: str) -> html.Section:
    layers = catalogue.boundary_layers()
    heading = html.H2(t("data.boundaries_heading", lang), className="h4")
    if layers.empty:
        return html.Section(
            [heading, components.empty_state(t("data.boundaries_none", lang))], id=DATA_BOUNDARIES
        )
    items = []
    for layer in layers.itertuples():
        label = f"{layer.vintage} – {layer.source_title} ({layer.licence})"
        if bool(layer.redistributable):
            href = f"/api/v1/boundaries/{layer.vintage}.geojson"
            items.append(html.Li([label, " ", html.A("GeoJSON", href=href, download="")]))
        else:
            items.append(html.Li([label, " – ", html.Em(t("data.boundary_blocked", lang))]))
    return html.Section([heading, html.Ul(items)], id=DATA_BOUNDARIES)


def _class_name(indicator: str, code: str, lang: str) -> str | None:
    return catalogue.class_name(indicator, code, lang)


def corrections_section(lang: str) -> html.Section:
    """Đính chính / Corrections: every value a replace changed, with its date and document."""
    frame = catalogue.corrections()
    heading = html.H2(t("corrections.heading", lang), className="h4")
    downloads = html.P(
        [t("corrections.download", lang), " "]
        + [
            html.A(
                fmt.upper(), href=urls.api("corrections", fmt), className="btn btn-link btn-sm", download=""
            )
            for fmt in ("csv", "json")
        ]
        + [
            " · ",
            html.A(t("feed.subscribe", lang), href=urls.feed("corrections", lang=lang), rel="alternate"),
        ]
    )
    if frame.empty:
        return html.Section([heading, html.P(t("corrections.none", lang)), downloads], id=DATA_CORRECTIONS)
    headings = ("date", "document", "unit", "indicator", "change")
    rows = [
        html.Tr(
            [
                html.Td(str(pd.Timestamp(row.corrected_at).date())),
                html.Td(html.A(row.document, href=row.source_url) if _text(row.source_url) else row.document),
                html.Td(_text(localized(row, "unit_name", lang)) or row.unit_code),
                html.Td(
                    [_text(localized(row, "indicator_name", lang)) or row.indicator_code, f" ({row.period})"]
                ),
                html.Td(
                    corrections_view.change_text(
                        row, lang, classes=lambda indicator, code: _class_name(indicator, code, lang)
                    )
                ),
            ]
        )
        for row in frame.itertuples()
    ]
    table = html.Table(
        [
            html.Thead(html.Tr([html.Th(t(f"corrections.col_{h}", lang), scope="col") for h in headings])),
            html.Tbody(rows),
        ],
        className="table table-sm",
    )
    return html.Section(
        [
            heading,
            html.P(t("corrections.intro", lang)),
            html.Div(table, className="table-responsive"),
            downloads,
        ],
        id=DATA_CORRECTIONS,
    )


def _api_help(lang: str) -> html.Section:
    params = (
        ("year", "year"),
        ("from, to", "range"),
        ("index, indicator, sub", "indicator"),
        ("group", "group"),
        ("units", "units"),
        ("dataset", "dataset"),
        ("lang", "lang"),
    )
    example = urls.api("observations", "csv", year=2020, index="DTI_TOTAL", sub=1, group="district")
    return html.Section(
        [
            html.H2(t("data.api_heading", lang), className="h4"),
            html.P(t("data.api_intro", lang)),
            html.Dl(
                [
                    part
                    for name, key in params
                    for part in (html.Dt(html.Code(name)), html.Dd(t(f"data.param_{key}", lang)))
                ]
            ),
            html.P(html.A(html.Code(example), href=example)),
            html.P(t("data.format_note", lang)),
            *_endpoints(lang),
        ]
    )


def _endpoints(lang: str) -> list:
    """Every endpoint, listed from the OpenAPI document the API serves (one description, never two)."""
    described = openapi.document(lang=lang, base_url="")
    items = [
        html.Li([html.Code(path), " – ", operation["get"]["summary"]])
        for path, operation in described["paths"].items()
    ]
    link = html.A(t("openapi.document", lang), href=urls.with_query("/api/v1/openapi.json", lang=lang))
    return [
        html.H3(t("openapi.heading", lang), className="h5", id=DATA_ENDPOINTS),
        html.Ul(items, className="api-endpoints"),
        html.P(link),
    ]


def layout(lang: str | None = None, **query: str) -> html.Div:
    """Render the catalogue."""
    lang = normalize_language(lang)
    updated = page_meta.last_updated()
    datasets = catalogue.datasets()
    illustrative = datasets["kinds"].fillna("").str.contains("illustrative").any()
    site = urls.absolute(urls.page("data", lang=lang))
    everything = html.Section(
        [
            html.H2(t("data.all_heading", lang), className="h4"),
            html.P(
                [
                    t("data.all_observations", lang),
                    " ",
                    *_links("observations", lang=lang, label=t("data.all_heading", lang)),
                ],
                id=DATA_ALL,
            ),
            html.P(
                [t("data.reference_heading", lang) + ": "]
                + [
                    part
                    for r in REFERENCE_RESOURCES
                    for part in (
                        html.Strong(t(f"data.resource.{r}", lang)),
                        " ",
                        *_links(r, lang=lang, label=t(f"data.resource.{r}", lang)),
                        " ",
                    )
                ]
            ),
            html.P(html.A(t("data.package", lang), href=urls.api("datapackage", "json", lang=lang))),
            html.P(html.A(t("feed.subscribe", lang), href=urls.feed("datasets", lang=lang), rel="alternate")),
            html.P(
                [
                    html.Strong(t("licence.how_to_cite", lang) + ": "),
                    t("download.citation_generic", lang, updated=updated, url=site),
                ],
                className="citation",
            ),
            html.P(
                [
                    t("licence.short", lang),
                    " – ",
                    html.A(t("data.licence_link", lang), href=urls.page("licence", lang=lang)),
                ]
            ),
        ]
    )
    content = [
        html.H1(t("data.title", lang)),
        html.P(t("data.intro", lang)),
        components.illustrative_banner(lang) if illustrative else None,
        everything,
        html.H2(t("data.datasets_heading", lang), className="h4"),
        html.Div(_catalogue(lang), className="table-responsive"),
        corrections_section(lang),
        _api_help(lang),
        _boundaries(lang),
        html.P(html.A(t("corrections.guide", lang), href=GUIDE_URL)),
    ]
    shared = {k: v for k, v in query.items() if k != "lang"}
    return components.page_frame(
        [c for c in content if c is not None],
        lang=lang,
        active="data",
        path=PATH,
        query=shared,
        updated=updated,
    )
