"""The map draws with every non-local request blocked: no tiles, glyphs, fonts or CDN scripts."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from dashboard import geo
from dashboard.config import Settings
from dashboard.figures.map import GRAPH_CONFIG, choropleth

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture
def server_url(tmp_path: Path):
    """A tiny Dash app drawing the schematic layer, served from a local thread."""
    dash = pytest.importorskip("dash")
    from werkzeug.serving import make_server

    settings = Settings.from_env({"DASHBOARD_INSTANCE_DIR": str(tmp_path)})
    codes = sorted(geo.default_codes("districts-2019"))
    layer = geo.schematic_layer("districts-2019", codes)
    name = geo._write_hashed(settings.geo_dir, "districts-2019-schematic", geo.dumps_layer(layer))
    import pandas as pd

    values = pd.DataFrame({"code": codes, "name": codes, "value": [50.0 + i for i in range(len(codes))]})
    values.loc[values.code == "526", "value"] = float("nan")
    figure = choropleth(
        values,
        layer_url=f"/geo/{name}",
        feature_codes=codes,
        lang="vi",
        mode="score",
        schematic=True,
        bounds=layer["bbox"],
    )
    app = dash.Dash(__name__)
    app.layout = dash.html.Div([dash.dcc.Graph(id="map", figure=figure, config=GRAPH_CONFIG)])
    geo.register_geo_routes(app.server, settings)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join(timeout=5)


@pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()), reason="needs Debian chromium + driver"
)
def test_map_draws_with_the_network_cut(server_url: str) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=900,700",
                     # Every request that is not to loopback goes to a dead proxy: the network is cut.
                     "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
                     "--use-gl=swiftshader", "--enable-unsafe-swiftshader"):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get(server_url)
        script = """
            const gd = document.querySelector('#map .js-plotly-plot');
            const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
            if (!sub || !sub.map || !sub.map.loaded()) return null;
            // plotly re-keys features: ct = centroid, fc = fill colour of the polygon.
            return sub.map.queryRenderedFeatures().filter(f => f.properties.fc)
                .map(f => [JSON.stringify(f.properties.ct), f.properties.fc]);
        """
        drawn = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not drawn:
            drawn = driver.execute_script(script)
            time.sleep(0.25)
        requests = [
            json.loads(entry["message"])["message"]["params"]["request"]["url"]
            for entry in driver.get_log("performance")
            if '"Network.requestWillBeSent"' in entry["message"]
        ]
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        driver.quit()
    assert drawn, "no polygon was rendered"
    assert len({centre for centre, _ in drawn}) == 14  # every square, incl. 526 which has no value
    assert "rgb(212, 212, 212)" in {fill for _, fill in drawn}  # 526 is grey (#d4d4d4), not skipped
    outside = [url for url in requests if not url.startswith(("http://127.0.0.1", "data:", "blob:"))]
    assert outside == []
    assert any("/geo/districts-2019-schematic." in url for url in requests)
    assert errors == []
