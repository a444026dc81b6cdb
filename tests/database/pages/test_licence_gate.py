"""The licence gate on the session app: boundaries imported without the redistributable flag are never
served at /geo/ nor drawn; the page draws the schematic and says why. Also the credit of the shipped
commune points on the licence page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
import shapely
from dash import dcc
from sqlalchemy import delete

from dashboard import db, queries
from dashboard.config import REPO_ROOT
from dashboard.geo import layers as geo
from dashboard.geo import maps
from dashboard.i18n import t
from tests.database.pages.test_data_pages import _render, _text, _walk


def _commune_squares(path, codes: list[str]):
    """One 0.05° square per commune on a 10-wide grid: a valid layer, drawn for tests (no licence)."""
    features = []
    for i, code in enumerate(codes):
        x, y = 108 + 0.05 * (i % 10), 15 - 0.05 * (i // 10)
        box = shapely.box(x, y, x + 0.05, y + 0.05)
        features.append(
            {"type": "Feature", "properties": {"gso_code": code, "name": f"Xã {code}"},
             "geometry": shapely.geometry.mapping(box)}
        )  # fmt: skip
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


@pytest.fixture
def withheld_communes(app, settings, tmp_path) -> Iterator[geo.LayerInfo]:
    """Commune boundaries imported as not redistributable; removed again (and the maps re-prepared) after."""
    engine = queries.engine()
    with app.server.test_request_context("/"):
        codes = list(queries.map_layer(2025).feature_codes)
    path = _commune_squares(tmp_path / "communes.geojson", codes)
    info = geo.import_boundaries(
        engine, settings, path, vintage="communes-2025", source_title="Test", licence="No redistribution"
    )
    yield info
    with engine.begin() as connection:
        connection.execute(delete(db.boundary_layers).where(db.boundary_layers.c.vintage == "communes-2025"))
        maps.prepare_map_layers(connection, settings)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_draws_the_schematic_and_says_the_licence_kept_the_boundaries_out(
    app, client, withheld_communes, lang
):
    from dashboard.pages import compare, embed, home

    with app.server.test_request_context(f"/?lang={lang}"):
        tree = home.layout(lang=lang, year="2025", group="commune")
        units = ",".join(queries.map_layer(2025).feature_codes[:2])
        others = [
            compare.layout(lang=lang, units=units, group="commune"),
            embed.map_layout(lang=lang, year="2025", group="commune"),
        ]
    states = [c.data for c in _walk(tree) if isinstance(c, dcc.Store) and isinstance(c.data, dict)]
    drawn = next(s["url"] for s in states if "url" in s)
    assert re.fullmatch(r"/geo/communes-2025-schematic\.[0-9a-f]{12}\.geojson", drawn)
    note = t("map.withheld_note", lang, licence="No redistribution")
    assert note in _text(tree)
    assert all(note in _text(other) for other in others)  # the compare page's map and the embedded map
    assert client.get(f"/geo/{withheld_communes.file_name}").status_code == 404
    served = client.get(drawn)
    assert served.status_code == 200 and json.loads(served.data)["schematic"] is True


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_licence_page_credits_the_commune_points_as_geo_readme_gives_it(app, lang):
    readme = (REPO_ROOT / "geo" / "README.md").read_text(encoding="utf-8")
    attribution = re.search(r"Attribution \(shown under the commune map\): \*\*(.+?)\*\*", readme).group(1)
    tree = _render(app, "licence", lang)
    text = _text(tree)
    assert attribution in text and "geo/quang_ngai_2025_commune_points.csv" in text
    assert "https://creativecommons.org/licenses/by/4.0/" in {getattr(c, "href", None) for c in _walk(tree)}
    assert attribution == maps.COMMUNE_POINTS_SOURCE["attribution"]  # and the same under the map
