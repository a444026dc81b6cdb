"""Overview (placeholder until the overview page lands)."""

import dash
from dash import html

from dashboard.i18n import normalize_language, t

dash.register_page(__name__, path="/", title="Tổng quan")


def layout(lang: str | None = None, **_query: str) -> html.Div:
    """Render the page."""
    return html.Main(html.H1(t("home.it_works", normalize_language(lang))))
