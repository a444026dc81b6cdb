"""Give Dash's own components the page's language and accessible defaults, in one walk over a page.

Pages build dropdowns, grids and graphs freely; `page_frame` passes the finished tree through
`localize_tree`, so no page can forget the Vietnamese texts of a dropdown ("2 selected", "Search"), of
AG Grid ("No Rows To Show", "Page Size") or of the chart toolbar, nor the chart toolbar's settings.
Explicit settings a page made are kept.
"""

from __future__ import annotations

import unicodedata

import dash_ag_grid as dag
from dash import dcc

from dashboard.components.grid import LOCALE_VI
from dashboard.i18n import t

DROPDOWN_LABELS = (
    "select_all",
    "deselect_all",
    "selected_count",
    "search",
    "clear_search",
    "clear_selection",
    "no_options_found",
)
# The toolbar keeps only what a reader uses: download and reset. Buttons sit on the title otherwise.
MODEBAR_REMOVE = ["zoom", "pan", "select", "lasso2d", "zoomIn", "zoomOut", "autoScale", "toggleSpikelines"]


def dropdown_labels(lang: str) -> dict[str, str]:
    """The Dash 4 dropdown's own texts in a language."""
    return {key: t(f"dropdown.{key}", lang) for key in DROPDOWN_LABELS}


def graph_config(config: dict | None, lang: str) -> dict:
    """A dcc.Graph config in the page's language, with the page's explicit settings kept."""
    # plotly.js's "Share chart..." (showSendToCloud) uploads to Plotly Cloud; the page's URL is the link.
    defaults = {"locale": lang, "displaylogo": False, "showSendToCloud": False}
    return {**defaults, "modeBarButtonsToRemove": MODEBAR_REMOVE, **(config or {})}


def _without_diacritics(text: str) -> str:
    # The same folding as assets/a11y.js's fold() for the grid filters (web workers never load ingest).
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()


def searchable_options(options: object) -> object:
    """Options whose search text also holds the label without diacritics ("son tay" finds "Sơn Tây")."""
    if not isinstance(options, list):
        return options
    return [
        {**option, "search": f"{option['label']} {_without_diacritics(option['label'])}"}
        if isinstance(option, dict) and isinstance(option.get("label"), str) and "search" not in option
        else option
        for option in options
    ]


def _localize(component: object, lang: str) -> None:
    if isinstance(component, dcc.Dropdown):
        component.labels = {**dropdown_labels(lang), **(getattr(component, "labels", None) or {})}
        component.options = searchable_options(getattr(component, "options", None))
    elif isinstance(component, dcc.Graph):
        component.config = graph_config(getattr(component, "config", None), lang)
    elif isinstance(component, dag.AgGrid) and lang == "vi":
        options = dict(getattr(component, "dashGridOptions", None) or {})
        options["localeText"] = {**LOCALE_VI, **(options.get("localeText") or {})}
        component.dashGridOptions = options


def localize_tree(children: object, lang: str) -> object:
    """Set the language-dependent texts of every dropdown, graph and grid in a layout (in place)."""
    roots = children if isinstance(children, list | tuple) else [children]
    for root in roots:
        if root is None or isinstance(root, str | int | float):
            continue
        _localize(root, lang)
        if hasattr(root, "_traverse"):
            for component in root._traverse():
                _localize(component, lang)
    return children
