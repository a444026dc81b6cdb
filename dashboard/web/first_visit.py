"""What a first visit downloads: only the scripts the pages use, and a small site icon.

Dash lists, on every page, the scripts of every component library it knows: dash-renderer's
`@babel/polyfill` (about 30 KB compressed; core-js for browsers older than the ones the dashboard
supports, plus the `regeneratorRuntime` its lazy loaders call, which assets/vendor/regenerator-runtime.js
provides in 2.5 KB) and DataTable's bundle (the dashboard draws no DataTable). Both stay served, only
unlisted ('dynamic', dash/resources.py), so nothing that asks for them breaks. The icon is
assets/favicon.svg (under 1 KB) instead of Dash's 15 KB `_favicon.ico`.

The polyfill is left out for every Dash app of the process (the library's lists are global): an app of
a test's own serves assets/vendor to have the same regeneratorRuntime (tests/conftest.py, `own_dash`).

May import: nothing of ours. Wired by `install()` in create_app, before the first page is served.
"""

from __future__ import annotations

from dash import _dash_renderer, dash_table

POLYFILL = "polyfill@"


def _without_polyfill(paths: list[str]) -> list[str]:
    return [path for path in paths if POLYFILL not in path]


def install() -> None:
    """Leave the polyfill and DataTable's bundle out of every page's scripts (idempotent)."""
    for dependency in _dash_renderer._js_dist_dependencies:  # the library's own lists, read per page
        for key in ("external_url", "relative_package_path"):
            dependency[key] = {mode: _without_polyfill(paths) for mode, paths in dependency[key].items()}
    for resource in dash_table._js_dist:
        if resource.get("relative_package_path") == "dash_table/bundle.js":
            resource["dynamic"] = True
