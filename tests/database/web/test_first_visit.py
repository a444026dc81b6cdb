"""A first visit lists only the scripts the pages use; the radio buttons and the site icon are our own."""

from __future__ import annotations

import gzip
import importlib.util
import re
from pathlib import Path

import dashboard
from dashboard.components import control, radio
from dashboard.components.radio_group import RadioGroup


def listed(client, path: str = "/") -> list[str]:
    page = client.get(path)
    assert page.status_code == 200
    return re.findall(r'<script src="([^"]+)"', page.get_data(as_text=True))


def test_overview_lists_no_polyfill_datatable_grid_or_bootstrap_components(client):
    # The download dialog is a native <dialog> (assets/dialog.js): no component library for one modal.
    scripts = listed(client)
    assert any("dash_renderer" in src for src in scripts)  # the list read is the real one
    assert any(src.startswith("/assets/dialog.js") for src in scripts)
    for unused in ("polyfill@", "dash_table/bundle", "dash_ag_grid", "dash_bootstrap_components"):
        assert not [src for src in scripts if unused in src], unused


def test_the_scripts_that_replace_them_are_listed_and_served(client):
    scripts = listed(client)
    for needed in ("/assets/vendor/regenerator-runtime.min.js", "/assets/radio-group.js"):
        src = next(s for s in scripts if s.startswith(needed))
        assert client.get(src).status_code == 200


def test_dash_renderer_lazy_loaders_find_regenerator_runtime():
    # dash-renderer and dcc call the global regeneratorRuntime when a lazy component loads; the polyfill
    # that defined it is gone, so this file must define it.
    runtime = (Path(__file__).parents[3] / "assets/vendor/regenerator-runtime.min.js").read_text()
    assert "regeneratorRuntime=runtime" in runtime


def test_site_icon_is_a_small_svg(client):
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="icon" type="image/svg+xml" href="/assets/favicon.svg">' in page
    assert "_favicon.ico" not in page
    icon = client.get("/assets/favicon.svg")
    assert icon.status_code == 200
    assert icon.mimetype == "image/svg+xml"
    assert len(icon.data) < 2_000


def test_radio_group_is_our_component_with_bootstrap_markup_in_its_script():
    group = radio("g", [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}], "b")
    assert isinstance(group, RadioGroup)
    plain = group.to_plotly_json()
    assert plain["namespace"] == "dashboard_controls"
    assert plain["type"] == "RadioGroup"
    assert plain["props"] == {
        "id": "g",
        "options": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}],
        "value": "b",
    }
    assert control("Nhóm", group).to_plotly_json()["type"] == "Fieldset"


# What the overview's first visit fetches besides its HTML: every script, stylesheet and icon the page
# lists, the Dash JSON it asks for before drawing, and what dcc loads when the map, the dropdowns and the
# year slider mount (plotly.js at Dash's URL, dcc's lazy chunks).
FETCHED_LATER = (
    "/_dash-layout",
    "/_dash-dependencies",
    "/_dash-component-suites/plotly/package_data/plotly.min.js",
    "/_dash-component-suites/dash/dcc/async-graph.js",
    "/_dash-component-suites/dash/dcc/async-dropdown.js",
    "/_dash-component-suites/dash/dcc/async-slider.js",
)
LISTED = (
    "/assets/favicon.svg",
    "/assets/vendor/bootstrap.subset.min.css",
    "/assets/map.css",
    "/assets/print.css",
    "/assets/site.css",
    "/_dash-component-suites/dash/deps/react@18.3.1.min.js",
    "/_dash-component-suites/dash/deps/react-dom@18.3.1.min.js",
    "/_dash-component-suites/dash/deps/prop-types@15.8.1.min.js",
    "/assets/a11y.js",
    "/assets/dialog.js",
    "/assets/grid-loader.js",
    "/assets/map-export.js",
    "/assets/outage.js",
    "/assets/print.js",
    "/assets/radio-group.js",
    "/assets/url-state.js",
    "/assets/vendor/regenerator-runtime.min.js",
    "/_dash-component-suites/dash/dash-renderer/build/dash_renderer.min.js",
    "/_dash-component-suites/dash/dcc/dash_core_components.js",
    "/_dash-component-suites/dash/dcc/dash_core_components-shared.js",
    "/_dash-component-suites/dash/html/dash_html_components.min.js",
)
# Bytes of the files above and the HTML as this server sends them gzipped: the encoding every browser
# accepts, and one the test makes in milliseconds (browsers that ask for brotli get about 15 % less, made
# in the background). Measured 703,210 (727,432 with the full Bootstrap); a new script or stylesheet on
# the landing page must fit here or be loaded on demand.
FIRST_VISIT_BUDGET = 710_000
_FINGERPRINT = re.compile(r"\.v\d+_\d+_\d+m\d+(?=\.)|\?m=[\d.]+$")


