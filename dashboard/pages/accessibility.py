"""Accessibility statement (/tro-nang), with the feedback address the operator configured."""

from __future__ import annotations

import dash
import flask
from dash import html

from dashboard import components
from dashboard.assemble import page_meta
from dashboard.i18n import normalize_language, t

dash.register_page(
    __name__, path="/tro-nang", title="Tuyên bố về trợ năng – Minh bạch CNTT Quảng Ngãi", order=20
)


def _contact(lang: str) -> html.P:
    """The configured address as a link (mailto: for an e-mail address), or the generic sentence."""
    address = flask.current_app.config["DASHBOARD_SETTINGS"].accessibility_contact
    if not address:
        return html.P(t("accessibility.contact", lang))
    href = address if address.startswith(("http://", "https://")) else f"mailto:{address}"
    before, _, after = t("accessibility.contact_address", lang, address="\0").partition("\0")
    return html.P([before, html.A(address, href=href), after], id="accessibility-contact")


def layout(lang: str | None = None, **_query: str) -> html.Div:
    """Render the statement."""
    lang = normalize_language(lang)
    content = [
        html.H1(t("accessibility.title", lang)),
        html.P(t("accessibility.body", lang)),
        html.P(t("accessibility.limits", lang)),
        _contact(lang),
    ]
    return components.page_frame(
        content, lang=lang, active="", path="/tro-nang", query={}, updated=page_meta.last_updated()
    )
