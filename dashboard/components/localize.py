"""Give Dash's own components the page's language and accessible defaults, in one walk over a page.

Pages build dropdowns, grids and graphs freely; `page_frame` passes the finished tree through
`localize_tree`, so no page can forget the Vietnamese texts of a dropdown ("2 selected", "Search"), of
AG Grid ("No Rows To Show", "Page Size") or of the chart toolbar, nor the chart toolbar's settings.
Explicit settings a page made are kept.
"""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc

from dashboard.components.grid import LOCALE_VI
from dashboard.domain.names import without_diacritics
from dashboard.figures.compare import graph_config
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


def dropdown_labels(lang: str) -> dict[str, str]:
    """The Dash 4 dropdown's own texts in a language."""
    return {key: t(f"dropdown.{key}", lang) for key in DROPDOWN_LABELS}


def searchable_options(options: object) -> object:
    """Options whose search text also holds the label without diacritics ("son tay" finds "Sơn Tây")."""
    if not isinstance(options, list):
        return options
    return [
        {**option, "search": f"{option['label']} {without_diacritics(option['label']).lower()}"}
        if isinstance(option, dict) and isinstance(option.get("label"), str) and "search" not in option
        else option
        for option in options
    ]


def _localize(component: object, lang: str) -> None:
    if isinstance(component, dcc.Dropdown):
        component.labels = {**dropdown_labels(lang), **(getattr(component, "labels", None) or {})}
        component.options = searchable_options(getattr(component, "options", None))
    elif isinstance(component, dcc.Graph):
        component.config = graph_config(lang, **(getattr(component, "config", None) or {}))
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
