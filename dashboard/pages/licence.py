"""Open-data licence (/giay-phep): reuse terms in our own words, how to cite, illustrative data."""

from __future__ import annotations

import dash
from dash import html

from dashboard import components, urls
from dashboard.assemble import page_meta
from dashboard.i18n import normalize_language, t

dash.register_page(
    __name__, path="/giay-phep", title="Giấy phép dữ liệu mở – Minh bạch CNTT Quảng Ngãi", order=21
)

PATH = "/giay-phep"
LICENCE_CITATION = "licence-citation"
LICENCE_COMMUNE_POINTS = "licence-commune-points"
CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"


def layout(lang: str | None = None, **query: str) -> html.Div:
    """Render the licence."""
    lang = normalize_language(lang)
    updated = page_meta.last_updated()
    catalogue = urls.absolute(urls.page("data", lang=lang))
    content = [
        html.H1(t("licence.title", lang)),
        html.P(t("licence.intro", lang)),
        html.Ul(
            [
                html.Li(t(f"licence.{key}", lang))
                for key in ("reuse", "cite", "as_published", "no_endorsement")
            ]
        ),
        html.Div(
            [html.Strong(t("download.illustrative_label", lang) + " "), t("licence.illustrative", lang)],
            className="alert alert-warning illustrative-banner",
            role="note",
        ),
        html.H2(t("licence.how_to_cite", lang), className="h4"),
        html.P(
            [
                html.Strong(t("licence.cite_example", lang) + ": "),
                t("download.citation_generic", lang, updated=updated, url=catalogue),
            ],
            id=LICENCE_CITATION,
            className="citation",
        ),
        html.H2(t("licence.sources_heading", lang), className="h4"),
        html.P(t("licence.sources", lang)),
        html.P(t("licence.boundaries", lang)),
        html.P(
            [
                t("licence.commune_points", lang) + " ",
                html.Strong(t("licence.commune_points_attribution", lang)),
                " (",
                html.A(CC_BY_4, href=CC_BY_4),
                "). " + t("licence.commune_points_changes", lang),
            ],
            id=LICENCE_COMMUNE_POINTS,
            className="long-tokens",  # a file path and a repository name: no space to break at on a phone
        ),
        html.P(html.A(t("nav.data", lang), href=urls.page("data", lang=lang))),
    ]
    shared = {k: v for k, v in query.items() if k != "lang"}
    return components.page_frame(content, lang=lang, active="", path=PATH, query=shared, updated=updated)
