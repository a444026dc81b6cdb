"""The map layer a page draws for a data year (imported boundaries, or a schematic), as start-up prepared
it: pages and components never read it themselves."""

from __future__ import annotations

from dashboard import queries
from dashboard.queries.maps import MapLayer

__all__ = ["MapLayer", "layer"]


def layer(year: int) -> MapLayer:
    """The layer that covers a data year; its url is None when none is available."""
    return queries.map_layer(year)
