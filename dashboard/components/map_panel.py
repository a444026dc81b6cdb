"""The map card: the map (districts, the commune tile cartogram, or imported boundaries), its legend and
notes, and a search box that outlines one unit. Used by the overview, compare and embed pages.

The layer comes prepared (assemble.maps reads what start-up recorded); nothing here touches files.
A page keeps the card's ids from `ids(prefix)`, fills its graph with `render` and calls `register(prefix)`
once, at import, for the search callbacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from dash import Input, Output, Patch, State, callback, clientside_callback, dcc, html, no_update

from dashboard.assemble import maps, methodology, ranking
from dashboard.assemble.search import search_text
from dashboard.components import chart_tools
from dashboard.domain.methods import ClassScheme
from dashboard.domain.names import fold
from dashboard.figures import map as map_figure
from dashboard.figures import map_patch
from dashboard.figures.map_values import Mode
from dashboard.i18n import t
from dashboard.views.comparison import source_line
from dashboard.views.ranking import ViewData
from dashboard.views.value_label import value_label
from dashboard.web import validation as rule
from dashboard.web.validation import guarded

MAPPED_GROUPS = ("district", "commune")


@dataclass(frozen=True)
class Ids:
    """Component ids of one page's map card."""

    graph: str
    state: str
    search: str
    finder: str  # the search box with its label, hidden when the view has no map
    note: str
    download: str  # the 'PNG' button


def ids(prefix: str) -> Ids:
    """The ids of the map card on the page whose ids start with `prefix`."""
    map_id = f"{prefix}-map"
    return Ids(
        map_id, f"{map_id}-state", f"{map_id}-search", f"{map_id}-finder", f"{map_id}-note", f"{map_id}-png"
    )


def map_values(table: pd.DataFrame) -> pd.DataFrame:
    """A ranking table (unit_code, unit_name, value, class_label, class_name) as the map's values."""
    if table.empty:
        return pd.DataFrame({"code": [], "name": [], "value": [], "class_code": [], "class_name": []})
    # Five columns picked, then named: renaming the whole table first copies all of its 30-odd columns.
    return table[["unit_code", "unit_name", "value", "class_label", "class_name"]].set_axis(
        ["code", "name", "value", "class_code", "class_name"], axis=1
    )


def render(
    values: pd.DataFrame,
    *,
    year: int,
    group: str,
    lang: str,
    indicator: str | None = None,
    previous_state: dict | None = None,
    mode: str = "score",
    **options: Any,
) -> tuple[Any, dict | None]:
    """The map of a year's values and its state; only a Patch of the values when the same layer, language
    and colouring are already drawn (`previous_state`). By score (`mode` "score"), the scale is fitted to
    the values shown and its legend says what the values of `indicator` are under their method (points
    out of N, % of the maximum); by class ("class"), each unit takes its class's colour in the method's
    own scheme, and a method without classes is drawn by score."""
    if group not in MAPPED_GROUPS:
        return map_figure.unavailable_figure(t("map.departments_note", lang)), None
    layer = maps.layer(year)
    if not layer.available:
        return map_figure.unavailable_figure(t("map.no_commune_polygons", lang)), None
    index_set = methodology.index_set_of_indicator(indicator) if indicator else None
    scheme = index_set.scheme if index_set is not None and mode == "class" else None
    drawn: Mode = "class" if scheme is not None else "score"
    state = {"url": layer.url, "lang": lang, "year": year, "mode": drawn, "indicator": indicator}
    label = value_label(index_set, indicator or "", unit_kind=group, lang=lang)
    previous = previous_state or {}
    same_scheme = drawn == "score" or previous.get("indicator") == indicator
    if (previous.get("url"), previous.get("lang"), previous.get("mode", "score")) == (
        layer.url,
        lang,
        drawn,
    ) and (same_scheme):
        patch = map_patch.values_patch(
            Patch(),
            values,
            feature_codes=layer.feature_codes,
            lang=lang,
            mode=drawn,
            anchors=layer.anchors,
            labels=layer.labels,
            value_label=label,
            scheme=scheme,
        )
        return patch, state
    figure = map_figure.choropleth_on(
        values, layer, lang=lang, mode=drawn, value_label=label, scheme=scheme, **options
    )
    return figure, state


def drawn_scheme(state: dict | None) -> tuple[Mode, ClassScheme | None]:
    """The colouring a map state records, and the class scheme it was drawn with (None by score)."""
    state = state or {}
    indicator = state.get("indicator")
    if state.get("mode") != "class" or not rule.indicator(indicator):
        return "score", None
    index_set = methodology.index_set_of_indicator(indicator)
    return ("class", index_set.scheme) if index_set is not None and index_set.scheme else ("score", None)


def export_texts(data: ViewData, lang: str) -> dict[str, str]:
    """What the map of a view shows and where its figures come from, for `note` (and its saved PNG)."""
    view = data.view
    caption = t("embed.map_title", lang, index=ranking.index_name(view, lang), year=view.year)
    return {"caption": caption, "source": source_line(data.table, lang)}


