"""What a map shows of its values: per trace, the arrays that change with the data, and the colour axis.

One helper for a new figure (map.py) and for a Patch of the values (map_patch.py), so the two cannot
drift apart. Pure. May import: i18n, domain, figures.map_scale, figures.text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from dashboard import i18n
from dashboard.domain.scoring import CLASS_CODES
from dashboard.figures.map_scale import fitted_range, scale_layout, score_colour, text_colour, wrap_name
from dashboard.figures.text import plotly_text

Mode = Literal["score", "class"]

NO_DATA_COLOUR = "#d4d4d4"
BORDER_COLOUR = "#ffffff"
OUTLINE_COLOUR = "#333333"
# Okabe–Ito colours: distinguishable with every common colour-vision deficiency; none is grey.
CLASS_COLOURS: dict[str, str] = {
    "good": "#0072B2",
    "fair": "#56B4E9",
    "average": "#E69F00",
    "weak": "#D55E00",
}
# Above this many units a map is the commune cartogram: smaller type, names wrapped to fit a tile.
MANY_UNITS = 40


def _groups(mode: Mode) -> list[str]:
    """Value traces after the no-data trace: one for scores, one per class for classes."""
    return ["value"] if mode == "score" else list(CLASS_CODES)


def trace_index(mode: Mode) -> dict[str, int]:
    """Index of each trace: no_data, the value trace(s), anchors, labels, highlight, then outline if any."""
    names = ["no_data", *_groups(mode), "anchors", "labels", "highlight"]
    return {name: index for index, name in enumerate(names)}


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _rows(values: pd.DataFrame, feature_codes: Sequence[str]) -> list[dict[str, Any]]:
    """One row per feature of the layer, values joined by code; units missing from values have no value."""
    # Plain values column by column (`to_dict("records")` boxes every cell: 3x slower).
    columns = list(values.columns)
    records = (
        dict(zip(columns, cells, strict=True))
        for cells in zip(*(values[c].tolist() for c in columns), strict=True)
    )
    by_code = {str(row["code"]): row for row in records}
    rows = []
    for code in feature_codes:
        row = by_code.get(str(code), {})
        value = row.get("value")
        value = float(value) if _present(value) else None
        # The class is the one the view gives (published, or from the set's own scheme); a map never
        # works one out: a value in points is no percentage, and a set may define no classes.
        class_code = row.get("class_code") if _present(row.get("class_code")) else None
        name = row.get("name") if _present(row.get("name")) else str(code)
        # The class's label under its own set (a view gives it); a bare code is one of the shared four.
        label = row.get("class_name") if _present(row.get("class_name")) else None
        rows.append(
            {"code": str(code), "name": name, "value": value, "class_code": class_code, "class": label}
        )
    return rows


def _hover(row: Mapping[str, Any], *, lang: str, decimals: int) -> str:
    name = plotly_text(row["name"])
    if row["value"] is None:
        return f"<b>{name}</b><br>{i18n.t('map.no_data', lang)}"
    number = i18n.format_number(row["value"], lang, decimals=decimals)
    text = f"<b>{name}</b><br>{i18n.t('map.legend_score', lang)}: {number}"
    if row["class_code"]:
        key = f"class.{row['class_code']}"
        label = row["class"] or (i18n.t(key, lang) if key in i18n.CATALOGS[lang] else row["class_code"])
        text += f"<br>{i18n.t('map.legend_class', lang)}: {plotly_text(label)}"
    return text


@dataclass(frozen=True)
class ValueArrays:
    """What changes with the data: per trace index its arrays (locations, z, customdata, hovertext...),
    and in score mode the colour axis of the scale."""

    traces: dict[int, dict[str, list]]
    coloraxis: dict[str, Any] | None


def value_arrays(
    values: pd.DataFrame,
    *,
    feature_codes: Sequence[str],
    lang: str,
    mode: Mode,
    anchors: Mapping[str, Sequence[float]] | None = None,
    labels: Mapping[str, Sequence] | None = None,
    value_range: tuple[float, float] | None = None,
    decimals: int = 1,
) -> ValueArrays:
    """The arrays and colour axis of the values, for a new figure (`choropleth`) or a Patch
    (`map_patch.values_patch`). `value_range` None fits the colour scale to the values (`fitted_range`)."""
    rows = _rows(values, feature_codes)
    index = trace_index(mode)
    for row in rows:
        row["hover"] = _hover(row, lang=lang, decimals=decimals)
    updates: dict[int, dict[str, list]] = {}

    def arrays(selected: list[dict[str, Any]], *, with_z: bool) -> dict[str, list]:
        update: dict[str, list] = {
            "locations": [r["code"] for r in selected],
            "customdata": [[r["code"]] for r in selected],
            "hovertext": [r["hover"] for r in selected],
        }
        # The no-data trace gets a constant z: plotly skips features whose z is null, and zero would lie.
        update["z"] = [r["value"] for r in selected] if with_z else [0] * len(selected)
        return update

    updates[index["no_data"]] = arrays([r for r in rows if r["value"] is None], with_z=False)
    if mode == "score":
        updates[index["value"]] = arrays([r for r in rows if r["value"] is not None], with_z=True)
    else:
        for class_code in CLASS_CODES:
            chosen = [r for r in rows if r["value"] is not None and r["class_code"] == class_code]
            updates[index[class_code]] = arrays(chosen, with_z=False)
    scale = value_range or fitted_range(row["value"] for row in rows) or (0.0, 1.0)
    marked = [r for r in rows if anchors and r["code"] in anchors]
    named = [r for r in rows if labels and r["code"] in labels]
    fills = {r["code"]: _fill(r, mode, scale) for r in (*marked, *named)}
    updates[index["anchors"]] = {
        "lon": [anchors[r["code"]][0] for r in marked] if anchors else [],
        "lat": [anchors[r["code"]][1] for r in marked] if anchors else [],
        "customdata": [[r["code"]] for r in marked],
        "hovertext": [r["hover"] for r in marked],
        "marker.color": [fills[r["code"]] for r in marked],
    }
    width = 7 if len(feature_codes) > MANY_UNITS else 6
    updates[index["labels"]] = {
        "lon": [labels[r["code"]][0] for r in named] if labels else [],
        "lat": [labels[r["code"]][1] for r in named] if labels else [],
        "text": [wrap_name(plotly_text(labels[r["code"]][2]), width=width) for r in named] if labels else [],
        "customdata": [[r["code"]] for r in named],
        "hovertext": [r["hover"] for r in named],
        "textfont.color": [text_colour(fills[r["code"]]) for r in named],
    }
    coloraxis = None
    if mode == "score":
        coloraxis = scale_layout(*scale, fitted=value_range is None, lang=lang)
    return ValueArrays(updates, coloraxis)


def _fill(row: Mapping[str, Any], mode: Mode, scale: tuple[float, float]) -> str:
    """The colour a unit is filled with (for its anchor marker and the colour of its label)."""
    if row["value"] is None:
        return NO_DATA_COLOUR
    if mode == "class":
        return CLASS_COLOURS.get(row["class_code"], NO_DATA_COLOUR)
    return score_colour(row["value"], scale)
