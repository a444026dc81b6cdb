"""Friendly page for unknown paths (Dash Pages uses this module for every unmatched URL)."""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import components, urls
from dashboard.assemble import page_meta
from dashboard.i18n import normalize_language, t

dash.register_page(__name__, title="Không tìm thấy trang – Minh bạch CNTT Quảng Ngãi")


def layout(lang: str | None = None, **_query: str) -> html.Div:
    """Render the not-found message with a way back."""
    lang = normalize_language(lang)
    content = [
        html.H1(t("notfound.title", lang)),
        html.P(dcc.Link(t("notfound.body", lang), href=urls.page("overview", lang=lang))),
    ]
    return components.page_frame(
        content, lang=lang, active="", path="/", query={}, updated=page_meta.last_updated()
    )
