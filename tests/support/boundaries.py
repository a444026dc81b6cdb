"""The real boundary files (read from ../shared/geo, GPL-3.0: never copied into the repository), the
district codes of Quảng Ngãi and a ring helper, shared by the geo tests in tests/pure and tests/database."""

from __future__ import annotations

import os
from pathlib import Path

import shapely

# QN_SHARED_GEO: where they are when the checkout is not beside ../shared (a git worktree).
BESIDE = Path(__file__).resolve().parents[2].parent / "shared" / "geo"
SHARED_GEO = Path(os.environ.get("QN_SHARED_GEO", BESIDE))
DISTRICTS_2019 = SHARED_GEO / "quang_ngai_districts_2019.geojson"
DISTRICTS_2020 = SHARED_GEO / "quang_ngai_districts.geojson"
PROVINCE_2019 = SHARED_GEO / "quang_ngai_province.geojson"
PROVINCE_2025 = SHARED_GEO / "quang_ngai_province_2025.geojson"

DISTRICTS = {
    "522": "Quảng Ngãi",
    "524": "Bình Sơn",
    "525": "Trà Bồng",
    "526": "Tây Trà",
    "527": "Sơn Tịnh",
    "528": "Tư Nghĩa",
    "529": "Sơn Hà",
    "530": "Sơn Tây",
    "531": "Minh Long",
    "532": "Nghĩa Hành",
    "533": "Mộ Đức",
    "534": "Đức Phổ",
    "535": "Ba Tơ",
    "536": "Lý Sơn",
}


def exterior_rings(layer: dict) -> list[shapely.LinearRing]:
    polygons = [shapely.geometry.shape(f["geometry"]) for f in layer["features"]]
    return [part.exterior for polygon in polygons for part in getattr(polygon, "geoms", [polygon])]
