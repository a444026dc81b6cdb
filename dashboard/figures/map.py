"""Choropleth map of units joined to a served boundary layer by code at draw time.

Pure: no I/O, no Dash, no database. May import: i18n, scoring.

The geometry is never embedded: each map trace's `geojson` is the URL of a content-hashed layer that the
browser fetches once (and caches). Traces always come in the same order so a page can update values
alone with `dash.Patch` (see `values_patch`). `go.Choropleth` on a geo subplot with every base layer off
draws the polygons as SVG: no tiles, no WebGL, and plotly.js's smallest bundle that can draw a map
(dashboard/plotly_bundle.py; the bundle also holds the empty world topology the geo subplot would
otherwise fetch from a CDN). `go.Choroplethmap` needs MapLibre: 1.5 MB more script and a slower first draw.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.domain.scoring import CLASS_CODES, classify
from dashboard.figures.map_scale import (
    fitted_range,
    frame_on,
    scale_layout,
    score_colour,
    text_colour,
    wrap_name,
)
from dashboard.figures.text import plotly_text

Mode = Literal["score", "class"]

NO_DATA_COLOUR = "#d4d4d4"
NO_DATA_LINE = "#8c8c8c"
BORDER_COLOUR = "#ffffff"
OUTLINE_COLOUR = "#333333"
# Okabe–Ito colours: distinguishable with every common colour-vision deficiency; none is grey.
CLASS_COLOURS: dict[str, str] = {
    "good": "#0072B2",
    "fair": "#56B4E9",
    "average": "#E69F00",
    "weak": "#D55E00",
}
HIGHLIGHT_COLOUR = "#000000"
ANCHOR_SIZE = 16
# Above this many units a map is the commune cartogram: smaller type, names wrapped to fit a tile.
MANY_UNITS = 40
MIN_LABELLED_HEIGHT = 560  # px: below this, the tiles of so many units are too small for their names
MAP_HEIGHT = 640
UNAVAILABLE_HEIGHT = 160
# Config for dcc.Graph: no logo, and no scroll-zoom trap for keyboard and screen-reader users.
GRAPH_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["toImage"],
}


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
    by_code = {str(row["code"]): row for row in values.to_dict("records")}
    rows = []
    for code in feature_codes:
        row = by_code.get(str(code), {})
        value = row.get("value")
        value = float(value) if _present(value) else None
        class_code = row.get("class_code") if _present(row.get("class_code")) else None
        if class_code is None and value is not None:
            class_code = classify(value)
        name = row.get("name") if _present(row.get("name")) else str(code)
        rows.append({"code": str(code), "name": name, "value": value, "class_code": class_code})
    return rows


def _hover(row: Mapping[str, Any], *, lang: str, decimals: int) -> str:
    name = plotly_text(row["name"])
    if row["value"] is None:
        return f"<b>{name}</b><br>{i18n.t('map.no_data', lang)}"
    number = i18n.format_number(row["value"], lang, decimals=decimals)
    text = f"<b>{name}</b><br>{i18n.t('map.legend_score', lang)}: {number}"
    if row["class_code"]:
        text += f"<br>{i18n.t('map.legend_class', lang)}: {i18n.t('class.' + row['class_code'], lang)}"
    return text


def trace_values(
    values: pd.DataFrame,
    *,
    feature_codes: Sequence[str],
    lang: str,
    mode: Mode,
    anchors: Mapping[str, Sequence[float]] | None = None,
    labels: Mapping[str, Sequence] | None = None,
    value_range: tuple[float, float] | None = None,
    decimals: int = 1,
) -> dict[int, dict[str, list]]:
    """Per trace index, the arrays that change with the data (locations, z, customdata, hovertext...).

    `value_range` None fits the colour scale to the values (see `fitted_range`)."""
    rows = _rows(values, feature_codes)
    index = trace_index(mode)
    updates: dict[int, dict[str, list]] = {}

    def arrays(selected: list[dict[str, Any]], *, with_z: bool) -> dict[str, list]:
        update: dict[str, list] = {
            "locations": [r["code"] for r in selected],
            "customdata": [[r["code"]] for r in selected],
            "hovertext": [_hover(r, lang=lang, decimals=decimals) for r in selected],
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
    marked = [r for r in rows if anchors and r["code"] in anchors]
    scale = colour_range(values, feature_codes=feature_codes, value_range=value_range)
    updates[index["anchors"]] = {
        "lon": [anchors[r["code"]][0] for r in marked] if anchors else [],
        "lat": [anchors[r["code"]][1] for r in marked] if anchors else [],
        "customdata": [[r["code"]] for r in marked],
        "hovertext": [_hover(r, lang=lang, decimals=decimals) for r in marked],
        "marker.color": [_fill(r, mode, scale) for r in marked],
    }
    named = [r for r in rows if labels and r["code"] in labels]
    width = 7 if len(feature_codes) > MANY_UNITS else 6
    updates[index["labels"]] = {
        "lon": [labels[r["code"]][0] for r in named] if labels else [],
        "lat": [labels[r["code"]][1] for r in named] if labels else [],
        "text": [wrap_name(plotly_text(labels[r["code"]][2]), width=width) for r in named] if labels else [],
        "customdata": [[r["code"]] for r in named],
        "hovertext": [_hover(r, lang=lang, decimals=decimals) for r in named],
        "textfont.color": [text_colour(_fill(r, mode, scale)) for r in named],
    }
    return updates


def _fill(row: Mapping[str, Any], mode: Mode, scale: tuple[float, float]) -> str:
    """The colour a unit is filled with (for its anchor marker and the colour of its label)."""
    if row["value"] is None:
        return NO_DATA_COLOUR
    if mode == "class":
        return CLASS_COLOURS.get(row["class_code"], NO_DATA_COLOUR)
    return score_colour(row["value"], scale)


def colour_range(
    values: pd.DataFrame, *, feature_codes: Sequence[str], value_range: tuple[float, float] | None
) -> tuple[float, float]:
    """The score scale's range: the one given, else fitted to the values of the layer's units."""
    fitted = fitted_range(row["value"] for row in _rows(values, feature_codes))
    return value_range or fitted or (0.0, 1.0)


def choropleth(
    values: pd.DataFrame,
    *,
    layer_url: str,
    feature_codes: Sequence[str],
    lang: str,
    mode: Mode = "score",
    title: str | None = None,
    schematic: bool = False,
    outline_url: str | None = None,
    anchors: Mapping[str, Sequence[float]] | None = None,
    labels: Mapping[str, Sequence] | None = None,
    highlight: str | None = None,
    bbox: Sequence[float] | None = None,
    value_range: tuple[float, float] | None = None,
    decimals: int = 1,
    height: int = MAP_HEIGHT,
) -> go.Figure:
    """Build the map: values (code, name, value, class_code) joined by code to the layer at `layer_url`.

    Units without a value are grey with "No data" on hover, never zero. Each unit's short name from
    `labels` is written on it. Clicking a unit, its name or its anchor marker puts its code in
    `customdata[0]` (see `map_patch.clicked_code`). The score scale is fitted to the values unless
    `value_range`.
    """
    if len(feature_codes) > MANY_UNITS and height < MIN_LABELLED_HEIGHT:
        labels = None  # 96 names on a small map would cover the tiles; hover still names each one
    updates = trace_values(
        values,
        feature_codes=feature_codes,
        lang=lang,
        mode=mode,
        anchors=anchors,
        labels=labels,
        value_range=value_range,
        decimals=decimals,
    )
    index = trace_index(mode)
    common = {
        "geojson": layer_url,
        "featureidkey": "properties.code",
        "hovertemplate": "%{hovertext}<extra></extra>",
        "marker": {"line": {"color": BORDER_COLOUR, "width": 1}},
    }
    traces: list[Any] = [
        go.Choropleth(
            **common,
            **updates[index["no_data"]],
            name=i18n.t("map.no_data", lang),
            colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]],
            showscale=False,
            showlegend=True,
            legendrank=1000,
        )
    ]
    if mode == "score":
        traces.append(
            go.Choropleth(
                **common,
                **updates[index["value"]],
                coloraxis="coloraxis",
                name=i18n.t("map.legend_score", lang),
                showlegend=False,
            )
        )
    else:
        for rank, class_code in enumerate(CLASS_CODES):
            colour = CLASS_COLOURS[class_code]
            traces.append(
                go.Choropleth(
                    **common,
                    **updates[index[class_code]],
                    name=i18n.t(f"class.{class_code}", lang),
                    colorscale=[[0, colour], [1, colour]],
                    showscale=False,
                    showlegend=True,
                    legendrank=rank,
                )
            )
    anchor = dict(updates[index["anchors"]])
    marker_colour = anchor.pop("marker.color")
    traces.append(
        go.Scattergeo(
            **anchor,
            mode="markers",
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"size": ANCHOR_SIZE, "color": marker_colour},
            showlegend=False,
            name="",
        )
    )
    label = dict(updates[index["labels"]])
    label_colour = label.pop("textfont.color")
    traces.append(
        go.Scattergeo(
            **label,
            mode="text",
            textfont={"size": 10 if len(feature_codes) > MANY_UNITS else 12, "color": label_colour},
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
            name="",
        )
    )
    traces.append(
        go.Choropleth(
            geojson=layer_url,
            featureidkey="properties.code",
            **highlight_arrays(highlight),
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            marker={"line": {"color": HIGHLIGHT_COLOUR, "width": 3}},
            showscale=False,
            showlegend=False,
            hoverinfo="skip",
        )
    )
    if outline_url:
        traces.append(
            go.Choropleth(
                geojson=outline_url,
                featureidkey="properties.code",
                locations=["51"],
                z=[0],
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                marker={"line": {"color": OUTLINE_COLOUR, "width": 1.5}},
                showscale=False,
                showlegend=False,
                hoverinfo="skip",
            )
        )
    layout: dict[str, Any] = {
        "template": "none",
        "height": height,
        "margin": {
            "l": 0,
            "r": 0,
            # Room for each line of the title, then for the schematic note just above the map.
            "t": (12 + 20 * (title.count("<br>") + 1) if title else 8) + (22 if schematic else 0),
            "b": 64 if mode == "score" else 0,
        },
        "geo": {
            "visible": False,
            "projection": {"type": "mercator"},
            **frame_on(bbox),
            "bgcolor": "rgba(0,0,0,0)",
        },
        "legend": {
            "title": {"text": i18n.t("map.legend_class" if mode == "class" else "map.legend_score", lang)},
            "x": 0.01,
            "y": 0.01,
            "xanchor": "left",
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.85)",
        },
        # Upright at the right edge: across the top it would sit on the schematic note.
        "modebar": {"orientation": "v"},
        # Keeps the user's zoom while the values change; a new layer (another vintage) resets it.
        "uirevision": layer_url,
        **i18n.d3_locale_format(lang),
    }
    if mode == "score":
        low, high = colour_range(values, feature_codes=feature_codes, value_range=value_range)
        layout["coloraxis"] = scale_layout(low, high, fitted=value_range is None, lang=lang)
    if title:
        layout["title"] = {"text": title, "x": 0.01}
    if schematic:
        layout["annotations"] = [
            {
                "text": i18n.t("map.schematic_note", lang),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 1,
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12},
            }
        ]
    return go.Figure(data=traces, layout=layout)


def choropleth_on(values: pd.DataFrame, layer: Any, *, lang: str, **options: Any) -> go.Figure:
    """choropleth() on a served layer: any object with url, feature_codes, schematic, outline_url,
    anchors and labels (queries.MapLayer), so pages need not unpack it."""
    return choropleth(
        values,
        layer_url=layer.url,
        feature_codes=layer.feature_codes,
        lang=lang,
        schematic=layer.schematic,
        outline_url=layer.outline_url,
        anchors=layer.anchors,
        labels=layer.labels,
        bbox=layer.bbox,
        **options,
    )


def highlight_arrays(code: str | None) -> dict[str, list]:
    """The highlight trace's arrays: a thick outline around one unit (a search result), or none."""
    return {"locations": [code] if code else [], "z": [0] if code else []}


def unavailable_figure(message: str) -> go.Figure:
    """An empty map frame that says plainly why there is no map (e.g. no commune polygons)."""
    return go.Figure(
        layout={
            "template": "none",
            "height": UNAVAILABLE_HEIGHT,
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "annotations": [
                {"text": message, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}
            ],
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        }
    )
