"""A first visit lists only the scripts the pages use; the radio buttons and the site icon are our own."""

from __future__ import annotations

import re
from pathlib import Path

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
