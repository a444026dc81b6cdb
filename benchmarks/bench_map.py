"""Measure the prepared district layer and the map figure against an embedded-geometry baseline.

Usage: .venv/bin/python benchmarks/bench_map.py --geo-dir ../shared/geo
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.express as px
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.figures.map import choropleth
from dashboard.geo.prepare import dumps_layer, prepare_layer, read_boundaries, unit_areas_km2


def median_ms(build: Callable[[], object], *, repeat: int) -> float:
    """Median wall time of `build` in milliseconds, after one warm-up call."""
    build()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        build()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main(argv: list[str] | None = None) -> int:
    """Print a table of layer size, accuracy, figure size and build time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geo-dir", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    source = args.geo_dir / "quang_ngai_districts.geojson"
    raw = source.read_bytes()
    gdf = read_boundaries(source)

    start = time.perf_counter()
    layer = prepare_layer(gdf)
    prepare_ms = (time.perf_counter() - start) * 1000
    payload = dumps_layer(layer)
    simplified = np.array([shapely.geometry.shape(f["geometry"]) for f in layer["features"]], dtype=object)
    before, after = unit_areas_km2(gdf.geometry.values), unit_areas_km2(simplified)
    errors = np.abs(after - before) / before * 100
    union = shapely.union_all(simplified)
    gap_km2 = unit_areas_km2(
        [shapely.Polygon(r) for p in shapely.get_parts(union) for r in p.interiors]
    ).sum()
    overlap_free = bool(shapely.coverage_is_valid(shapely.GeometryCollection(list(simplified))))

    codes = [str(code) for code in gdf["code"]]
    rng = np.random.default_rng(1)
    values = pd.DataFrame(
        {
            "code": codes,
            "name": list(gdf["name"]),
            "value": rng.uniform(40, 98, len(codes)),
            "class_code": None,
        }
    )
    url = "/geo/districts-2020.0123456789ab.geojson"
    anchors = layer["anchors"]

    def by_url() -> object:
        return choropleth(
            values, layer_url=url, feature_codes=codes, lang="vi", mode="score", anchors=anchors
        )

    raw_geojson = json.loads(raw)

    def baseline() -> object:
        return px.choropleth(
            values, geojson=raw_geojson, locations="code", featureidkey="properties.gso_code", color="value"
        ).update_geos(fitbounds="locations", visible=False)

    url_json = by_url().to_json().encode()
    embedded = choropleth(
        values, layer_url=url, feature_codes=codes, lang="vi", mode="score", anchors=anchors
    )
    embedded.update_traces(geojson=layer, selector={"type": "choroplethmap"})
    embedded_json = embedded.to_json().encode()
    baseline_json = baseline().to_json().encode()
    build_ms = median_ms(by_url, repeat=args.repeat)
    baseline_ms = median_ms(lambda: baseline().to_json(), repeat=max(5, args.repeat // 5))
    serialised_ms = median_ms(lambda: by_url().to_json(), repeat=args.repeat)

    rows = [
        (
            "source GeoJSON (13 districts)",
            f"{len(raw) / 1000:.1f} KB raw, {len(gzip.compress(raw)) / 1000:.1f} KB gzip",
        ),
        (
            "prepared layer",
            f"{len(payload) / 1000:.1f} KB raw, {len(gzip.compress(payload)) / 1000:.1f} KB gzip "
            f"({shapely.get_num_coordinates(simplified).sum()} vertices, {prepare_ms:.0f} ms to prepare)",
        ),
        ("max unit area error", f"{errors.max():.2f} % ({codes[int(errors.argmax())]})"),
        ("gap area in union / overlaps", f"{gap_km2:.3f} km² / {'none' if overlap_free else 'FOUND'}"),
        (
            "Lý Sơn (536) parts / anchor",
            f"{shapely.get_num_geometries(simplified[codes.index('536')])} / {anchors}",
        ),
        ("figure JSON, geometry by URL", f"{len(url_json) / 1000:.1f} KB"),
        (
            "figure JSON, prepared geometry embedded",
            f"{len(embedded_json) / 1000:.1f} KB (x{len(embedded_json) / len(url_json):.0f})",
        ),
        (
            "baseline px.choropleth, raw GeoJSON embedded",
            f"{len(baseline_json) / 1000:.1f} KB (x{len(baseline_json) / len(url_json):.0f})",
        ),
        ("build figure (median)", f"{build_ms:.2f} ms"),
        ("build + to_json (median)", f"{serialised_ms:.2f} ms"),
        ("baseline build + to_json (median)", f"{baseline_ms:.2f} ms"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
