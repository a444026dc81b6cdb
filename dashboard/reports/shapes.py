"""The map layer of a year (prepared at start-up, dashboard.geo.maps) as SVG paths for print.

Reads the layer file the maps already serve at /geo/<name> (content-hashed, so one projection per file
is kept for the life of the process), simplifies real boundaries to what an 8 cm map shows, and projects
longitude and latitude to SVG units (equirectangular, longitude shrunk by the cosine of the mid
latitude, as the tile layout does). May import: queries, reports.svg.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import flask
import shapely

from dashboard import queries
from dashboard.reports.svg import Shapes

WIDTH = 400.0


def year_shapes(year: int) -> Shapes | None:
    """The units of the layer that draws `year`, projected; None when no layer is prepared."""
    layer = queries.map_layer(year)
    if not layer.available or not layer.url:
        return None
    geo_dir: Path = flask.current_app.config["DASHBOARD_SETTINGS"].geo_dir
    path = geo_dir / layer.url.rsplit("/", 1)[-1]
    if not path.is_file():
        return None
    labels = tuple(
        (code, float(lon), float(lat), str(name)) for code, (lon, lat, name) in layer.labels.items()
    )
    return _projected(path, labels, schematic=layer.schematic)


@functools.lru_cache(maxsize=8)
def _projected(path: Path, labels: tuple[tuple[str, float, float, str], ...], *, schematic: bool) -> Shapes:
    layer = json.loads(path.read_bytes())
    geometries = {
        str(feature["properties"]["code"]): shapely.geometry.shape(feature["geometry"])
        for feature in layer["features"]
    }
    west, south, east, north = shapely.total_bounds(list(geometries.values()))
    shrink = math.cos(math.radians((south + north) / 2))
    scale = WIDTH / max((east - west) * shrink, 1e-9)

    def point(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * shrink * scale, (north - lat) * scale

    tolerance = 0 if schematic else max(east - west, north - south) / 400
    paths = {}
    for code, geometry in geometries.items():
        simple = geometry.simplify(tolerance) if tolerance else geometry
        rings = []
        for polygon in shapely.get_parts(simple):
            for ring in (polygon.exterior, *polygon.interiors):
                xy = [point(x, y) for x, y in ring.coords]
                rings.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
        paths[code] = "".join(rings)
    projected = {code: (*point(lon, lat), name) for code, lon, lat, name in labels}
    return Shapes(WIDTH, (north - south) * scale, paths, projected)