def note(*, year: int, group: str, lang: str, caption: str = "", source: str = "") -> list:
    """What the map shows (`caption`) and the source of its figures, then what the map is (a schematic or
    boundaries, with their source) and how to use it. The PNG button puts caption and source in the image
    (assets/map-export.js)."""
    if group not in MAPPED_GROUPS:
        return []
    layer = maps.layer(year)
    notes = [t("map.click_hint", lang)]
    if layer.schematic:
        notes.insert(0, t("map.schematic_note", lang) + ".")
        if len(layer.feature_codes) > map_figure.MANY_UNITS:
            notes.insert(1, t("map.cartogram_note", lang))
        if layer.withheld:
            notes.insert(1, withheld_note(layer, lang))
    if layer.available and layer.attribution:
        notes.append(layer.attribution + ".")
    shown = [html.P(caption, className="map-caption")] if caption else []
    shown += [html.P(source, className="map-note map-source")] if source else []
    return [*shown, html.P(" ".join(notes), className="map-note")]


def withheld_note(layer: maps.MapLayer, lang: str) -> str:
    """Why a schematic stands where boundaries were imported (their licence), or "" when none were."""
    return t("map.withheld_note", lang, licence=layer.withheld) if layer.withheld else ""


def search_options(year: int | None) -> list[dict[str, str]]:
    """One option per unit of the year's layer, found by its name with or without diacritics."""
    if year is None:
        return []
    layer = maps.layer(year)
    names = sorted(layer.names().items(), key=lambda item: (fold(item[1]), item[0]))
    return [{"label": name, "value": code, "search": search_text(name, code)} for code, name in names]


def graph_style(state: dict | None) -> dict[str, str]:
    """The graph's box: a responsive graph fills it, so it needs the map's height (or the short notice's
    when there is no map, as for departments)."""
    height = map_figure.MAP_HEIGHT if state else map_figure.UNAVAILABLE_HEIGHT
    return {"height": f"{height}px"}


def card(
    prefix: str,
    *,
    figure: Any,
    state: dict | None,
    year: int,
    group: str,
    lang: str,
    describedby: str | None = None,
    texts: dict[str, str] | None = None,
    page_path: str | None = None,
    embed_path: str | None = None,
) -> html.Section:
    """The map card: heading, search box, the map at a fixed height, a PNG button, and its note (with
    `texts` from `export_texts`)."""
    panel = ids(prefix)
    options = search_options(year) if group in MAPPED_GROUPS else []
    search = dcc.Dropdown(
        id=panel.search,
        options=options,
        placeholder=t("map.search_placeholder", lang),
        clearable=True,
        className="map-search",
    )
    extra = {"aria-describedby": describedby} if describedby else {}
    return html.Section(
        [
            dcc.Store(id=panel.state, data=state),
            html.H2(t("map.heading", lang), className="h4"),
            html.Div(
                [
                    html.Label(
                        t("map.search_label", lang), htmlFor=panel.search, className="form-label small"
                    ),
                    search,
                ],
                id=panel.finder,
                hidden=not options,
            ),
            dcc.Graph(
                id=panel.graph,
                figure=figure,
                config=map_figure.GRAPH_CONFIG,
                className="map-graph",
                responsive=True,
                style=graph_style(state),
            ),
            html.Button(
                t("map.download_png", lang),
                id=panel.download,
                type="button",
                className="btn btn-outline-secondary btn-sm mt-2",
                hidden=not options,
            ),
            html.Div(note(year=year, group=group, lang=lang, **(texts or {})), id=panel.note),
            chart_tools.toolbar(
                title=(texts or {}).get("caption") or t("map.heading", lang),
                page_path=page_path,
                lang=lang,
                embed_path=embed_path,
            )
            if page_path
            else None,
        ],
        className="map-column map-wide",
        **extra,
    )


def register(prefix: str) -> None:
    """Register the search callbacks of the map card with this prefix (once per page, at import)."""
    panel = ids(prefix)

    @callback(
        Output(panel.search, "options"),
        Output(panel.search, "value"),
        Output(panel.finder, "hidden"),
        Output(panel.download, "hidden"),
        Output(panel.graph, "style"),
        Input(panel.state, "data"),
        State(panel.search, "value"),
        prevent_initial_call=True,
    )
    @guarded(rule.mapping, rule.optional(rule.code))
    def follow_layer(state, chosen):
        """Offer the units of the layer drawn now; keep the chosen one while it is still there."""
        year = (state or {}).get("year")
        options = search_options(year if rule.year(year) else None)
        kept = chosen if any(option["value"] == chosen for option in options) else None
        return options, kept if kept != chosen else no_update, not options, not options, graph_style(state)

    @callback(
        Output(panel.graph, "figure", allow_duplicate=True),
        Input(panel.search, "value"),
        Input(panel.state, "data"),
        prevent_initial_call=True,
    )
    @guarded(rule.optional(rule.code), rule.mapping)
    def outline_found(code, state):
        """Outline the unit chosen in the search box (a Patch of one trace); none when cleared."""
        year = (state or {}).get("year")
        if not rule.year(year):
            return no_update
        drawn = code if code in maps.layer(year).feature_codes else None
        mode, scheme = drawn_scheme(state)
        return map_patch.highlight_patch(Patch(), drawn, mode=mode, scheme=scheme)

    clientside_callback(
        """function(clicks, graph, note) { return window.qnMapExport.download(graph, note); }""",
        Output(panel.download, "title"),
        Input(panel.download, "n_clicks"),
        State(panel.graph, "id"),
        State(panel.note, "id"),
        prevent_initial_call=True,
    )
