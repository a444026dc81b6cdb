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
from dashboard.domain.methods import ClassScheme
from dashboard.figures.map_scale import fitted_range, scale_layout, score_colour, text_colour, wrap_name
from dashboard.figures.text import plotly_text

Mode = Literal["score", "class"]

NO_DATA_COLOUR = "#d4d4d4"
BORDER_COLOUR = "#ffffff"
OUTLINE_COLOUR = "#333333"
# Okabe–Ito colours, best class first: distinguishable with every common colour-vision deficiency; none
# is grey. A scheme of n classes takes the palette of its size (four: the colours the shared four had).
CLASS_PALETTES: dict[int, tuple[str, ...]] = {
    1: ("#0072B2",),
    2: ("#0072B2", "#D55E00"),
    3: ("#0072B2", "#E69F00", "#D55E00"),
    4: ("#0072B2", "#56B4E9", "#E69F00", "#D55E00"),
    5: ("#0072B2", "#56B4E9", "#009E73", "#E69F00", "#D55E00"),
    6: ("#0072B2", "#56B4E9", "#009E73", "#F0E442", "#E69F00", "#D55E00"),
    7: ("#0072B2", "#56B4E9", "#009E73", "#F0E442", "#E69F00", "#D55E00", "#CC79A7"),
}
# Above this many units a map is the commune cartogram: smaller type, names wrapped to fit a tile.
MANY_UNITS = 40


class NoClassesError(ValueError):
    """A class map was asked for a set that defines no classes: such a set has only the score map."""


def class_colours(scheme: ClassScheme) -> dict[str, str]:
    """The fill of each class of a scheme, best first."""
    codes = scheme.codes
    palette = CLASS_PALETTES.get(len(codes)) or CLASS_PALETTES[max(CLASS_PALETTES)]
    return {code: palette[i % len(palette)] for i, code in enumerate(codes)}


def map_modes(scheme: ClassScheme | None) -> tuple[Mode, ...]:
    """The colour modes a map of a set offers: the class mode only where the set defines classes."""
    return ("score", "class") if scheme is not None and scheme.bands else ("score",)


def _groups(mode: Mode, scheme: ClassScheme | None) -> list[str]:
    """Value traces after the no-data trace: one for scores, one per class of the shown set's scheme."""
    if mode == "score":
        return ["value"]
    if mode not in map_modes(scheme):
        raise NoClassesError("the shown index set defines no classes: draw its map by score")
    assert scheme is not None  # map_modes offers "class" only with a scheme
    return list(scheme.codes)


def trace_index(mode: Mode, scheme: ClassScheme | None = None) -> dict[str, int]:
    """Index of each trace: no_data, the value trace(s), anchors, labels, highlight, then outline if any.
    `scheme` is the shown set's class scheme (needed in class mode)."""
    names = ["no_data", *_groups(mode, scheme), "anchors", "labels", "highlight"]
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
        # The class's label under its own set (a view gives it; else the scheme's, see _hover).
        label = row.get("class_name") if _present(row.get("class_name")) else None
        rows.append(
            {"code": str(code), "name": name, "value": value, "class_code": class_code, "class": label}
        )
    return rows


def _hover(
    row: Mapping[str, Any], *, lang: str, decimals: int, scheme: ClassScheme | None, value_label: str
) -> str:
    name = plotly_text(row["name"])
    if row["value"] is None:
        return f"<b>{name}</b><br>{i18n.t('map.no_data', lang)}"
    number = i18n.format_number(row["value"], lang, decimals=decimals)
    text = f"<b>{name}</b><br>{plotly_text(value_label)}: {number}"
    if row["class_code"]:
        band = scheme.band(row["class_code"]) if scheme is not None else None
        label = row["class"] or (band.label(lang) if band is not None else row["class_code"])
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
    scheme: ClassScheme | None = None,
    value_label: str | None = None,
) -> ValueArrays:
    """The arrays and colour axis of the values, for a new figure (`choropleth`) or a Patch
    (`map_patch.values_patch`). `value_range` None fits the colour scale to the values (`fitted_range`).
    `scheme` is the shown set's class scheme: class mode draws its classes and refuses a set without.
    `value_label` says what the values are in the hover and the scale's title ("Điểm trên 1.000",
    "% điểm tối đa": views.value_label); the plain word "Điểm" when not given."""
    rows = _rows(values, feature_codes)
    index = trace_index(mode, scheme)
    label = value_label or i18n.t("map.legend_score", lang)
    for row in rows:
        row["hover"] = _hover(row, lang=lang, decimals=decimals, scheme=scheme, value_label=label)
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

    colours = class_colours(scheme) if mode == "class" and scheme is not None else {}
    for row in rows:
        # In class mode a unit whose class the view does not give (or not of this scheme) is grey, not
        # hidden; its hover still gives its score.
        row["classed"] = row["value"] is not None and (mode == "score" or row["class_code"] in colours)
    updates[index["no_data"]] = arrays([r for r in rows if not r["classed"]], with_z=False)
    if mode == "score":
        updates[index["value"]] = arrays([r for r in rows if r["classed"]], with_z=True)
    else:
        for class_code in colours:
            chosen = [r for r in rows if r["classed"] and r["class_code"] == class_code]
            updates[index[class_code]] = arrays(chosen, with_z=False)
    scale = value_range or fitted_range(row["value"] for row in rows) or (0.0, 1.0)
    marked = [r for r in rows if anchors and r["code"] in anchors]
    named = [r for r in rows if labels and r["code"] in labels]
    fills = {r["code"]: _fill(r, mode, scale, colours) for r in (*marked, *named)}
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
        coloraxis = scale_layout(*scale, fitted=value_range is None, lang=lang, value_label=label)
    return ValueArrays(updates, coloraxis)


def _fill(row: Mapping[str, Any], mode: Mode, scale: tuple[float, float], colours: Mapping[str, str]) -> str:
    """The colour a unit is filled with (for its anchor marker and the colour of its label)."""
    if not row["classed"]:
        return NO_DATA_COLOUR
    if mode == "class":
        return colours[row["class_code"]]
    return score_colour(row["value"], scale)
