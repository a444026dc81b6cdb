"""Boundary layers per vintage: import (offline) and its command line.

May import: config, db, geo.prepare, geo.vintages, geo.maps. Must not import: queries, pages, figures.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import click
from sqlalchemy import Engine, delete, insert, select

from dashboard import db
from dashboard.config import Settings
from dashboard.geo.maps import prepare_map_layers
from dashboard.geo.prepare import (
    DEFAULT_TOLERANCE_KM2,
    BoundaryImportError,
    Problem,
    dumps_layer,
    prepare_layer,
    read_boundaries,
    repair,
    validate,
)
from dashboard.geo.vintages import VINTAGES, expected_codes

SIDECAR_FIELDS = ("source_title", "source_url", "licence", "redistributable", "attribution")


@dataclass(frozen=True)
class LayerInfo:
    """What an import stored: one file in geo_dir and one boundary_layers row."""

    vintage: str
    file_name: str
    content_hash: str
    feature_count: int
    size_bytes: int


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
            # Then the maps record the new layer, in the same transaction (it reads the file just placed).
            prepare_map_layers(connection, settings)
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


@click.group("geo", help="Boundary layers: import a boundary file for one vintage.")
def geo_cli() -> None:
    """Boundary layers."""


@geo_cli.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--vintage", required=True, type=click.Choice(list(VINTAGES)), help="the layer's vintage")
@click.option("--source-title", help="who published the boundaries (else the sidecar's)")
@click.option("--source-url", help="where they are published")
@click.option("--licence", help="their licence, as published")
@click.option("--attribution", help="the credit the licence asks for, shown under the map")
@click.option(
    "--redistributable", is_flag=True, default=None, help="the licence allows serving and drawing them"
)
@click.option("--code-field", default="gso_code", show_default=True, help="the property holding unit codes")
@click.option("--repair", is_flag=True, help="repair invalid geometries with make_valid")
def import_command(
    path: Path,
    vintage: str,
    source_title: str | None,
    source_url: str | None,
    licence: str | None,
    attribution: str | None,
    redistributable: bool | None,
    code_field: str,
    repair: bool,
) -> None:
    """Import a boundary file for one vintage: checked, simplified, stored; nothing changes if refused."""
    settings = Settings.from_env()
    engine = db.get_engine(settings.database_url)
    db.create_schema(engine)
    try:
        info = import_boundaries(
            engine,
            settings,
            path,
            vintage=vintage,
            source_title=source_title,
            source_url=source_url,
            licence=licence,
            redistributable=redistributable,
            attribution=attribution,
            code_field=code_field,
            repair_invalid=repair,
        )
    except BoundaryImportError as error:
        click.echo(f"Rejected {path.name}; nothing was stored:", err=True)
        for problem in error.problems:
            click.echo(f"  {problem}", err=True)
        raise click.exceptions.Exit(1) from error
    click.echo(
        f"{info.vintage}: {info.feature_count} features, {info.size_bytes} bytes"
        f" -> {settings.geo_dir / info.file_name}"
    )
    table = db.boundary_layers
    with engine.connect() as connection:  # the flag may come from the sidecar, not the command line
        flagged = connection.execute(select(table.c.redistributable).where(table.c.vintage == info.vintage))
        if not flagged.scalar():
            click.echo(
                "Not redistributable: stored, but never served at /geo/ nor drawn (the map stays a schematic"
                " and says why); import with --redistributable if its licence allows it."
            )
