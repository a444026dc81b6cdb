"""Tile cartograms: one equal square per unit, laid out on a grid from approximate points.

Pure apart from reading the points file. Runs when map layers are prepared (start-up, boundary import),
never per request. May import: nothing of ours.

The layout snaps every point to the nearest free cell of a square grid: all (point, cell) pairs within
a search radius are taken shortest first, then pairwise swaps and moves to free cells that shorten the
total squared displacement are applied until none is left. Units that share a point (the source gives
one point to Sơn Tây, Sơn Tây Hạ and Sơn Tây Thượng) therefore get neighbouring tiles. Every tie is
broken by code, so the same points always give the same map.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# Grid step in degrees of latitude (about 14 km): fine enough that the shape of the province shows,
# coarse enough that the dense coastal communes are not pushed far from their points.
DEFAULT_STEP = 0.125
# A tile covers this share of its cell; the gap between tiles is the border the eye reads.
TILE_SHARE = 0.92
SEARCH_RADIUS = 4  # cells around a point considered in the first pass
MAX_IMPROVEMENT_PASSES = 50


class PointsError(ValueError):
    """The points file cannot be used; the message names the file, row and column."""


@dataclass(frozen=True)
class Point:
    """An approximate position of a unit (not its centroid) with its short name."""

    code: str
    name: str
    lon: float
    lat: float


@dataclass(frozen=True)
class Tile:
    """A unit's cell: column from west, row from north, and the cell's centre in degrees."""

    code: str
    name: str
    col: int
    row: int
    lon: float
    lat: float


def read_points(path: Path, *, code_field: str = "gso_code", name_field: str = "name_vi") -> list[Point]:
    """Read a CSV of points (code, short name, lat, lon); bad rows raise PointsError naming row and column."""
    points: list[Point] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as stream:
        for number, row in enumerate(csv.DictReader(stream), start=2):
            code = (row.get(code_field) or "").strip()
            if not code:
                raise PointsError(f"{path.name}: row {number}, column {code_field}: empty code")
            if code in seen:
                raise PointsError(f"{path.name}: row {number}, column {code_field}: duplicate code {code}")
            seen.add(code)
            coordinates = {}
            for column, low, high in (("lat", -90.0, 90.0), ("lon", -180.0, 180.0)):
                try:
                    value = float(row.get(column) or "")
                except ValueError:
                    value = math.nan
                if not low <= value <= high:
                    raise PointsError(
                        f"{path.name}: row {number}, column {column}: {row.get(column)!r} is not a {column}"
                    )
                coordinates[column] = value
            name = (row.get(name_field) or "").strip() or code
            points.append(Point(code, name, coordinates["lon"], coordinates["lat"]))
    if not points:
        raise PointsError(f"{path.name}: no points")
    return points


def layout(points: Sequence[Point], *, step: float = DEFAULT_STEP) -> list[Tile]:
    """Give every point its own grid cell, as close to the point as the others allow (deterministic)."""
    points = sorted(points, key=lambda p: p.code)
    mid_lat = (min(p.lat for p in points) + max(p.lat for p in points)) / 2
    shrink = math.cos(math.radians(mid_lat))  # a degree of longitude is shorter than one of latitude
    west = min(p.lon for p in points) * shrink
    north = max(p.lat for p in points)
    # Positions in cell units: x grows eastward, y southward (rows are counted from the north).
    spots = [((p.lon * shrink - west) / step, (north - p.lat) / step) for p in points]
    cells = _assign(spots)
    tiles = []
    for point, (col, row) in zip(points, cells, strict=True):
        lon = (west + (col + 0.5) * step) / shrink
        lat = north - (row + 0.5) * step
        tiles.append(Tile(point.code, point.name, col, row, round(lon, 5), round(lat, 5)))
    return tiles


def _cost(spot: tuple[float, float], cell: tuple[int, int]) -> float:
    # Cell (c, r) spans [c, c+1) x [r, r+1): its centre is at (c + 0.5, r + 0.5).
    return (spot[0] - cell[0] - 0.5) ** 2 + (spot[1] - cell[1] - 0.5) ** 2


def _assign(spots: Sequence[tuple[float, float]]) -> list[tuple[int, int]]:
    """Cells for spots: shortest pairs first, then local improvements (swaps and moves)."""
    chosen: list[tuple[int, int] | None] = [None] * len(spots)
    taken: set[tuple[int, int]] = set()
    radius = SEARCH_RADIUS
    while any(cell is None for cell in chosen):
        pairs = sorted(
            (_cost(spot, cell), index, cell)
            for index, spot in enumerate(spots)
            if chosen[index] is None
            for cell in _cells_near(spot, radius)
        )
        for _, index, cell in pairs:
            if chosen[index] is None and cell not in taken:
                chosen[index] = cell
                taken.add(cell)
        radius *= 2  # only when a crowd filled every cell near some point
    cells: list[tuple[int, int]] = [cell for cell in chosen if cell is not None]
    _improve(spots, cells)
    return cells


def _cells_near(spot: tuple[float, float], radius: int) -> Iterable[tuple[int, int]]:
    col, row = math.floor(spot[0]), math.floor(spot[1])
    for dc in range(-radius, radius + 1):
        for dr in range(-radius, radius + 1):
            yield col + dc, row + dr


def _improve(spots: Sequence[tuple[float, float]], cells: list[tuple[int, int]]) -> None:
    """Swap two units' cells, or move a unit to a free neighbouring cell, while that lowers the cost."""
    for _ in range(MAX_IMPROVEMENT_PASSES):
        changed = False
        for i in range(len(spots)):
            for j in range(i + 1, len(spots)):
                now = _cost(spots[i], cells[i]) + _cost(spots[j], cells[j])
                swapped = _cost(spots[i], cells[j]) + _cost(spots[j], cells[i])
                if swapped < now - 1e-9:
                    cells[i], cells[j] = cells[j], cells[i]
                    changed = True
        taken = set(cells)
        for i, spot in enumerate(spots):
            free = [c for c in _cells_near(spot, 1) if c not in taken]
            best = min(free, key=lambda c: (_cost(spot, c), c), default=None)
            if best is not None and _cost(spot, best) < _cost(spot, cells[i]) - 1e-9:
                taken.discard(cells[i])
                taken.add(best)
                cells[i] = best
                changed = True
        if not changed:
            return


