"""The app's outer layout: URL, page container, and the <html lang> sync."""

from __future__ import annotations

import dash
from dash import Input, Output, clientside_callback, dcc, html

SHELL_URL = "shell-url"
SHELL_LANG_SINK = "shell-lang-sink"


def layout() -> html.Div:
    """Outer layout; each page renders its own header, navigation and footer in its language."""
    return html.Div(
        [dcc.Location(id=SHELL_URL), html.Div(id=SHELL_LANG_SINK, hidden=True), dash.page_container]
    )


# <html lang> follows ?lang= without a server round trip.
clientside_callback(
    """function(search) {
        const lang = new URLSearchParams(search || "").get("lang") === "en" ? "en" : "vi";
        document.documentElement.lang = lang;
        return lang;
    }""",
    Output(SHELL_LANG_SINK, "children"),
    Input(SHELL_URL, "search"),
)
