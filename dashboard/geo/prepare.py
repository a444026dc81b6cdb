"""Read, validate and simplify boundary files. Pure apart from reading the input file.

May import: nothing of ours. Must not import: db, queries, pages, figures.

geopandas and pyogrio (GDAL) are imported by the functions that read or measure boundaries, not by the
module: web workers import it for `dumps_layer` and `wound_for_d3` alone (through geo.maps at start-up),
and geopandas would add about 40 MB to each of them (measured: 209 -> 169 MB resident after
`from app import server`; tests/database/web/test_worker_imports.py keeps it out).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import shapely

if TYPE_CHECKING:
    import geopandas as gpd

READABLE_SUFFIXES = (".geojson", ".json", ".shp", ".gpkg")
DEFAULT_TOLERANCE_KM2 = 0.1
# Visvalingam tolerances in degrees, finest first: the finest one that fits the byte budget wins.
TOLERANCE_LADDER = (0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.004, 0.005, 0.006, 0.008, 0.01)
# Units smaller than this share of the layer get an enlarged click target (Lý Sơn: 0.2 % of the province).
ANCHOR_AREA_SHARE = 0.01


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a boundary file, naming the feature (index + code) where there is one."""

    file_name: str
    message: str
    feature_index: int | None = None
    code: str | None = None
    repairable: bool = False

    def __str__(self) -> str:
        if self.feature_index is not None:
            return f"{self.file_name}: feature {self.feature_index} (code {self.code}): {self.message}"
        if self.code is not None:
            return f"{self.file_name}: unit {self.code}: {self.message}"
        return f"{self.file_name}: {self.message}"


class BoundaryImportError(Exception):
    """A boundary file was rejected; nothing was stored."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def read_boundaries(path: Path | str, *, code_field: str = "gso_code") -> gpd.GeoDataFrame:
    """Read GeoJSON/Shapefile/GeoPackage in any CRS into EPSG:4326 with a string `code` column."""
    import geopandas as gpd
    from pyogrio.errors import DataLayerError, DataSourceError

    path = Path(path)
    name = path.name
    if not path.exists():
        raise BoundaryImportError([Problem(name, "file not found")])
    if path.suffix.lower() not in READABLE_SUFFIXES:
        raise BoundaryImportError(
            [Problem(name, f"wrong format: expected one of {', '.join(READABLE_SUFFIXES)}")]
        )
    if path.stat().st_size == 0:
        raise BoundaryImportError([Problem(name, "empty file: no features")])
    try:
        gdf = gpd.read_file(path)
    except (DataSourceError, DataLayerError, ValueError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise BoundaryImportError(
            [Problem(name, f"wrong format: not a readable boundary file ({first_line})")]
        ) from error
    if len(gdf) == 0:
        raise BoundaryImportError([Problem(name, "empty file: no features")])
    if gdf.crs is None:
        # RFC 7946 GeoJSON is always EPSG:4326 (GDAL says so itself); other formats must declare a CRS.
        if path.suffix.lower() in (".geojson", ".json"):
            gdf = gdf.set_crs(4326)
        else:
            raise BoundaryImportError(
                [Problem(name, "no coordinate reference system (a Shapefile needs its .prj file)")]
            )
    if code_field not in gdf.columns:
        columns = ", ".join(str(c) for c in gdf.columns if c != "geometry")
        raise BoundaryImportError([Problem(name, f"no '{code_field}' property (properties: {columns})")])
    gdf = gdf.to_crs(4326)
    gdf["code"] = [_code_text(value) for value in gdf[code_field]]
    if "name" not in gdf.columns:
        gdf["name"] = gdf["name_vi"] if "name_vi" in gdf.columns else gdf["code"]
    return gdf


def _code_text(value: object) -> str | None:
    """Normalise a code read as text, int or float (522.0 -> '522')."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def validate(
    gdf: gpd.GeoDataFrame,
    *,
    expected: set[str],
    file_name: str,
    tolerance_km2: float = DEFAULT_TOLERANCE_KM2,
) -> list[Problem]:
    """Return every problem of a boundary layer against the expected unit codes; [] when it is fine."""
    if len(gdf) == 0:
        return [Problem(file_name, "empty file: no features")]
    problems: list[Problem] = []
    codes = list(gdf["code"])
    first_index: dict[str, int] = {}
    usable: list[int] = []
    for index, (code, geometry) in enumerate(zip(codes, gdf.geometry, strict=True)):
        shown = code if code is not None else "missing"
        if code is None:
            problems.append(Problem(file_name, "no code", index, shown))
        elif code in first_index:
            problems.append(
                Problem(file_name, f"duplicate code, also feature {first_index[code]}", index, code)
            )
        else:
            first_index[code] = index
            if code not in expected:
                problems.append(Problem(file_name, "unknown code, not a unit of this vintage", index, code))
        if geometry is None or geometry.is_empty:
            problems.append(Problem(file_name, "empty geometry", index, shown))
        elif geometry.geom_type not in ("Polygon", "MultiPolygon"):
            problems.append(
                Problem(
                    file_name,
                    f"geometry is {geometry.geom_type}, expected Polygon or MultiPolygon",
                    index,
                    shown,
                )
            )
        else:
            usable.append(index)
            if not geometry.is_valid:
                reason = shapely.is_valid_reason(geometry)
                problems.append(
                    Problem(file_name, f"invalid geometry: {reason}", index, shown, repairable=True)
                )
    problems.extend(
        Problem(file_name, "missing: no feature has this code", code=code)
        for code in sorted(expected - set(first_index))
    )
    if len(usable) > 1:
        problems.extend(_coverage_problems(gdf.iloc[usable], usable, file_name, tolerance_km2))
    return problems


