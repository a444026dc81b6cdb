"""Boundary layers per vintage: import (offline), schematic fallback, lookup by data year, and serving.

May import: config, db, geo_prepare. Must not import: queries, pages, figures.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import flask
from sqlalchemy import Connection, Engine, and_, delete, insert, or_, select

from dashboard import db
from dashboard.config import REPO_ROOT, Settings
from dashboard.geo.prepare import (
    DEFAULT_TOLERANCE_KM2,
    BoundaryImportError,
    Problem,
    dumps_layer,
    prepare_layer,
    read_boundaries,
    repair,
    validate,
    wound_for_d3,
)

__all__ = [
    "VINTAGES",
    "BoundaryImportError",
    "LayerInfo",
    "LayerRef",
    "Problem",
    "expected_codes",
    "import_boundaries",
    "layer_for_year",
    "main",
    "prepare_layer",
    "read_boundaries",
    "register_geo_routes",
    "schematic_layer",
    "validate",
    "vintage_for_year",
]

# Reference date per vintage: the units valid on that day are the ones the layer must contain.
VINTAGES: dict[str, date] = {
    "districts-2019": date(2019, 12, 31),
    "districts-2020": date(2020, 12, 31),
    "communes-2025": date(2025, 12, 31),
    "province-2019": date(2019, 12, 31),
    "province-2025": date(2025, 12, 31),
}
PROVINCE_CODE = "51"
SCHEMATIC_CSV = REPO_ROOT / "geo" / "schematic_districts.csv"
# Content-hashed names only: "<vintage>[-schematic].<12 hex>.geojson".
FILE_NAME = re.compile(r"^[a-z0-9-]+\.[0-9a-f]{12}\.geojson$")
SIDECAR_FIELDS = ("source_title", "source_url", "licence", "redistributable", "attribution")


@dataclass(frozen=True)
class LayerInfo:
    """What an import stored: one file in geo_dir and one boundary_layers row."""

    vintage: str
    file_name: str
    content_hash: str
    feature_count: int
    size_bytes: int


@dataclass(frozen=True)
class LayerRef:
    """The layer a page should draw for a data year; url is None when no layer is available."""

    vintage: str
    url: str | None
    schematic: bool
    available: bool
    feature_codes: tuple[str, ...] = ()
    anchors: dict[str, tuple[float, float]] = field(default_factory=dict)
    outline_url: str | None = None
    source_title: str = ""
    licence: str = ""
    attribution: str = ""


def vintage_for_year(year: int) -> str:
    """Return the district/commune vintage whose units were valid on 31 December of the data year."""
    if year <= 2019:
        return "districts-2019"
    if year <= 2024:
        return "districts-2020"
    return "communes-2025"


def outline_vintage_for_year(year: int) -> str:
    """Return the province outline valid on 31 December of the data year."""
    return "province-2019" if year <= 2024 else "province-2025"


def expected_codes(bind: Engine | Connection, vintage: str) -> set[str]:
    """Return the unit codes a layer of this vintage must contain, from the units table."""
    if vintage.startswith("province-"):
        return {PROVINCE_CODE}
    reference = VINTAGES[vintage]
    units = db.units
    valid = and_(
        or_(units.c.valid_from.is_(None), units.c.valid_from <= reference),
        or_(units.c.valid_to.is_(None), units.c.valid_to >= reference),
    )
    if vintage.startswith("districts-"):
        where = and_(units.c.kind == "district", units.c.parent_code == PROVINCE_CODE, valid)
    else:
        where = and_(units.c.kind == "commune", valid)
    with db.connecting(bind) as connection:
        return {str(code) for code in connection.execute(select(units.c.code).where(where)).scalars()}


def _read_sidecar(path: Path) -> dict[str, object]:
    sidecar = path.with_name(path.name + ".source.json")
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BoundaryImportError([Problem(sidecar.name, f"not valid JSON: {error}")]) from error
    return {key: data[key] for key in SIDECAR_FIELDS if key in data}


def import_boundaries(
    engine: Engine,
    settings: Settings,
    path: Path | str,
    *,
    vintage: str,
    source_title: str | None = None,
    source_url: str | None = None,
    licence: str | None = None,
    redistributable: bool | None = None,
    attribution: str | None = None,
    code_field: str = "gso_code",
    repair_invalid: bool = False,
    tolerance_km2: float = DEFAULT_TOLERANCE_KM2,
) -> LayerInfo:
    """Read, validate, simplify and store a boundary layer; on any problem raise and store nothing.

    Source fields come from `PATH.source.json` when present; arguments that are not None override it.
    """
    path = Path(path)
    if vintage not in VINTAGES:
        raise BoundaryImportError(
            [Problem(path.name, f"unknown vintage {vintage!r}: one of {', '.join(VINTAGES)}")]
        )
    # Load inputs.
    meta = _read_sidecar(path)
    given = {
        "source_title": source_title,
        "source_url": source_url,
        "licence": licence,
        "redistributable": redistributable,
        "attribution": attribution,
    }
    meta.update({key: value for key, value in given.items() if value is not None})
    missing = [key for key in ("source_title", "licence") if not meta.get(key)]
    if missing:
        raise BoundaryImportError(
            [
                Problem(path.name, f"no {key}: give --{key.replace('_', '-')} or {path.name}.source.json")
                for key in missing
            ]
        )
    gdf = read_boundaries(path, code_field=code_field)
    # Process.
    problems = validate(
        gdf, expected=expected_codes(engine, vintage), file_name=path.name, tolerance_km2=tolerance_km2
    )
    blocking = [p for p in problems if not (repair_invalid and p.repairable)]
    if blocking:
        raise BoundaryImportError(blocking)
    if problems:
        gdf = repair(gdf)
    try:
        layer = prepare_layer(gdf)
    except BoundaryImportError as error:
        raise BoundaryImportError([Problem(path.name, p.message) for p in error.problems]) from error
    payload = dumps_layer(layer)
    content_hash = hashlib.sha256(payload).hexdigest()
    info = LayerInfo(vintage, f"{vintage}.{content_hash[:12]}.geojson", content_hash, len(gdf), len(payload))
    # Save outputs: the row and the file succeed or fail together.
    _store(engine, settings, info, payload, meta)
    return info


def _store(
    engine: Engine, settings: Settings, info: LayerInfo, payload: bytes, meta: dict[str, object]
) -> None:
    geo_dir = settings.geo_dir
    geo_dir.mkdir(parents=True, exist_ok=True)
    target = geo_dir / info.file_name
    existed = target.exists()
    handle, temporary = tempfile.mkstemp(dir=geo_dir, prefix=".import-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the web server's readers need it
        with engine.begin() as connection:
            connection.execute(delete(db.boundary_layers).where(db.boundary_layers.c.vintage == info.vintage))
            connection.execute(
                insert(db.boundary_layers).values(
                    vintage=info.vintage,
                    file_name=info.file_name,
                    content_hash=info.content_hash,
                    feature_count=info.feature_count,
                    source_title=str(meta["source_title"]),
                    source_url=meta.get("source_url") or None,
                    licence=str(meta["licence"]),
                    redistributable=bool(meta.get("redistributable", False)),
                    attribution=str(meta.get("attribution") or ""),
                    imported_at=datetime.now(UTC),
                )
            )
            db.bump_data_version(connection)  # memoized layers and pages follow the new boundaries
            # Rename last inside the transaction: if it fails the row is rolled back.
            os.replace(temporary, target)
    except BaseException:
        if not existed and target.exists() and not _row_points_to(engine, info):
            target.unlink()
        raise
    finally:
        Path(temporary).unlink(missing_ok=True)


def _row_points_to(engine: Engine, info: LayerInfo) -> bool:
    table = db.boundary_layers
    with engine.connect() as connection:
        stored = connection.execute(select(table.c.file_name).where(table.c.vintage == info.vintage)).scalar()
    return stored == info.file_name


def _schematic_rows() -> list[dict[str, str]]:
    with SCHEMATIC_CSV.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def default_codes(vintage: str) -> set[str]:
    """Codes of a district vintage from the schematic CSV (used when the database has no units)."""
    codes = {row["code"] for row in _schematic_rows()}
    return codes if vintage == "districts-2019" else codes - {"526"}


def schematic_layer(vintage: str, codes: set[str] | Sequence[str]) -> dict:
    """Build equal squares placed roughly as the districts lie, in the same format as prepared layers."""
    rows = [row for row in _schematic_rows() if row["code"] in set(codes)]
    # Squares of 0.1° on a 0.12° grid where the province lies, so the map frames them as it frames real ones.
    west, north, step, side = 108.2, 15.5, 0.12, 0.1
    features = []
    for row in rows:
        x0 = round(west + int(row["col"]) * step, 4)
        y1 = round(north - int(row["row"]) * step, 4)
        x1, y0 = round(x0 + side, 4), round(y1 - side, 4)
        ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
        features.append(
            {
                "type": "Feature",
                "id": row["code"],
                "properties": {"code": row["code"], "name": row["name_vi"]},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    xs = [c[0] for f in features for c in f["geometry"]["coordinates"][0]] or [west]
    ys = [c[1] for f in features for c in f["geometry"]["coordinates"][0]] or [north]
    return {
        "type": "FeatureCollection",
        "features": features,
        "schematic": True,
        "vintage": vintage,
        "bbox": [min(xs), min(ys), max(xs), max(ys)],
        "anchors": {},
    }


def _write_hashed(geo_dir: Path, stem: str, payload: bytes) -> str:
    """Write bytes once under a content-hashed name and return that name."""
    name = f"{stem}.{hashlib.sha256(payload).hexdigest()[:12]}.geojson"
    target = geo_dir / name
    if not target.exists():
        geo_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=geo_dir, prefix=".schematic-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the web server's readers need it
        os.replace(temporary, target)
    return name


@functools.lru_cache(maxsize=32)
def _map_layer(geo_dir: Path, file_name: str) -> tuple[str, tuple[str, ...], tuple]:
    """The map's copy of a stored layer (d3 winding; written once) with its codes and anchors.

    Cached: names are content-hashed, so an entry never goes stale.
    """
    layer = json.loads((geo_dir / file_name).read_bytes())
    stem = file_name.split(".")[0]
    name = _write_hashed(geo_dir, f"{stem}-d3", dumps_layer(wound_for_d3(layer)))
    codes = tuple(str(f["properties"]["code"]) for f in layer["features"])
    anchors = tuple((code, tuple(xy)) for code, xy in (layer.get("anchors") or {}).items())
    return name, codes, anchors


def _stored_layer(bind: Engine | Connection, settings: Settings, vintage: str) -> dict | None:
    table = db.boundary_layers
    with db.connecting(bind) as connection:
        row = connection.execute(select(table).where(table.c.vintage == vintage)).mappings().first()
    if row is None or not (settings.geo_dir / row["file_name"]).exists():
        return None
    return dict(row)


def layer_for_year(bind: Engine | Connection, settings: Settings, year: int) -> LayerRef:
    """Return the layer to draw for a data year: imported boundaries, else the schematic, else none."""
    vintage = vintage_for_year(year)
    outline = _stored_layer(bind, settings, outline_vintage_for_year(year))
    outline_url = f"/geo/{_map_layer(settings.geo_dir, outline['file_name'])[0]}" if outline else None
    row = _stored_layer(bind, settings, vintage)
    if row is not None:
        name, codes, anchors = _map_layer(settings.geo_dir, row["file_name"])
        return LayerRef(
            vintage,
            f"/geo/{name}",
            schematic=False,
            available=True,
            feature_codes=codes,
            anchors=dict(anchors),
            outline_url=outline_url,
            source_title=row["source_title"],
            licence=row["licence"],
            attribution=row["attribution"],
        )
    if not vintage.startswith("districts-"):
        return LayerRef(vintage, None, schematic=False, available=False, outline_url=outline_url)
    codes = expected_codes(bind, vintage) or default_codes(vintage)
    layer = schematic_layer(vintage, codes)
    name = _write_hashed(settings.geo_dir, f"{vintage}-schematic", dumps_layer(wound_for_d3(layer)))
    return LayerRef(
        vintage,
        f"/geo/{name}",
        schematic=True,
        available=True,
        feature_codes=tuple(f["properties"]["code"] for f in layer["features"]),
    )


def register_geo_routes(server: flask.Flask, settings: Settings) -> None:
    """Serve prepared layers at /geo/<name> with immutable caching (names are content-hashed)."""

    def geo_file(name: str) -> flask.Response:
        if not FILE_NAME.fullmatch(name) or not (settings.geo_dir / name).is_file():
            flask.abort(404)
        response = flask.send_from_directory(settings.geo_dir, name, mimetype="application/geo+json")
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    server.add_url_rule("/geo/<name>", endpoint="geo_file", view_func=geo_file)


def main(argv: list[str]) -> int:
    """CLI: `python -m dashboard geo import PATH --vintage V --source-title T --licence L ...`."""
    parser = argparse.ArgumentParser(prog="python -m dashboard geo", description="Boundary layers")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("import", help="import a boundary file for one vintage")
    command.add_argument("path", type=Path)
    command.add_argument("--vintage", required=True, choices=list(VINTAGES))
    command.add_argument("--source-title")
    command.add_argument("--source-url")
    command.add_argument("--licence")
    command.add_argument("--attribution")
    command.add_argument("--redistributable", action="store_true", default=None)
    command.add_argument("--code-field", default="gso_code")
    command.add_argument("--repair", action="store_true", help="repair invalid geometries with make_valid")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    engine = db.get_engine(settings.database_url)
    db.create_schema(engine)
    try:
        info = import_boundaries(
            engine,
            settings,
            args.path,
            vintage=args.vintage,
            source_title=args.source_title,
            source_url=args.source_url,
            licence=args.licence,
            redistributable=args.redistributable,
            attribution=args.attribution,
            code_field=args.code_field,
            repair_invalid=args.repair,
        )
    except BoundaryImportError as error:
        print(f"Rejected {args.path.name}; nothing was stored:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(
        f"{info.vintage}: {info.feature_count} features, {info.size_bytes} bytes"
        f" -> {settings.geo_dir / info.file_name}"
    )
    return 0
