"""Shared Dash pieces: page frame (header, navigation, footer), banners, source notes, downloads, KPIs.

May import: assemble, views, figures, domain, i18n, urls, web (callback input rules), api (download names
and sizes). Never queries or db: their data comes from assemble (import-linter checks). Must not be
imported by views, figures or queries.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from dash import dcc, html

from dashboard import urls
from dashboard.api.downloads import full_data_name
from dashboard.components.download_dialog import Offer, download_dialog
from dashboard.components.localize import localize_tree
from dashboard.components.radio_group import RadioGroup
from dashboard.domain import is_web
from dashboard.i18n import t
from dashboard.views import published

NAV_ITEMS = ("overview", "rankings", "compare", "edocs", "national", "methodology", "data")


def _switch_url(path: str, query: dict[str, str], lang: str) -> str:
    other = "en" if lang == "vi" else "vi"
    return urls.with_query(path, **{**query, "lang": other})


def header(*, lang: str, active: str, path: str, query: dict[str, str], pages: Sequence[str]) -> html.Header:
    """Site header with plain-link navigation and the language switch that keeps the current view."""
    links = [
        html.Li(
            html.A(
                t(f"nav.{name}", lang),
                href=urls.page(name, lang=lang),
                className="nav-link" + (" active" if name == active else ""),
                **({"aria-current": "page"} if name == active else {}),
            ),
            className="nav-item",
        )
        for name in NAV_ITEMS
        if name in pages
    ]
    return html.Header(
        [
            html.A(t("skip.to_content", lang), href="#main", className="visually-hidden-focusable skip-link"),
            html.Nav(
                html.Div(
                    [
                        dcc.Link(
                            t("site.short_title", lang),
                            href=urls.page("overview", lang=lang),
                            className="navbar-brand",
                        ),
                        # Phones: the list folds behind this button (assets/a11y.js toggles it).
                        html.Button(
                            t("shell.menu", lang),
                            className="btn btn-outline-light btn-sm nav-toggle",
                            type="button",
                            **{"aria-expanded": "false", "aria-controls": "site-nav-list"},
                        ),
                        html.Ul(
                            links, className="navbar-nav flex-row flex-wrap gap-2 me-auto", id="site-nav-list"
                        ),
                        html.A(
                            t("nav.language_switch", lang),
                            href=_switch_url(path, query, lang),
                            lang="en" if lang == "vi" else "vi",
                            className="btn btn-outline-light btn-sm lang-switch",
                            id="lang-switch",
                        ),
                    ],
                    className="container-xl d-flex flex-wrap align-items-center gap-2",
                ),
                className="navbar navbar-dark site-nav",
                **{"aria-label": t("nav.label", lang)},
            ),
        ]
    )


def footer(*, lang: str, updated: str | None) -> html.Footer:
    """Footer with the data's source, licence and last update."""
    return html.Footer(
        html.Div(
            [
                html.P(
                    [
                        html.Strong(t("footer.source", lang) + ": "),
                        t("footer.source_text", lang),
                        " · ",
                        html.Strong(t("footer.licence", lang) + ": "),
                        dcc.Link(t("footer.licence_text", lang), href=urls.page("licence", lang=lang)),
                        " · ",
                        html.Strong(t("footer.updated", lang) + ": "),
                        updated or "–",
                    ]
                ),
                html.P(
                    [
                        dcc.Link(t("nav.accessibility", lang), href=urls.page("accessibility", lang=lang)),
                        " · ",
                        dcc.Link(t("nav.data", lang), href=urls.page("data", lang=lang)),
                    ]
                ),
            ],
            className="container-xl",
        ),
        className="site-footer",
    )


def illustrative_banner(lang: str) -> html.Div:
    """The visible warning shown wherever illustrative figures are on screen."""
    return html.Div(
        [html.Strong(t("illustrative.label", lang) + " "), t("illustrative.banner", lang)],
        className="alert alert-warning illustrative-banner",
        role="note",
    )


def page_frame(
    children: object,
    *,
    lang: str,
    active: str,
    path: str,
    query: dict[str, str],
    updated: str | None,
    pages: Sequence[str] = NAV_ITEMS,
) -> html.Div:
    """Wrap a page's content in header, main landmark and footer; Dash's own components get the page's
    language, and the document title follows the page's heading (assets/a11y.js reads data-page-title)."""
    localize_tree(children, lang)
    heading = first_heading(children)
    return html.Div(
        [
            header(lang=lang, active=active, path=path, query=query, pages=pages),
            html.Main(html.Div(children, className="container-xl"), id="main", tabIndex="-1"),
            footer(lang=lang, updated=updated),
        ],
        lang=lang,
        className="page",
        **{"data-page-title": f"{heading} – {t('site.short_title', lang)}" if heading else ""},
    )


def first_heading(children: object) -> str:
    """The text of the first <h1> in a layout ('' when there is none)."""
    roots = children if isinstance(children, list | tuple) else [children]
    for root in roots:
        for component in [root, *(root._traverse() if hasattr(root, "_traverse") else [])]:
            if isinstance(component, html.H1):
                parts = component.children if isinstance(component.children, list) else [component.children]
                return "".join(p for p in parts if isinstance(p, str))
    return ""


