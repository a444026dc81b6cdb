"""Measure the prepared district layer and the map figure against an embedded-geometry baseline; and the
overview's map callback for a view never seen before, 96 communes against 13 districts, in one run.

Usage: .venv/bin/python benchmarks/bench_map.py --geo-dir ../shared/geo
       .venv/bin/python benchmarks/bench_map.py --callbacks [--repeat 15]
The callback run builds a throwaway SQLite database from data/ plus seeded illustrative 2025 DTI totals
for the 96 communes (`write_commune_data`; used only here and by bench_browser.py --communes).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.express as px
import shapely
from plotly.utils import PlotlyJSONEncoder

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.figures.map import choropleth
from dashboard.geo.prepare import dumps_layer, prepare_layer, read_boundaries, unit_areas_km2

REPO = Path(__file__).resolve().parents[1]


def median_ms(build: Callable[[], object], *, repeat: int) -> float:
    """Median wall time of `build` in milliseconds, after one warm-up call."""
    build()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        build()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def write_commune_data(target: Path, *, seed: int = 2025) -> Path:
    """Copy data/ to `target` with illustrative 2025 DTI totals (53–80) for every commune valid in 2025.

    Benchmark data only: the DTI method of 2020 is stretched to 2025 in the copy so that the existing
    indicator applies; nothing here is a published figure, and the dataset is marked illustrative.
    """
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(REPO / "data", target)
    methods = target / "reference" / "methodologies.csv"
    with methods.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for row in rows:
        if row["code"] == "qn-dti-2020":
            row["last_year"] = "2025"
    with methods.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with (REPO / "data" / "reference" / "units.csv").open(encoding="utf-8", newline="") as stream:
        communes = [u["code"] for u in csv.DictReader(stream) if u["kind"] == "commune"]
    rng = random.Random(seed)
    with (target / "illustrative" / "bench_communes_2025.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["year", "unit_code", "gov_level", "indicator", "value"])
        writer.writerows(
            [2025, code, "unit", "DTI_TOTAL", round(rng.uniform(53, 80), 1)] for code in communes
        )
    meta = json.loads((REPO / "data" / "illustrative" / "edoc_by_unit.meta.json").read_text(encoding="utf-8"))
    meta.update(
        id="illustrative-bench-communes-2025",
        title_vi="MINH HỌA – DTI 96 xã 2025 (chỉ dùng cho benchmark)",
        title_en="ILLUSTRATIVE – DTI of the 96 communes 2025 (benchmark only)",
        made_by="benchmarks/bench_map.py",
    )
    (target / "illustrative" / "bench_communes_2025.meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return target


def callbacks(repeat: int) -> int:
    """The overview callback for a view never seen before (data version bumped before every call)."""
    from dashboard import create_app, db
    from dashboard.config import Settings

    work = Path(tempfile.mkdtemp(prefix="qnbench-map-"))
    data_dir = write_commune_data(work / "data")
    settings = Settings.from_env(
        {"DASHBOARD_INSTANCE_DIR": str(work / "instance"), "DASHBOARD_DATA_DIR": str(data_dir)}
    )
    app = create_app(settings)
    engine = db.get_engine(settings.database_url)
    client = app.server.test_client()
    graph = client.get("/_dash-dependencies").get_json()
    callback = next(c for c in graph if c["output"].lstrip(".").startswith("overview-map.figure..."))

    def body(year: int, group: str) -> bytes:
        values = {
            "overview-year.value": year,
            "overview-index.value": "DTI_TOTAL",
            "overview-group.value": group,
            "overview-lang.data": "vi",
            "overview-map-state.data": None,
        }
        outputs = [
            {"id": p.split(".")[0], "property": p.split(".")[1]}
            for p in callback["output"].strip(".").split("...")
        ]
        items = [{**i, "value": values[f"{i['id']}.{i['property']}"]} for i in callback["inputs"]]
        state = [{**i, "value": values[f"{i['id']}.{i['property']}"]} for i in callback["state"]]
        return json.dumps({"output": callback["output"], "outputs": outputs, "inputs": items, "state": state,
                           "changedPropIds": ["overview-year.value"]}).encode()  # fmt: skip

    views = {"13 districts (2022)": body(2022, "district"), "96 communes (2025)": body(2025, "commune")}
    timings: dict[str, list[float]] = {name: [] for name in views}
    sizes: dict[str, int] = {}
    for turn in range(repeat + 1):
        for name, payload in views.items():
            with engine.begin() as connection:
                db.bump_data_version(connection)  # every memo misses: a view nobody has asked for yet
            start = time.perf_counter()
            response = client.post("/_dash-update-component", data=payload, content_type="application/json")
            elapsed = (time.perf_counter() - start) * 1000
            figure = response.get_json()["response"]["overview-map"]["figure"]
            assert response.status_code == 200 and len(figure["data"][1]["locations"]) in (13, 96), name
            sizes[name] = len(response.data)
            if turn:  # the first turn warms imports and the plotly validators
                timings[name].append(elapsed)
    medians = {name: statistics.median(values) for name, values in timings.items()}
    ratio = medians["96 communes (2025)"] / medians["13 districts (2022)"]
    print(f"overview callback, view never seen (data version bumped before each call), median of {repeat}:")
    print("| view | median ms | response bytes |")
    print("|---|---|---|")
    for name in views:
        print(f"| {name} | {medians[name]:.1f} | {sizes[name]:,} |")
    print(f"\n96 communes / 13 districts: {ratio:.2f}x (aim ≤ 2x: {'met' if ratio <= 2 else 'missed'})")
    shutil.rmtree(work, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Print a table of layer size, accuracy, figure size and build time (or the callback comparison)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geo-dir", type=Path)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--callbacks", action="store_true", help="96 communes vs 13 districts callback")
    args = parser.parse_args(argv)
    if args.callbacks:
        return callbacks(args.repeat)
    if args.geo_dir is None:
        parser.error("--geo-dir is required (or --callbacks)")
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

    def to_json(figure: dict) -> bytes:  # as Dash serialises a figure dict
        return json.dumps(figure, cls=PlotlyJSONEncoder).encode()

    url_json = to_json(by_url())
    embedded = by_url()
    for trace in embedded["data"]:  # every trace that draws the layer would carry it
        if trace["type"] == "choropleth" and trace["geojson"] == url:
            trace["geojson"] = layer
    embedded_json = to_json(embedded)
    baseline_json = baseline().to_json().encode()
    build_ms = median_ms(by_url, repeat=args.repeat)
    baseline_ms = median_ms(lambda: baseline().to_json(), repeat=max(5, args.repeat // 5))
    serialised_ms = median_ms(lambda: to_json(by_url()), repeat=args.repeat)

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
