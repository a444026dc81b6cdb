"""The download dialog of every view with data: "the table on screen" (wide) and "the full data" (long),
each as CSV and XLSX with its row count and file size shown before downloading, the stable URLs to copy,
and the citation text. Sizes are measured when the dialog opens (api/measure.py), not on every render.

The dialog is the browser's own <dialog>, opened as a modal by assets/dialog.js: focus moves into it and
is kept there, Escape closes it, and no component library (dash-bootstrap-components' 228 kB bundle, for
one modal) is sent on a first visit."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from dash import Input, Output, State, callback, dcc, html, no_update

from dashboard import urls
from dashboard.api.measure import measured
from dashboard.components import chart_tools
from dashboard.i18n import format_number, normalize_language, t
from dashboard.web import validation as rule
from dashboard.web.validation import guarded

FORMATS = ("csv", "xlsx")
OFFER_KEYS = {"kind", "name", "paths"}


@dataclass(frozen=True)
class Offer:
    """One table the dialog offers: which ('screen' or 'full'), its file name and its path per format."""

    kind: str
    name: str
    paths: dict[str, str] = field(default_factory=dict)


def _id(role: str) -> str:
    # Plain ids, not pattern-matching ones (the request guard refuses those): a page has one dialog.
    return f"download-{role}"


def download_dialog(
    offers: list[Offer], *, lang: str, title: str, cite_path: str, banner: object = None
) -> html.Div:
    """The 'Tải dữ liệu' button and its modal for a view; the citation names `title` at `cite_path`, and
    `banner` (the illustrative label) heads the dialog when the view's figures are generated."""
    citation = chart_tools.citation(title, cite_path, lang=lang)
    spec = {"offers": [asdict(o) for o in offers], "lang": lang}
    return html.Div(
        [
            html.Button(
                t("dialog.open", lang),
                id=_id("open"),
                className="btn btn-outline-secondary btn-sm download-open",
                type="button",
                n_clicks=0,
            ),
            dcc.Store(id=_id("spec"), data=spec),
            html.Dialog(
                [
                    html.Div(
                        [
                            html.H2(t("dialog.title", lang), id=_id("title"), className="h5 mb-0"),
                            html.Button(
                                type="button",
                                className="btn-close",
                                title=t("dialog.close", lang),
                                **{"aria-label": t("dialog.close", lang), "data-dialog-close": ""},
                            ),
                        ],
                        className="download-dialog-header",
                    ),
                    html.Div(
                        [
                            banner,
                            html.Div(id=_id("body"), children=_offers(offers, None, lang)),
                            html.H3(t("dialog.cite", lang), className="h6 mt-3"),
                            html.Div(
                                [
                                    html.P(citation, className="small download-citation mb-1"),
                                    chart_tools.copy_button(citation, t("dialog.copy_citation", lang)),
                                ],
                                className="d-flex gap-2 align-items-start",
                            ),
                        ],
                        className="download-dialog-body",
                    ),
                ],
                id=_id("modal"),
                className="download-dialog",
                **{"aria-labelledby": _id("title")},
            ),
        ],
        className="downloads",
    )


def _size_text(size: int, lang: str) -> str:
    if size >= 1_000_000:
        return f"{format_number(size / 1_000_000, lang, decimals=1)} MB"
    return f"{format_number(max(size, 1) / 1000, lang, decimals=1)} kB"


def _offers(offers: list[Offer], sizes: dict | None, lang: str) -> list:
    """A section per table: its heading, what it holds, its row count, and a link per format with its size."""
    sections = []
    for offer in offers:
        measured_sizes = (sizes or {}).get(offer.kind, {})
        rows = measured_sizes.get("rows")
        links, addresses = [], []
        for fmt in FORMATS:
            path = offer.paths[fmt]
            size = measured_sizes.get(fmt)
            label = fmt.upper() + (f" · {_size_text(size, lang)}" if size else "")
            links.append(
                html.A(
                    label,
                    href=path,
                    download=f"{offer.name}.{fmt}",
                    className="btn btn-primary btn-sm me-2",
                    **{"data-format": fmt, "data-kind": offer.kind},
                )
            )
            url = urls.absolute(path)
            addresses.append(
                html.Li(
                    [
                        html.Code(url, className="download-url"),
                        chart_tools.copy_button(
                            url,
                            t(
                                "dialog.copy_url",
                                lang,
                                fmt=fmt.upper(),
                                table=t(f"dialog.{offer.kind}", lang),
                            ),
                        ),
                    ],
                    className="d-flex gap-2 align-items-start",
                )
            )
        sections.append(
            html.Section(
                [
                    html.H3(t(f"dialog.{offer.kind}", lang), className="h6"),
                    html.P(t(f"dialog.{offer.kind}_note", lang), className="small text-muted mb-1"),
                    html.P(
                        [
                            html.Span(
                                t("dialog.rows", lang, rows=format_number(rows, lang, decimals=0))
                                if rows is not None
                                else "",
                                className="download-rows me-2",
                            ),
                            html.Span(t("dialog.file", lang, name=offer.name), className="small"),
                        ],
                        className="mb-1",
                    ),
                    html.Div(links, className="mb-1"),
                    html.Details(
                        [html.Summary(t("dialog.url", lang)), html.Ul(addresses, className="list-unstyled")],
                        className="small",
                    ),
                ],
                className=f"download-offer download-{offer.kind} mb-3",
            )
        )
    return sections


@callback(
    Output(_id("body"), "children"),
    Input(_id("open"), "n_clicks"),
    State(_id("spec"), "data"),
    prevent_initial_call=True,
)
@guarded(rule.count, rule.mapping)
def open_dialog(clicks, spec):
    """Show each file's size and row count in the dialog being opened, measured from the download itself."""
    if not clicks or not isinstance(spec, dict):
        return no_update
    # The spec comes back from the browser: at most the two tables a dialog offers, each in two formats.
    listed = spec.get("offers") if isinstance(spec.get("offers"), list) else []
    offers = [
        Offer(**o)
        for o in listed[:2]
        if isinstance(o, dict)
        and set(o) == OFFER_KEYS
        and isinstance(o["paths"], dict)
        and all(isinstance(o["paths"].get(fmt), str) for fmt in FORMATS)
    ]
    sizes: dict[str, dict[str, int | None]] = {}
    for offer in offers:
        entry: dict[str, int | None] = {}
        for fmt in FORMATS:
            if not offer.paths[fmt].startswith("/api/v1/"):
                continue  # only the app's own downloads are measured
            size, rows = measured(offer.paths[fmt])
            entry[fmt] = size
            if rows is not None:
                entry["rows"] = rows
        sizes[offer.kind] = entry
    return _offers(offers, sizes, normalize_language(spec.get("lang")))