def empty_state(message: str) -> html.Div:
    """A clear message where a view has nothing to show."""
    return html.Div(message, className="alert alert-secondary empty-state", role="status")


def kpi_card(label: str, value: str, note: str = "", *, card_id: str | None = None) -> html.Div:
    """One headline figure."""
    return html.Div(
        [
            html.Div(label, className="kpi-label"),
            html.Div(value, className="kpi-value"),
            html.Div(note, className="kpi-note"),
        ],
        className="kpi-card",
        **({"id": card_id} if card_id else {}),
    )


def corrections_note(corrections: pd.DataFrame, *, lang: str) -> html.P | None:
    """'Đính chính': the figures shown here were corrected (how many, when, by which documents), with a
    link to the public record of old -> new values; nothing when none was."""
    if corrections.empty:
        return None
    documents = ", ".join(dict.fromkeys(str(d) for d in corrections["document"]))
    latest = str(pd.Timestamp(corrections["corrected_at"].max()).date())
    return html.P(
        [
            html.Strong(t("corrections.heading", lang) + ". "),
            t("corrections.note", lang, count=len(corrections), date=latest, documents=documents) + " ",
            html.A(t("corrections.see", lang), href=urls.page("data", lang=lang) + "#dinh-chinh"),
        ],
        className="corrections-note",
        role="note",
    )


def source_list(sources: pd.DataFrame, *, lang: str) -> html.Div:
    """The sources behind the numbers on screen: kind, issuer, document, date, link."""
    if sources.empty:
        return html.Div()
    # One line per document: the yearly illustrative files share the same generator, for example.
    sources = sources.drop_duplicates(["kind", "title", "issuer", "document_number", "url"])
    items = []
    for row in sources.to_dict("records"):  # itertuples took 8 ms for a few rows of pandas 3 strings
        stated = published.source_text(row, lang)  # issuer, document number and date, link
        kind = row["kind"]
        parts: list[object] = [
            html.Span(t(f"source_kind.{kind}", lang), className=f"badge kind-badge kind-{kind}"),
            " ",
            stated.title,
        ]
        if stated.document:
            parts.append(f" – {stated.document}")
        # a dash, not brackets: an issuer may end in its own ("… (số liệu do máy tạo)")
        parts.append(f" – {stated.issuer}" + (f", {stated.date}" if stated.date else ""))
        if is_web(stated.url):
            parts += [" ", html.A(t("source.open", lang), href=stated.url, rel="noopener", target="_blank")]
        items.append(html.Li(parts))
    return html.Section(
        [html.H2(t("source.heading", lang), className="h5"), html.Ul(items, className="source-list")],
        className="sources",
    )


def screen_offer(resource: str, query: dict[str, object], name: str) -> Offer:
    """The dialog's "table on screen": what the `resource` of api/screen.py answers for the page's `query`."""
    return Offer("screen", name, {fmt: urls.api(resource, fmt, **query) for fmt in ("csv", "xlsx")})


def download_links(
    resource: str,
    params: dict[str, object],
    *,
    lang: str,
    screen: Offer | None = None,
    title: str | None = None,
    page_path: str | None = None,
    illustrative: bool = False,
) -> html.Div:
    """'Tải dữ liệu': the download dialog of a view, offering the table on screen (when the page has one)
    and the full data of `resource` filtered by `params`, each as CSV and XLSX. The citation names the
    view's page (`page_path`, else the full data's address); `illustrative` puts the label in the dialog."""
    filters = {k: ",".join(map(str, v)) if isinstance(v, list | tuple) else str(v) for k, v in params.items()}
    name = full_data_name(filters) if resource == "observations" else f"quangngai-{resource}"
    full = Offer("full", name, {fmt: urls.api(resource, fmt, **params, lang=lang) for fmt in ("csv", "xlsx")})
    offers = [screen, full] if screen is not None else [full]
    return download_dialog(
        offers,
        lang=lang,
        title=title or t(f"data.resource.{resource}", lang),
        cite_path=page_path or full.paths["csv"],
        banner=illustrative_banner(lang) if illustrative else None,
    )


def control(label: str, component: object, *, class_name: str = "control") -> html.Div | html.Fieldset:
    """A labelled form control: a radio group is a fieldset named by its legend; any other control has a
    label pointing at its id (assets/a11y.js carries the name to a dropdown's button)."""
    if isinstance(component, RadioGroup):
        return html.Fieldset([html.Legend(label, className="form-label"), component], className=class_name)
    return html.Div(
        [html.Label(label, htmlFor=component.id, className="form-label"), component], className=class_name
    )


def radio(component_id: str, options: list[dict[str, str]], value: str) -> RadioGroup:
    """Inline radio buttons: native inputs, each with its own label (no listbox around them)."""
    return RadioGroup(id=component_id, options=options, value=value)
