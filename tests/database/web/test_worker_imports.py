"""What a web worker loads: building the app (`from app import server`, as gunicorn does) never imports
geopandas or GDAL, which only the boundary import needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
HEAVY = ("geopandas", "pyogrio", "pyproj")
PROBE = (
    f"import sys; from app import server; print(','.join(m for m in {HEAVY!r} if m in sys.modules) or 'none')"
)


def test_building_the_app_imports_no_geopandas(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CACHE_REDIS_URL")}
    env.update(PYTHONPATH=str(REPO), DASHBOARD_INSTANCE_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=100
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "none"


def test_the_boundary_import_still_reads_files_with_geopandas(tmp_path: Path) -> None:
    from dashboard.geo import prepare

    layer = tmp_path / "one.geojson"
    layer.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"gso_code":"522"},'
        '"geometry":{"type":"Polygon","coordinates":[[[108,15],[108.1,15],[108.1,15.1],[108,15]]]}}]}',
        encoding="utf-8",
    )
    frame = prepare.read_boundaries(layer)
    assert list(frame["code"]) == ["522"] and frame.crs.to_epsg() == 4326
    assert prepare.unit_areas_km2(frame.geometry)[0] > 0
