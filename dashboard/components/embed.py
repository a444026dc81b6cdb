"""The 'Nhúng / Embed' dialog (an <iframe> snippet) and the chrome-less frame of embedded views."""

from __future__ import annotations

from html import escape

from dash import dcc, html

from dashboard import urls
from dashboard.i18n import t

EMBED_PREFIX = "/nhung"


def embed_path(kind: str, *, lang: str, code: str | None = None, **params: object) -> str:
    """Path of an embeddable view: 'map', 'unit' (needs code) or 'compare'."""
    paths = {"map": f"{EMBED_PREFIX}/ban-do", "compare": f"{EMBED_PREFIX}/so-sanh"}
    path = f"{EMBED_PREFIX}/don-vi/{code}" if kind == "unit" else paths[kind]
    return urls.with_query(path, lang=lang, **params)


def snippet(path: str, *, title: str, height: int = 480) -> str:
    """The <iframe> HTML to paste into another site."""
    return (
        f'<iframe src="{escape(urls.absolute(path))}" title="{escape(title)}" width="100%" '
        f'height="{height}" style="border:0" loading="lazy"></iframe>'
    )


def embed_dialog(path: str, *, lang: str, title: str, dialog_id: str, height: int = 480) -> html.Details:
    """A disclosure with the read-only snippet and a preview link (works without JavaScript)."""
    return html.Details(
        [
            html.Summary(t("embed.button", lang), className="btn btn-outline-secondary btn-sm"),
            html.Div(
                [
                    html.Label(
                        t("embed.instructions", lang), htmlFor=f"{dialog_id}-code", className="form-label"
                    ),
                    dcc.Textarea(
                        id=f"{dialog_id}-code",
                        value=snippet(path, title=title, height=height),
                        readOnly=True,
                        className="form-control font-monospace",
                        style={"width": "100%", "height": "6rem", "fontSize": "0.85rem"},
                    ),
                    html.A(t("embed.preview", lang), href=path, target="_blank", rel="noopener"),
                ],
                className="mt-2",
            ),
        ],
        id=dialog_id,
        className="embed-dialog my-2",
    )


def embed_frame(
    children: list, *, lang: str, back_href: str, source_text: str, heading: str = ""
) -> html.Div:
    """An embedded view: a heading, content, a small source line and a link back to the full page; no
    header/footer. Everything sits inside <main> (axe 'region') under one <h1> ('page-has-heading-one';
    the site's name when no heading is given): for screen readers only, as each chart draws its title."""
    return html.Div(
        html.Main(
            [
                html.H1(heading or t("site.short_title", lang), className="visually-hidden"),
                *children,
                html.P(
                    [
                        source_text,
                        " · ",
                        html.A(t("embed.open_full", lang), href=back_href, target="_blank", rel="noopener"),
                    ],
                    className="small text-muted mb-0 px-2",
                ),
            ],
            id="main",
        ),
        lang=lang,
        className="embed-page",
        style={"background": "#fff", "padding": "0.25rem"},
    )
