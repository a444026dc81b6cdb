"""Accessibility statement (/tro-nang)."""

from __future__ import annotations

import dash
from dash import html

from dashboard import components, queries
from dashboard.i18n import normalize_language, t

dash.register_page(
    __name__, path="/tro-nang", title="Tuyên bố về trợ năng – Minh bạch CNTT Quảng Ngãi", order=20
)


def layout(lang: str | None = None, **_query: str) -> html.Div:
    """Render the statement."""
    lang = normalize_language(lang)
    content = [
        html.H1(t("accessibility.title", lang)),
        html.P(t("accessibility.body", lang)),
        html.P(t("accessibility.limits", lang)),
        html.P(t("accessibility.contact", lang)),
    ]
    return components.page_frame(
        content, lang=lang, active="", path="/tro-nang", query={}, updated=queries.last_updated()
    )
