"""Geo work that needs no database: the vintage of each year, `geo --help`, simplifying the real district
boundaries (size, areas, topology, winding), the schematic district squares and the commune tile cartogram
with its points file.

Real boundary files are read from ../shared/geo (GPL-3.0: never copied into the repository).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from dashboard.__main__ import main as cli_main
from dashboard.geo import maps, prepare, tiles, vintages
from dashboard.geo.prepare import unit_areas_km2
from tests.support.boundaries import DISTRICTS, DISTRICTS_2020, SHARED_GEO, exterior_rings

# --- vintages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "vintage"),
    [(2015, "districts-2019"), (2019, "districts-2019"), (2020, "districts-2020"), (2024, "districts-2020"),
     (2025, "communes-2025"), (2030, "communes-2025")],
)  # fmt: skip
def test_vintage_for_year_uses_units_valid_on_31_december(year: int, vintage: str) -> None:
    assert vintages.vintage_for_year(year) == vintage


def test_geo_help_names_the_import_and_its_options(capsys) -> None:
    assert cli_main(["geo", "--help"]) == 0 and "import" in capsys.readouterr().out
    assert cli_main(["geo", "import", "--help"]) == 0
    out = capsys.readouterr().out
    assert all(option in out for option in ("--vintage", "--redistributable", "--repair"))


# --- simplification -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def prepared_2020() -> tuple[gpd.GeoDataFrame, dict]:
    if not DISTRICTS_2020.exists():
        pytest.skip(f"real boundary files not found in {SHARED_GEO}")
    gdf = prepare.read_boundaries(DISTRICTS_2020)
    return gdf, prepare.prepare_layer(gdf)


def simplified_geometries(layer: dict) -> np.ndarray:
    return np.array([shapely.geometry.shape(f["geometry"]) for f in layer["features"]], dtype=object)


def test_prepared_layer_fits_size_budget(prepared_2020) -> None:
    _, layer = prepared_2020
    size = len(json.dumps(layer, ensure_ascii=False, separators=(",", ":")).encode())
    assert size <= 40_000


def test_every_unit_area_within_two_percent(prepared_2020) -> None:
    gdf, layer = prepared_2020
    before = unit_areas_km2(gdf.geometry.values)
    after = unit_areas_km2(simplified_geometries(layer))
    assert np.all(np.abs(after - before) / before <= 0.02)


def test_topology_is_kept(prepared_2020) -> None:
    gdf, layer = prepared_2020
    geometries = simplified_geometries(layer)
    # Coverage validity = no overlaps and neighbours' shared edges have identical vertices.
    assert shapely.coverage_is_valid(shapely.GeometryCollection(list(geometries)))
    union = shapely.union_all(geometries)
    holes = [ring for part in shapely.get_parts(union) for ring in part.interiors]
    assert holes == []  # the original union has none, so simplification opened no gap
    union_before = unit_areas_km2([shapely.union_all(gdf.geometry.values)])[0]
    assert unit_areas_km2([union])[0] == pytest.approx(union_before, rel=0.005)


def test_ly_son_survives_with_both_islands_and_a_click_anchor(prepared_2020) -> None:
    _, layer = prepared_2020
    ly_son = next(f for f in layer["features"] if f["properties"]["code"] == "536")
    assert shapely.get_num_geometries(shapely.geometry.shape(ly_son["geometry"])) == 2
    assert list(layer["anchors"]) == ["536"]
    lon, lat = layer["anchors"]["536"]
    assert shapely.geometry.shape(ly_son["geometry"]).contains(shapely.Point(lon, lat))


def test_published_layers_wind_as_rfc_7946_and_map_copies_as_d3(prepared_2020) -> None:
    _, layer = prepared_2020
    clockwise = prepare.wound_for_d3(layer)
    assert all(ring.is_ccw for ring in exterior_rings(layer))  # RFC 7946: exterior counter-clockwise
    assert not any(ring.is_ccw for ring in exterior_rings(clockwise))  # d3-geo: exterior clockwise
    assert [f["properties"] for f in clockwise["features"]] == [f["properties"] for f in layer["features"]]
    assert clockwise["anchors"] == layer["anchors"] and clockwise["bbox"] == layer["bbox"]


def test_schematic_squares_are_equal_and_placed_north_to_south() -> None:
    layer = maps.district_schematic(set(DISTRICTS))
    shapes = {f["properties"]["code"]: shapely.geometry.shape(f["geometry"]) for f in layer["features"]}
    assert len({round(s.area, 8) for s in shapes.values()}) == 1
    assert (
        shapes["524"].centroid.y > shapes["522"].centroid.y > shapes["534"].centroid.y
    )  # Bình Sơn > city > Đức Phổ
    assert shapes["536"].centroid.x == max(s.centroid.x for s in shapes.values())  # Lý Sơn offshore east


# --- the commune tile cartogram ---------------------------------------------------------------------

POINTS = tiles.read_points(maps.COMMUNE_POINTS_CSV)


def test_shipped_points_are_the_96_communes_with_their_attribution() -> None:
    assert len(POINTS) == 96 == len({p.code for p in POINTS})
    readme = (maps.COMMUNE_POINTS_CSV.parent / "README.md").read_text(encoding="utf-8")
    assert "CC-BY-4.0" in readme and maps.COMMUNE_POINTS_SOURCE["attribution"] in readme


def test_every_commune_has_exactly_one_tile_and_no_two_tiles_overlap() -> None:
    layer = maps.commune_cartogram()
    codes = [f["properties"]["code"] for f in layer["features"]]
    assert sorted(codes) == sorted(p.code for p in POINTS)  # each unit once, none missing or extra
    squares = [shapely.geometry.shape(f["geometry"]) for f in layer["features"]]
    # Equal tiles (on the ground, so on the map): no unit looks bigger than another.
    heights = {round(s.bounds[3] - s.bounds[1], 6) for s in squares}
    widths = {round((s.bounds[2] - s.bounds[0]) * np.cos(np.radians(s.centroid.y)), 4) for s in squares}
    assert len(heights) == 1 and len(widths) == 1
    left, right = shapely.STRtree(squares).query(squares, predicate="intersects")
    assert all(i == j for i, j in zip(left, right, strict=True))  # not even touching: gaps between tiles
    cells = [(t.col, t.row) for t in tiles.layout(POINTS)]
    assert len(set(cells)) == len(cells)


def test_units_sharing_a_point_get_neighbouring_tiles_near_it() -> None:
    shared = [p for p in POINTS if p.lat == 14.97 and p.lon == 108.355]  # Sơn Tây, Sơn Tây Hạ, Thượng
    assert len(shared) == 3
    laid = {t.code: t for t in tiles.layout(POINTS)}
    placed = [laid[p.code] for p in shared]
    assert len({(t.col, t.row) for t in placed}) == 3
    assert max(abs(a.col - b.col) + abs(a.row - b.row) for a in placed for b in placed) <= 2


def test_tiles_stay_near_their_points() -> None:
    step = tiles.DEFAULT_STEP
    for point, tile in zip(sorted(POINTS, key=lambda p: p.code), tiles.layout(POINTS), strict=True):
        shrink = np.cos(np.radians(point.lat))
        cells = np.hypot((tile.lon - point.lon) * shrink, tile.lat - point.lat) / step
        assert cells <= 3.5, (point.name, cells)
    # Relative position survives: Lý Sơn (island) is the easternmost tile, Ia Tơi (Kon Tum) the southern.
    laid = {t.name: t for t in tiles.layout(POINTS)}
    assert laid["Lý Sơn"].col == max(t.col for t in laid.values())
    assert laid["Ia Tơi"].row == max(t.row for t in laid.values())


def test_layout_is_deterministic_whatever_the_input_order() -> None:
    assert tiles.layout(POINTS) == tiles.layout(list(reversed(POINTS)))


@pytest.mark.parametrize(
    ("row", "problem"),
    [("21025,Cẩm Thành,15.121,north", "row 2, column lon: 'north' is not a lon"),
     (",Cẩm Thành,15.121,108.8", "row 2, column gso_code: empty code"),
     ("21025,Cẩm Thành,95,108.8", "row 2, column lat: '95' is not a lat")],
)  # fmt: skip
def test_bad_points_file_names_row_and_column(tmp_path: Path, row: str, problem: str) -> None:
    path = tmp_path / "points.csv"
    path.write_text(f"gso_code,name_vi,lat,lon\n{row}\n", encoding="utf-8")
    with pytest.raises(tiles.PointsError, match=re.escape(f"points.csv: {problem}")):
        tiles.read_points(path)