def first_visit_urls(page: str) -> list[str]:
    """Every script, stylesheet and icon a page lists, in its order."""
    return re.findall(r'<(?:script src|link rel="(?:stylesheet|icon)"[^>]*? href)="([^"]+)"', page)


def unfingerprinted(url: str) -> str:
    """A URL without Dash's cache-busting part (`.v4_4_1m123` in a suite's name, `?m=123` on an asset)."""
    return _FINGERPRINT.sub("", url)


def test_the_overview_lists_exactly_what_its_first_view_uses(client):
    page = client.get("/").get_data(as_text=True)
    assert [unfingerprinted(url) for url in first_visit_urls(page)] == list(LISTED)


def test_a_first_visit_of_the_overview_fits_its_budget(client):
    gzip_only = {"Accept-Encoding": "gzip"}
    page = client.get("/", headers=gzip_only)
    sizes = {"/": len(page.get_data())}
    text = gzip.decompress(page.get_data()).decode()
    for url in [*first_visit_urls(text), *FETCHED_LATER]:
        response = client.get(url, headers=gzip_only)
        assert response.status_code == 200, url
        sizes[url] = len(response.get_data())
    total = sum(sizes.values())
    assert total <= FIRST_VISIT_BUDGET, sorted(sizes.items(), key=lambda item: -item[1])[:5]
    assert total > FIRST_VISIT_BUDGET * 0.9  # every file was counted (an empty answer would pass)


def _bootstrap_subset_script():
    path = Path(dashboard.__file__).parents[1] / "scripts" / "bootstrap_subset.py"  # wherever this test lives
    spec = importlib.util.spec_from_file_location("bootstrap_subset", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bootstrap_subset_is_what_its_script_writes_from_todays_sources():
    script = _bootstrap_subset_script()
    assert script.SUBSET.read_text(encoding="utf-8") == script.build(), (
        "a Bootstrap class is used that the subset lacks (or no longer used): "
        "run .venv/bin/python scripts/bootstrap_subset.py"
    )


def test_the_subset_keeps_the_rules_markup_can_match_and_what_they_read():
    full = (
        "/*! licence */:root{--a:1px;--b:2px;--c:var(--a)}"
        ".btn{margin:var(--c)}.card{padding:var(--b)}.btn:not(.active){color:red}"
        ".ps-3{padding:3px}.x .card,.btn.lg{top:0}[data-bs-theme=dark]{color:#000}"
        "@media (min-width:1px){.card{left:0}.btn{right:0}}"
        "@keyframes spin{from{top:0}to{top:1px}}@keyframes glow{to{top:0}}.btn-spin{animation:spin 1s}"
        "/*# sourceMappingURL=bootstrap.min.css.map */"
    )
    kept = _bootstrap_subset_script().subset(full, ['className="btn x btn-spin lg"', 'f"ps-{depth}"'])
    assert kept == (
        "/*! licence */:root{--a:1px;--c:var(--a)}.btn{margin:var(--c)}.btn:not(.active){color:red}"
        ".ps-3{padding:3px}.btn.lg{top:0}@media (min-width:1px){.btn{right:0}}"
        "@keyframes spin{from{top:0}to{top:1px}}.btn-spin{animation:spin 1s}\n"
    )


def test_the_full_bootstrap_is_still_served_for_the_signed_in_pages(client):
    assert client.get("/assets/vendor/bootstrap.min.css").status_code == 200
