"""The maps draw from the partial plotly.js bundle with every non-local request blocked (no CDN topojson,
tiles, fonts or scripts): the district squares, and the commune tile cartogram with a name on each tile."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from dashboard.config import Settings
from dashboard.figures.map import GRAPH_CONFIG, choropleth
from dashboard.geo import maps
from dashboard.geo.prepare import dumps_layer, wound_for_d3
from dashboard.web import plotly_bundle
from tests.browser.conftest import serving

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture(params=["districts", "communes"])
def server_url(request, tmp_path: Path, own_dash):
    """A tiny Dash app drawing a schematic layer (14 district squares or 96 commune tiles), served from a
    local thread."""
    dash = pytest.importorskip("dash")

    settings = Settings.from_env({"DASHBOARD_INSTANCE_DIR": str(tmp_path)})
    if request.param == "districts":
        layer = maps.district_schematic(maps.default_codes("districts-2019"))
    else:
        layer = maps.commune_cartogram()
    codes = sorted(f["properties"]["code"] for f in layer["features"])
    name = maps.write_hashed(settings.geo_dir, f"{request.param}-schematic", dumps_layer(wound_for_d3(layer)))
    import pandas as pd

    values = pd.DataFrame({"code": codes, "name": codes, "value": [50.0 + i % 30 for i in range(len(codes))]})
    values.loc[values.code == codes[4], "value"] = float("nan")
    figure = choropleth(
        values,
        layer_url=f"/geo/{name}",
        feature_codes=codes,
        lang="vi",
        mode="score",
        schematic=True,
        labels=maps.label_points(layer),
        bbox=layer["bbox"],
    )
    app = own_dash()
    app.layout = dash.html.Div([dash.dcc.Graph(id="map", figure=figure, config=GRAPH_CONFIG)])
    maps.register_geo_routes(app.server, settings)
    assert plotly_bundle.install(app)
    with serving(app.server) as address:
        yield address, len(codes), codes[4]


@pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()), reason="needs Debian chromium + driver"
)
def test_map_draws_with_the_network_cut(server_url: tuple[str, int, str]) -> None:
    url, count, no_value = server_url
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
                     # Every request that is not to loopback goes to a dead proxy: the network is cut.
                     "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
                     ):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get(url)
        script = """
            const gd = document.querySelector('#map .js-plotly-plot');
            const paths = gd ? [...gd.querySelectorAll('path.choroplethlocation')] : [];
            if (paths.length < arguments[0]) return null;
            // Each name is written inside a tile, one name per tile (its centre lies in the tile's box).
            const boxes = Object.fromEntries(paths.map(p => [p.__data__.loc, p.getBoundingClientRect()]));
            const names = [...gd.querySelectorAll('.scattergeo text')].filter(t => t.textContent);
            const hit = new Set(names.map(t => {
                const r = t.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
                return Object.keys(boxes).find(code => {
                    const b = boxes[code];
                    return x > b.left && x < b.right && y > b.top && y < b.bottom;
                });
            }).filter(Boolean));
            return {
                named: names.length,
                inside: hit.size,
                drawn: paths.map(p => [p.__data__.loc, getComputedStyle(p).fill]),
                // A ring wound the wrong way for d3 paints the whole globe instead of its square.
                widest: Math.max(...paths.map(p => p.getBBox().width)),
                plotWidth: gd._fullLayout.width,
                traces: Object.keys(window.Plotly.PlotSchema.get().traces).sort(),
            };
        """
        drawn = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not drawn:
            drawn = driver.execute_script(script, count)
            time.sleep(0.25)
        drawn = drawn or {"drawn": [], "traces": [], "widest": 0, "plotWidth": 0, "named": 0, "inside": 0}
        requests = [
            json.loads(entry["message"])["message"]["params"]["request"]["url"]
            for entry in driver.get_log("performance")
            if '"Network.requestWillBeSent"' in entry["message"]
        ]
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        driver.quit()
    fills = dict(drawn["drawn"])
    assert len(fills) == count, ("not every tile was drawn", errors)  # incl. one that has no value
    assert fills[no_value] == "rgb(212, 212, 212)"  # grey (#d4d4d4), not skipped and not zero
    assert drawn["named"] == count and drawn["inside"] == count  # every tile carries its name
    assert 0 < drawn["widest"] < drawn["plotWidth"] / 4  # each square is a square, not the globe
    assert drawn["traces"] == ["bar", "choropleth", "scatter", "scattergeo"]  # the partial bundle drew it
    outside = [url for url in requests if not url.startswith(("http://127.0.0.1", "data:", "blob:"))]
    assert outside == []
    assert any("-schematic." in url for url in requests)
    assert any(url.endswith(plotly_bundle.DASH_PLOTLY_URL) for url in requests)
    assert errors == []
