"""The map layers prepared at start-up (dashboard.geo.maps records them in `map_layers`), read by year.

May import: db. Must not import: geo (the import code stays out of web workers), pages, figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, and_, or_, select

from dashboard import db


@dataclass(frozen=True)
class MapLayer:
    """The layer a page draws for a data year; url is None when no layer is available."""

    vintage: str
    url: str | None
    schematic: bool
    available: bool
    feature_codes: tuple[str, ...] = ()
    # code -> [lon, lat, short name]: where the unit's name is written
    labels: dict[str, list] = field(default_factory=dict)
    # code -> [lon, lat]: a click target for units too small to hit (Lý Sơn)
    anchors: dict[str, list] = field(default_factory=dict)
    bbox: tuple[float, ...] = ()  # west, south, east, north
    outline_url: str | None = None
    source_title: str = ""
    licence: str = ""
    attribution: str = ""
    # The licence of imported boundaries drawn as this schematic instead (not redistributable), or "".
    withheld: str = ""

    def names(self) -> dict[str, str]:
        """Short name of every unit in the layer, by code."""
        return {code: label[2] for code, label in self.labels.items()}


def read_map_layer(bind: Engine | Connection, year: int) -> MapLayer:
    """The prepared layer of units and the outline (if any) that cover a data year."""
    table = db.map_layers
    covers = and_(
        or_(table.c.first_year.is_(None), table.c.first_year <= year),
        or_(table.c.last_year.is_(None), table.c.last_year >= year),
    )
    with db.connecting(bind) as connection:
        rows = {row["role"]: row for row in connection.execute(select(table).where(covers)).mappings()}
    outline = rows.get("outline")
    outline_url = f"/geo/{outline['file_name']}" if outline else None
    units = rows.get("units")
    if units is None:
        return MapLayer("", None, schematic=False, available=False, outline_url=outline_url)
    features = json.loads(units["features"])
    return MapLayer(
        units["vintage"],
        f"/geo/{units['file_name']}",
        schematic=bool(units["schematic"]),
        available=True,
        feature_codes=tuple(features["codes"]),
        labels=features["labels"],
        anchors=features["anchors"],
        bbox=tuple(features["bbox"]),
        # A schematic's tiles are not where the units lie: no outline is drawn over them.
        outline_url=None if units["schematic"] else outline_url,
        source_title=units["source_title"],
        licence=units["licence"],
        attribution=units["attribution"],
        withheld=features.get("withheld", ""),
    )