def square(code: str, name: str, x0: float, y0: float, x1: float, y1: float) -> dict:
    """A square feature of a schematic layer (RFC 7946 winding: counter-clockwise)."""
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    return {
        "type": "Feature",
        "id": code,
        "properties": {"code": code, "name": name},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def schematic_collection(features: list[dict], *, empty_corner: tuple[float, float] = (0.0, 0.0)) -> dict:
    """Squares as a prepared layer (bounding box included); `empty_corner` frames a layer with none."""
    xs = [c[0] for f in features for c in f["geometry"]["coordinates"][0]] or [empty_corner[0]]
    ys = [c[1] for f in features for c in f["geometry"]["coordinates"][0]] or [empty_corner[1]]
    return {
        "type": "FeatureCollection",
        "features": features,
        "schematic": True,
        "bbox": [min(xs), min(ys), max(xs), max(ys)],
        "anchors": {},
    }


def tile_layer(tiles: Sequence[Tile], *, step: float = DEFAULT_STEP) -> dict:
    """A FeatureCollection of one square per tile, in the format of prepared layers."""
    features = []
    for tile in tiles:
        shrink = math.cos(math.radians(tile.lat))
        half_lat = step * TILE_SHARE / 2
        half_lon = half_lat / shrink
        x0, x1 = round(tile.lon - half_lon, 5), round(tile.lon + half_lon, 5)
        y0, y1 = round(tile.lat - half_lat, 5), round(tile.lat + half_lat, 5)
        features.append(square(tile.code, tile.name, x0, y0, x1, y1))
    return schematic_collection(features)
