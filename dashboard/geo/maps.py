"""The layers the maps draw, prepared once and recorded in the `map_layers` table; and their serving.

`prepare_map_layers` runs at start-up (create_app) and inside every boundary import's transaction, never
per request: for each vintage it takes the imported boundaries, or else a schematic (13 district squares,
or the tile cartogram of the 96 communes laid out from their approximate points), writes the copy the
browser draws under a content-hashed name, and records what a page needs (file, codes, label points,
click anchors, source). Pages read that table through dashboard.queries, which never imports this package.

May import: config, db, geo.prepare, geo.tiles, geo.vintages. Must not import: queries, pages, figures.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

import flask
import shapely
from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from dashboard import db
from dashboard.config import REPO_ROOT, Settings
from dashboard.geo import tiles
from dashboard.geo.prepare import dumps_layer, wound_for_d3
from dashboard.geo.vintages import VINTAGES, YEARS, expected_codes, is_outline

SCHEMATIC_CSV = REPO_ROOT / "geo" / "schematic_districts.csv"
COMMUNE_POINTS_CSV = REPO_ROOT / "geo" / "quang_ngai_2025_commune_points.csv"
# Shipped with the points file (geo/README.md); shown under the commune map.
COMMUNE_POINTS_SOURCE = {
    "source_title": "open-admin-data/vietnam-administrative-divisions (approximate commune points)",
    "licence": "CC-BY-4.0",
    "attribution": "Commune points: open-admin-data/vietnam-administrative-divisions, CC-BY-4.0",
}
# Content-hashed names only: "<vintage>[-schematic|-d3].<12 hex>.geojson".
FILE_NAME = re.compile(r"^[a-z0-9-]+\.[0-9a-f]{12}\.geojson$")
SCHEMATIC_STEM = "-schematic"
COLUMNS = ("vintage", "role", "first_year", "last_year", "file_name", "schematic", "features")
SOURCE_COLUMNS = ("source_title", "licence", "attribution")


def _schematic_rows() -> list[dict[str, str]]:
    with SCHEMATIC_CSV.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def default_codes(vintage: str) -> set[str]:
    """Codes of a district vintage from the schematic CSV (used when the database has no units)."""
    codes = {row["code"] for row in _schematic_rows()}
    return codes if vintage == "districts-2019" else codes - {"526"}


def district_schematic(codes: set[str]) -> dict:
    """Equal squares placed roughly as the districts lie, in the same format as prepared layers."""
    rows = [row for row in _schematic_rows() if row["code"] in codes]
    # Squares of 0.1° on a 0.12° grid where the province lies, so the map frames them as it frames real ones.
    west, north, step, side = 108.2, 15.5, 0.12, 0.1
    features = []
    for row in rows:
        x0 = round(west + int(row["col"]) * step, 4)
        y1 = round(north - int(row["row"]) * step, 4)
        x1, y0 = round(x0 + side, 4), round(y1 - side, 4)
        features.append(tiles.square(row["code"], row["name_vi"], x0, y0, x1, y1))
    return tiles.schematic_collection(features, empty_corner=(west, north))


def commune_cartogram(codes: set[str] | None = None) -> dict:
    """The tile cartogram of the communes (all points in the shipped file, or only `codes`)."""
    laid_out = tiles.layout(tiles.read_points(COMMUNE_POINTS_CSV))
    if codes:  # laid out from every point, so a missing unit leaves a gap rather than moving the others
        laid_out = [tile for tile in laid_out if tile.code in codes]
    return tiles.tile_layer(laid_out)


def _shapes(layer: dict) -> list:
    return [shapely.geometry.shape(feature["geometry"]) for feature in layer["features"]]


def label_points(layer: dict) -> dict[str, list]:
    """Where each unit's name is written: inside its largest part, with the layer's name for it."""
    labels: dict[str, list] = {}
    for feature in layer["features"]:
        shape = shapely.geometry.shape(feature["geometry"])
        largest = max(shapely.get_parts(shape), key=lambda part: part.area)
        point = largest.centroid if largest.contains(largest.centroid) else largest.representative_point()
        code = str(feature["properties"]["code"])
        labels[code] = [round(point.x, 4), round(point.y, 4), str(feature["properties"].get("name") or code)]
    return labels


def write_hashed(geo_dir: Path, stem: str, payload: bytes) -> str:
    """Write bytes once under a content-hashed name (atomically) and return that name."""
    name = f"{stem}.{hashlib.sha256(payload).hexdigest()[:12]}.geojson"
    target = geo_dir / name
    if not target.exists():
        geo_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=geo_dir, prefix=".prepare-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the web server's readers need it
        os.replace(temporary, target)
    return name


def _row(
    vintage: str, layer: dict, file_name: str, *, schematic: bool, source: dict, withheld: str = ""
) -> dict:
    first, last = YEARS[vintage]
    features = {
        "codes": [str(f["properties"]["code"]) for f in layer["features"]],
        "labels": label_points(layer),
        "anchors": layer.get("anchors") or {},
        "bbox": [round(float(v), 4) for v in shapely.total_bounds(_shapes(layer))],
    }
    if withheld:  # only then, so rows prepared before the licence gate compare equal on restart
        features["withheld"] = withheld
    return {
        "vintage": vintage,
        "role": "outline" if is_outline(vintage) else "units",
        "first_year": first,
        "last_year": last,
        "file_name": file_name,
        "schematic": schematic,
        "features": json.dumps(features, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        **{key: str(source.get(key) or "") for key in SOURCE_COLUMNS},
    }


def _prepared(connection: Connection, settings: Settings) -> list[dict]:
    """One row per vintage that can be drawn: imported boundaries first, else its schematic.

    Boundaries imported without the redistributable flag are never drawn (drawing sends them to every
    browser): their vintage gets the schematic, which records the licence that kept them out.
    """
    imported = {
        row["vintage"]: dict(row)
        for row in connection.execute(select(db.boundary_layers)).mappings()
        if (settings.geo_dir / row["file_name"]).exists()
    }
    rows = []
    for vintage in VINTAGES:
        stored = imported.get(vintage)
        if stored is not None and stored["redistributable"]:
            layer = json.loads((settings.geo_dir / stored["file_name"]).read_bytes())
            name = write_hashed(settings.geo_dir, f"{vintage}-d3", dumps_layer(wound_for_d3(layer)))
            rows.append(_row(vintage, layer, name, schematic=False, source=stored))
            continue
        if is_outline(vintage):
            continue  # a schematic has no outline to draw
        codes = expected_codes(connection, vintage)
        if vintage.startswith("districts-"):
            layer, source = district_schematic(codes or default_codes(vintage)), {}
        else:
            layer, source = commune_cartogram(codes), COMMUNE_POINTS_SOURCE
        name = write_hashed(settings.geo_dir, f"{vintage}{SCHEMATIC_STEM}", dumps_layer(wound_for_d3(layer)))
        withheld = str(stored["licence"]) if stored is not None else ""
        rows.append(_row(vintage, layer, name, schematic=True, source=source, withheld=withheld))
    return rows


def prepare_map_layers(bind: Engine | Connection, settings: Settings) -> bool:
    """Record the layers to draw in `map_layers`; True when they changed (the data version moves then).

    Given a connection, it runs in the caller's transaction (a boundary import's); given an engine, in
    its own, where a concurrent start that recorded the same rows first is not an error.
    """
    if isinstance(bind, Engine):
        try:
            with bind.begin() as connection:
                return prepare_map_layers(connection, settings)
        except IntegrityError:
            with bind.begin() as connection:  # another process recorded them meanwhile; compare again
                return prepare_map_layers(connection, settings)
    table = db.map_layers
    rows = _prepared(bind, settings)
    existing = [dict(row) for row in bind.execute(select(table).order_by(table.c.vintage)).mappings()]
    if existing == sorted(rows, key=lambda row: row["vintage"]):
        return False
    bind.execute(delete(table))
    if rows:
        bind.execute(insert(table), rows)
    db.bump_data_version(bind)  # memoized map layers and rendered pages follow
    return True


def servable(bind: Engine | Connection, name: str) -> bool:
    """True when /geo/ may send a file: a schematic (drawn from our own data), or a layer the maps
    record, which they do for boundaries imported as redistributable only. Never an imported file as
    stored (downloads go through the API's licence check) nor a copy of a layer whose flag was dropped."""
    if not FILE_NAME.fullmatch(name):
        return False
    if name.split(".", 1)[0].endswith(SCHEMATIC_STEM):
        return True
    table = db.map_layers
    with db.connecting(bind) as connection:
        recorded = connection.execute(select(table.c.vintage).where(table.c.file_name == name)).first()
    return recorded is not None


def register_geo_routes(server: flask.Flask, settings: Settings) -> None:
    """Serve prepared layers at /geo/<name> with immutable caching (names are content-hashed)."""

    def geo_file(name: str) -> flask.Response:
        engine = db.get_engine(settings.database_url)
        if not servable(engine, name) or not (settings.geo_dir / name).is_file():
            flask.abort(404)
        response = flask.send_from_directory(settings.geo_dir, name, mimetype="application/geo+json")
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    server.add_url_rule("/geo/<name>", endpoint="geo_file", view_func=geo_file)
