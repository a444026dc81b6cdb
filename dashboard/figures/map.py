"""Choropleth map of units joined to a served boundary layer by code at draw time.

Pure: no I/O, no Dash, no database: a plain figure dict (figures/__init__.py). May import: i18n, domain,
figures.map_scale, figures.map_values.

The geometry is never embedded: each map trace's `geojson` is the URL of a content-hashed layer that the
browser fetches once (and caches). Traces always come in the same order so a page can update values
alone with `dash.Patch` (see `values_patch`). A choropleth trace on a geo subplot with every base layer off
draws the polygons as SVG: no tiles, no WebGL, and plotly.js's smallest bundle that can draw a map
(dashboard/plotly_bundle.py; the bundle also holds the empty world topology the geo subplot would
otherwise fetch from a CDN). A choroplethmap trace needs MapLibre: 1.5 MB more script and a slower first draw.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.io as pio

from dashboard import i18n
from dashboard.domain import PROVINCE_CODE
from dashboard.domain.methods import ClassScheme
from dashboard.figures import Figure
from dashboard.figures.map_scale import frame_on
from dashboard.figures.map_values import (
    BORDER_COLOUR,
    MANY_UNITS,
    NO_DATA_COLOUR,
    OUTLINE_COLOUR,
    Mode,
    class_colours,
    trace_index,
    value_arrays,
)

HIGHLIGHT_COLOUR = "#000000"
TRANSPARENT = "rgba(0,0,0,0)"
# plotly's "none" template as the dict go.Figure would put in: the map draws on a blank ground.
NO_TEMPLATE: dict[str, Any] = pio.templates["none"].to_plotly_json()
ANCHOR_SIZE = 16
MIN_LABELLED_HEIGHT = 560  # px: below this, the tiles of so many units are too small for their names
MAP_HEIGHT = 640
UNAVAILABLE_HEIGHT = 160
# Config for dcc.Graph: no logo, and no scroll-zoom trap for keyboard and screen-reader users.
GRAPH_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["toImage"],
}


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
    scheme: ClassScheme | None = None,
    value_label: str | None = None,
) -> Figure:
    """Build the map: values (code, name, value, class_code) joined by code to the layer at `layer_url`.

    Units without a value are grey with "No data" on hover, never zero. Each unit's short name from
    `labels` is written on it. Clicking a unit, its name or its anchor marker puts its code in
    `customdata[0]` (see `map_patch.clicked_code`). The score scale is fitted to the values unless
    `value_range`. Class mode draws the classes of `scheme` (the shown set's, best first, its own labels)
    and raises `NoClassesError` for a set without classes. `value_label` says what the scores are
    ("Điểm trên 1.000", "% điểm tối đa"; views.value_label). A plain figure dict (figures/__init__.py),
    validated once in tests/pure/figures/test_figures.py.
    """
    if len(feature_codes) > MANY_UNITS and height < MIN_LABELLED_HEIGHT:
        labels = None  # 96 names on a small map would cover the tiles; hover still names each one
    found = value_arrays(
        values,
        feature_codes=feature_codes,
        lang=lang,
        mode=mode,
        anchors=anchors,
        labels=labels,
        value_range=value_range,
        decimals=decimals,
        scheme=scheme,
        value_label=value_label,
    )
    score_label = value_label or i18n.t("map.legend_score", lang)
    updates, index = found.traces, trace_index(mode, scheme)
    traces = [
        *_value_traces(
            updates, index, layer_url=layer_url, lang=lang, mode=mode, scheme=scheme, score_label=score_label
        ),
        *_marker_traces(updates, index, many=len(feature_codes) > MANY_UNITS),
        *_frame_traces(layer_url, highlight=highlight, outline_url=outline_url),
    ]
    layout = _layout(
        layer_url=layer_url,
        lang=lang,
        mode=mode,
        title=title,
        schematic=schematic,
        bbox=bbox,
        height=height,
        legend_title=i18n.t("map.legend_class", lang) if mode == "class" else score_label,
    )
    if found.coloraxis is not None:
        layout["coloraxis"] = found.coloraxis
    return {"data": traces, "layout": layout}


def _value_traces(
    updates: Mapping[int, Mapping[str, Any]],
    index: Mapping[str, int],
    *,
    layer_url: str,
    lang: str,
    mode: Mode,
    scheme: ClassScheme | None,
    score_label: str,
) -> list[dict[str, Any]]:
    """The coloured units: the no-data trace first, then one scored trace or one trace per class."""
    common = {
        "type": "choropleth",
        "geojson": layer_url,
        "featureidkey": "properties.code",
        "hovertemplate": "%{hovertext}<extra></extra>",
        "marker": {"line": {"color": BORDER_COLOUR, "width": 1}},
    }
    traces: list[dict[str, Any]] = [
        {
            **common,
            **updates[index["no_data"]],
            "name": i18n.t("map.no_data", lang),
            "colorscale": _plain_colour(NO_DATA_COLOUR),
            "showscale": False,
            "showlegend": True,
            "legendrank": 1000,
        }
    ]
    if mode == "score":
        traces.append(
            {
                **common,
                **updates[index["value"]],
                "coloraxis": "coloraxis",
                "name": score_label,
                "showlegend": False,
            }
        )
    elif scheme is not None:  # value_arrays refused class mode without a scheme
        colours = class_colours(scheme)
        for rank, band in enumerate(scheme.bands):
            traces.append(
                {
                    **common,
                    **updates[index[band.code]],
                    "name": band.label(lang),
                    "colorscale": _plain_colour(colours[band.code]),
                    "showscale": False,
                    "showlegend": True,
                    "legendrank": rank,
                }
            )
    return traces


def _marker_traces(
    updates: Mapping[int, Mapping[str, Any]], index: Mapping[str, int], *, many: bool
) -> list[dict[str, Any]]:
    """The clickable anchor markers (units too small to click) and the units' names written on them."""
    anchor = dict(updates[index["anchors"]])
    marker_colour = anchor.pop("marker.color")
    label = dict(updates[index["labels"]])
    label_colour = label.pop("textfont.color")
    return [
        {
            "type": "scattergeo",
            **anchor,
            "mode": "markers",
            "hovertemplate": "%{hovertext}<extra></extra>",
            "marker": {"size": ANCHOR_SIZE, "color": marker_colour},
            "showlegend": False,
            "name": "",
        },
        {
            "type": "scattergeo",
            **label,
            "mode": "text",
            "textfont": {"size": 10 if many else 12, "color": label_colour},
            "hovertemplate": "%{hovertext}<extra></extra>",
            "showlegend": False,
            "name": "",
        },
    ]


def _frame_traces(layer_url: str, *, highlight: str | None, outline_url: str | None) -> list[dict[str, Any]]:
    """The outlines drawn over the units: the highlighted unit (always present, for the Patch), and the
    province's border when a layer has one."""
    traces: list[dict[str, Any]] = [
        {
            "type": "choropleth",
            "geojson": layer_url,
            "featureidkey": "properties.code",
            **highlight_arrays(highlight),
            "colorscale": _plain_colour(TRANSPARENT),
            "marker": {"line": {"color": HIGHLIGHT_COLOUR, "width": 3}},
            "showscale": False,
            "showlegend": False,
            "hoverinfo": "skip",
        }
    ]
    if outline_url:
        traces.append(
            {
                "type": "choropleth",
                "geojson": outline_url,
                "featureidkey": "properties.code",
                "locations": [PROVINCE_CODE],
                "z": [0],
                "colorscale": _plain_colour(TRANSPARENT),
                "marker": {"line": {"color": OUTLINE_COLOUR, "width": 1.5}},
                "showscale": False,
                "showlegend": False,
                "hoverinfo": "skip",
            }
        )
    return traces


def _layout(
    *,
    layer_url: str,
    lang: str,
    mode: Mode,
    title: str | None,
    schematic: bool,
    bbox: Sequence[float] | None,
    height: int,
    legend_title: str,
) -> dict[str, Any]:
    """The map's frame: no base layers, the legend in the lower left, the title and schematic note."""
    layout: dict[str, Any] = {
        "template": NO_TEMPLATE,
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
            "title": {"text": legend_title},
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
    return layout


def choropleth_on(values: pd.DataFrame, layer: Any, *, lang: str, **options: Any) -> Figure:
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


def _plain_colour(colour: str) -> list[list]:
    """A colour scale of one colour: every value of the trace gets it."""
    return [[0, colour], [1, colour]]


def highlight_arrays(code: str | None) -> dict[str, list]:
    """The highlight trace's arrays: a thick outline around one unit (a search result), or none."""
    return {"locations": [code] if code else [], "z": [0] if code else []}


def unavailable_figure(message: str) -> Figure:
    """An empty map frame that says plainly why there is no map (e.g. no commune polygons)."""
    return {
        "data": [],
        "layout": {
            "template": NO_TEMPLATE,
            "height": UNAVAILABLE_HEIGHT,
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "annotations": [
                {"text": message, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}
            ],
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        },
    }