def repair(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return a copy where only the invalid geometries went through shapely.make_valid."""
    gdf = gdf.copy()
    invalid = ~gdf.geometry.is_valid
    if invalid.any():
        fixed = shapely.make_valid(gdf.geometry[invalid].values)
        # make_valid may leave stray lines beside the polygons; keep the polygonal part only.
        gdf.loc[invalid, "geometry"] = [_polygonal(geometry) for geometry in fixed]
    return gdf


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else geometry


def _feature_label(index: int, code: str | None) -> str:
    return f"{index} (code {code})"


def _coverage_problems(
    gdf: gpd.GeoDataFrame, indices: list[int], file_name: str, tolerance_km2: float
) -> list[Problem]:
    """Overlaps between features and holes in their union bigger than the tolerance."""
    import geopandas as gpd

    projected = repair(gdf).to_crs(gdf.estimate_utm_crs())
    geometries = projected.geometry.values
    codes = list(gdf["code"])
    problems: list[Problem] = []
    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="intersects")
    for i, j in zip(left, right, strict=True):
        if i >= j:
            continue
        area = shapely.intersection(geometries[i], geometries[j]).area / 1e6
        if area > tolerance_km2:
            problems.append(
                Problem(
                    file_name,
                    f"overlaps feature {_feature_label(indices[j], codes[j])} by {area:.2f} km² "
                    f"(tolerance {tolerance_km2:g} km²)",
                    indices[i],
                    codes[i],
                )
            )
    union = shapely.union_all(geometries)
    holes = gpd.GeoSeries(
        # A hole's ring may enclose islands of the union; the gap is only what no feature covers.
        [
            shapely.Polygon(ring).difference(union)
            for part in shapely.get_parts(union)
            for ring in part.interiors
        ],
        crs=projected.crs,
    )
    for hole in holes:
        area = hole.area / 1e6
        if area <= tolerance_km2:
            continue
        near = shapely.STRtree(geometries).query(hole, predicate="intersects")
        around = ", ".join(_feature_label(indices[k], codes[k]) for k in sorted(near))
        point = gpd.GeoSeries([hole.representative_point()], crs=projected.crs).to_crs(4326).iloc[0]
        problems.append(
            Problem(
                file_name,
                f"gap of {area:.2f} km² near {point.x:.3f}, {point.y:.3f} between features {around} "
                f"(tolerance {tolerance_km2:g} km²)",
            )
        )
    return problems


def unit_areas_km2(geometries: Iterable[shapely.Geometry]) -> np.ndarray:
    """Area of each EPSG:4326 geometry in km², measured in its local UTM zone."""
    import geopandas as gpd

    series = gpd.GeoSeries(list(geometries), crs=4326)
    if series.empty:
        return np.zeros(0)
    return series.to_crs(series.estimate_utm_crs()).area.to_numpy() / 1e6


def _isolated(geometries: np.ndarray) -> np.ndarray:
    """Mask of geometries that touch no other one (islands): they are simplified on their own, finer."""
    if len(geometries) < 2:
        return np.zeros(len(geometries), dtype=bool)
    left, right = shapely.STRtree(geometries).query(geometries, predicate="intersects")
    touching = np.zeros(len(geometries), dtype=bool)
    touching[left[left != right]] = True
    return ~touching


def _simplify(geometries: np.ndarray, tolerance: float, decimals: int) -> np.ndarray:
    isolated = _isolated(geometries)
    simplified = np.array(geometries, dtype=object)
    if (~isolated).any():
        simplified[~isolated] = shapely.coverage_simplify(geometries[~isolated], tolerance)
    if isolated.any():
        # Islands share no edges, so each is its own coverage; a quarter of the tolerance keeps Lý Sơn's
        # two small islands within the area budget.
        simplified[isolated] = [shapely.coverage_simplify(g, tolerance / 4) for g in geometries[isolated]]
    # Shared vertices round to the same value, so neighbours stay edge-matched after quantization.
    simplified = shapely.transform(simplified, lambda xy: np.round(xy, decimals))
    # RFC 7946 winding (exterior rings counter-clockwise) for the published file, whatever the source used.
    return shapely.orient_polygons(shapely.remove_repeated_points(simplified))


def _feature_collection(codes: Sequence[str], names: Sequence[str], geometries: Sequence) -> dict:
    features = [
        {
            "type": "Feature",
            "id": code,
            "properties": {"code": code, "name": name},
            "geometry": shapely.geometry.mapping(geometry),
        }
        for code, name, geometry in zip(codes, names, geometries, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def wound_for_d3(layer: dict) -> dict:
    """A copy of a layer whose exterior rings run clockwise, as d3-geo (plotly's geo maps) reads them.

    d3-geo treats rings as spherical: an RFC 7946 (counter-clockwise) ring encloses the rest of the
    globe, so each district would paint the whole map. Published files keep RFC 7946; maps get this.
    """
    features = [
        {
            **feature,
            "geometry": shapely.geometry.mapping(
                shapely.orient_polygons(shapely.geometry.shape(feature["geometry"]), exterior_cw=True)
            ),
        }
        for feature in layer["features"]
    ]
    return {**layer, "features": features}


def dumps_layer(layer: dict) -> bytes:
    """Serialise a layer compactly and deterministically (the file name hashes these bytes)."""
    return json.dumps(layer, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def prepare_layer(
    gdf: gpd.GeoDataFrame,
    *,
    max_bytes: int | None = None,
    max_area_error: float = 0.02,
    decimals: int = 4,
) -> dict:
    """Simplify a validated coverage into a small GeoJSON FeatureCollection keyed by `code`.

    Picks the finest tolerance whose output fits `max_bytes` (default 3 KB per unit, at least 40 KB)
    with every unit's area within `max_area_error`, a valid geometry and no new gaps or overlaps.
    """
    budget = max_bytes if max_bytes is not None else max(40_000, 3_000 * len(gdf))
    geometries = np.asarray(repair(gdf).geometry.values, dtype=object)
    codes = [str(code) for code in gdf["code"]]
    names = [str(name) for name in gdf.get("name", pd.Series(codes))]
    original_areas = unit_areas_km2(geometries)
    was_coverage = len(geometries) < 2 or bool(
        shapely.coverage_is_valid(shapely.GeometryCollection(list(geometries)))
    )
    for tolerance in TOLERANCE_LADDER:
        simplified = _simplify(geometries, tolerance, decimals)
        layer = _feature_collection(codes, names, simplified)
        if len(dumps_layer(layer)) > budget:
            continue
        errors = np.abs(unit_areas_km2(simplified) - original_areas) / original_areas
        if errors.max() > max_area_error or not shapely.is_valid(simplified).all():
            continue
        if was_coverage and not shapely.coverage_is_valid(shapely.GeometryCollection(list(simplified))):
            continue
        layer["bbox"] = [round(float(v), decimals) for v in shapely.total_bounds(simplified)]
        layer["anchors"] = _anchors(codes, simplified, original_areas)
        return layer
    raise BoundaryImportError(
        [Problem("", f"cannot simplify to {budget} bytes with every area within {max_area_error:.0%}")]
    )


def _anchors(codes: Sequence[str], geometries: np.ndarray, areas: np.ndarray) -> dict[str, list[float]]:
    """Marker positions for units too small to click comfortably (on their largest part)."""
    total = float(areas.sum())
    anchors: dict[str, list[float]] = {}
    for code, geometry, area in zip(codes, geometries, areas, strict=True):
        if len(codes) > 1 and area < ANCHOR_AREA_SHARE * total:
            largest = max(shapely.get_parts(geometry), key=lambda part: part.area)
            point = largest.representative_point()
            anchors[code] = [round(point.x, 4), round(point.y, 4)]
    return anchors
