"""Updates of a drawn map sent as a `dash.Patch`: new values (same layer, mode and language) or a new
highlighted unit. Pure: no I/O, no Dash import (the caller passes the Patch). May import: domain,
figures.map, figures.map_values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.domain import UNIT_CODE
from dashboard.figures.map import Mode, highlight_arrays, trace_index
from dashboard.figures.map_values import value_arrays


def values_patch(patch: Any, values: pd.DataFrame, **options: Any) -> Any:
    """Fill a `dash.Patch()` with the new values and colour range only (same layer, mode and language).

    `options` are those of `map_values.value_arrays` (feature_codes, lang, mode, anchors, labels...)."""
    found = value_arrays(values, **options)
    for position, update in found.traces.items():
        for key, array in update.items():
            if "." in key:  # marker.color, textfont.color
                outer, inner = key.split(".")
                patch["data"][position][outer][inner] = array
            else:
                patch["data"][position][key] = array
    if found.coloraxis is not None:
        patch["layout"]["coloraxis"] = found.coloraxis
    return patch


def highlight_patch(patch: Any, code: str | None, *, mode: Mode) -> Any:
    """Fill a `dash.Patch()` that moves the highlight to another unit (or removes it); return it."""
    position = trace_index(mode)["highlight"]
    for key, array in highlight_arrays(code).items():
        patch["data"][position][key] = array
    return patch


def clicked_code(click_data: Mapping[str, Any] | None) -> str | None:
    """Return the unit code of a click on the map (polygon or anchor marker), None otherwise."""
    # Whatever the browser (or anyone) posts: a point that is not an object, or a code of the wrong
    # shape, is no click on a unit.
    points = click_data.get("points") if isinstance(click_data, Mapping) else None
    point = points[0] if isinstance(points, list) and points else None
    if not isinstance(point, Mapping):
        return None
    customdata = point.get("customdata")
    if isinstance(customdata, list | tuple):
        customdata = customdata[0] if customdata else None
    value = customdata if customdata not in (None, "") else point.get("location")
    code = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None
    return code if code and UNIT_CODE.match(code) else None
