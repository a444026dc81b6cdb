"""The map figure builder: join by code, no-data rendering, hover formats, size, Patch updates."""

from __future__ import annotations

import math

import dash
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.domain.methods import ClassBand, ClassScheme
from dashboard.figures import map as map_figure
from dashboard.figures import map_patch
from dashboard.figures.map_scale import fitted_range, text_colour, wrap_name
from dashboard.figures.map_values import NoClassesError, map_modes

CODES = ["522", "524", "525", "527", "528", "529", "530", "531", "532", "533", "534", "535", "536"]
URL = "/geo/districts-2020.0123456789ab.geojson"
ANCHORS = {"536": [109.1176, 15.3804]}
SHARED_FOUR = ClassScheme(
    "percent",
    (
        ClassBand("good", "Tốt", "Good", 90),
        ClassBand("fair", "Khá", "Fair", 70),
        ClassBand("average", "Trung bình", "Average", 50),
        ClassBand("weak", "Yếu", "Weak", 0),
    ),
)
# Five classes including "xuất sắc", on points out of 1,000 (as Đà Nẵng publishes).
FIVE_ON_POINTS = ClassScheme(
    "points",
    (
        ClassBand("excellent", "Xuất sắc", "Excellent", 900),
        ClassBand("good", "Tốt", "Good", 750),
        ClassBand("fair", "Khá", "Fair", 600),
        ClassBand("average", "Trung bình", "Average", 450),
        ClassBand("weak", "Yếu", "Weak", 0),
    ),
)


def frame(values: dict[str, float | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": list(values),
            "name": [f"Unit {code}" for code in values],
            "value": [math.nan if v is None else v for v in values.values()],
            "class_code": [None] * len(values),
        }
    )


@pytest.fixture
def values() -> pd.DataFrame:
    data: dict[str, float | None] = {code: 40.0 + 4 * i for i, code in enumerate(CODES)}
    data["522"] = 87.5
    data["524"] = None  # a unit with NaN
    del data["525"]  # a unit missing from the frame
    return frame(data)


def build(values: pd.DataFrame, **options) -> go.Figure:
    """The map as plotly reads it (the builder returns a plain dict; go.Figure validates it here)."""
    options = {"layer_url": URL, "feature_codes": CODES, "lang": "vi", "mode": "score", **options}
    return go.Figure(map_figure.choropleth(values, **options))


def test_no_value_is_grey_with_no_data_hover_never_zero(values) -> None:
    figure = build(values, lang="en")
    no_data, scored = figure.data[0], figure.data[1]
    assert list(no_data.locations) == ["524", "525"]
    assert no_data.colorscale[0][1] == no_data.colorscale[1][1] == map_figure.NO_DATA_COLOUR
    assert all(text.endswith("No data") for text in no_data.hovertext)
    assert "524" not in scored.locations and "525" not in scored.locations
    assert 0 not in scored.z and None not in scored.z
    assert no_data.name == "No data" and no_data.showlegend


def test_hover_numbers_follow_the_language(values) -> None:
    values.loc[values["code"] == "522", "class_code"] = "fair"  # the class the view gives
    vi = build(values, lang="vi", scheme=SHARED_FOUR).data[1]
    en = build(values, lang="en", scheme=SHARED_FOUR).data[1]
    position = list(vi.locations).index("522")
    assert vi.hovertext[position] == "<b>Unit 522</b><br>Điểm: 87,5<br>Xếp loại: Khá"
    assert en.hovertext[position] == "<b>Unit 522</b><br>Score: 87.5<br>Class: Fair"
    assert build(values, lang="vi").layout.separators == ",."


def test_hover_shows_no_class_the_view_does_not_give(values) -> None:
    # A set without classes (the 2025 points, 650 of 1,000): no class is worked out from the value.
    points = frame({"522": 650.0, "527": 980.0})
    figure = build(points, lang="vi")
    assert (
        figure.data[1].hovertext[list(figure.data[1].locations).index("522")]
        == "<b>Unit 522</b><br>Điểm: 650,0"
    )
    assert not any("Xếp loại" in text for trace in figure.data for text in (trace.hovertext or ()))


def test_geometry_is_referenced_by_url_and_figure_is_small(values) -> None:
    figure = build(
        values, outline_url="/geo/province-2019.0123456789ab.geojson", anchors=ANCHORS, title="DTI 2023"
    )
    text = figure.to_json()
    assert all(trace.geojson in (URL, "/geo/province-2019.0123456789ab.geojson") for trace in figure.data[:2])
    assert "coordinates" not in text
    assert len(text.encode()) <= 10_000


def test_map_draws_only_the_layer_framed_to_it(values) -> None:
    figure = build(values)
    layout = figure.layout
    assert {trace.type for trace in figure.data} == {"choropleth", "scattergeo"}  # SVG: no tiles, no WebGL
    assert layout.geo.visible is False  # no world base map: nothing but our polygons
    assert layout.geo.fitbounds == "locations"  # no bounding box given: plotly frames the polygons
    assert layout.geo.projection.type == "mercator"
    assert layout.coloraxis.colorscale[0][1] == "#440154"  # Viridis: colour-blind safe, no grey inside


def classed(values: pd.DataFrame, scheme: ClassScheme, maximum: float) -> pd.DataFrame:
    """The frame with the classes a view gives (out of the unit group's maximum)."""
    codes = [scheme.classify(None if math.isnan(v) else v, maximum) for v in values["value"]]
    return values.assign(class_code=codes)


def test_class_mode_has_one_legend_entry_per_class_of_the_shown_scheme(values) -> None:
    figure = build(classed(values, SHARED_FOUR, 100), mode="class", lang="vi", scheme=SHARED_FOUR)
    names = [trace.name for trace in figure.data[:5]]
    assert names == ["Không có số liệu", "Tốt", "Khá", "Trung bình", "Yếu"]
    assert figure.layout.legend.title.text == "Xếp loại"
    fair = figure.data[map_figure.trace_index("class", SHARED_FOUR)["fair"]]
    assert set(fair.locations) == {c for c, v in zip(values.code, values.value, strict=True) if 70 <= v < 90}


def test_five_classes_with_xuat_sac_draw_five_legend_entries_classed_by_points() -> None:
    points = classed(
        frame({"522": 950.0, "527": 800.0, "528": 650.0, "529": 500.0, "530": 120.0}), FIVE_ON_POINTS, 1000
    )
    figure = build(points, mode="class", lang="vi", scheme=FIVE_ON_POINTS)
    entries = [trace.name for trace in figure.data if trace.type == "choropleth" and trace.showlegend][1:]
    assert entries == ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]
    index = map_figure.trace_index("class", FIVE_ON_POINTS)
    # Bounds on points: 950 of 1,000 is "xuất sắc", 800 "tốt" (as a % scheme would too), 500 "trung bình".
    assert list(figure.data[index["excellent"]].locations) == ["522"]
    assert list(figure.data[index["average"]].locations) == ["529"]
    assert list(figure.data[index["weak"]].locations) == ["530"]
    colours = {figure.data[index[code]].colorscale[0][1] for code in FIVE_ON_POINTS.codes}
    assert len(colours) == 5 and map_figure.NO_DATA_COLOUR not in colours
    hover = figure.data[index["excellent"]].hovertext[0]
    assert hover == "<b>Unit 522</b><br>Điểm: 950,0<br>Xếp loại: Xuất sắc"


def test_points_scheme_classes_by_points_not_by_percent() -> None:
    # 80 points out of 1,000 is 8 %: a points scheme with "tốt" from 75 points gives "tốt".
    scheme = ClassScheme(
        "points", (ClassBand("good", "Tốt", "Good", 75), ClassBand("weak", "Yếu", "Weak", 0))
    )
    figure = build(classed(frame({"522": 80.0, "527": 60.0}), scheme, 1000), mode="class", scheme=scheme)
    index = map_figure.trace_index("class", scheme)
    assert list(figure.data[index["good"]].locations) == ["522"]
    assert list(figure.data[index["weak"]].locations) == ["527"]


def test_a_set_without_classes_offers_no_class_mode_and_shows_no_class(values) -> None:
    assert map_modes(None) == ("score",)
    assert map_modes(ClassScheme("percent", ())) == ("score",)
    assert map_modes(SHARED_FOUR) == ("score", "class")
    with pytest.raises(NoClassesError):
        build(values, mode="class", scheme=None)
    figure = build(values, scheme=None)
    assert figure.layout.legend.title.text == "Điểm"
    assert not any("Xếp loại" in text for trace in figure.data for text in (trace.hovertext or ()))


def test_class_code_in_frame_wins_over_the_score(values) -> None:
    values.loc[values.code == "522", "class_code"] = "weak"
    weak = build(values, mode="class", scheme=SHARED_FOUR).data[
        map_figure.trace_index("class", SHARED_FOUR)["weak"]
    ]
    assert "522" in weak.locations


def test_class_mode_draws_a_unit_without_class_grey_not_hidden(values) -> None:
    figure = build(values, mode="class", scheme=SHARED_FOUR)  # the view gave no class to anyone
    drawn = {code for trace in figure.data[:5] for code in trace.locations}
    assert drawn == set(CODES)
    assert len(figure.data[0].locations) == len(CODES)


def test_click_returns_the_code_for_polygons_and_anchor_markers(values) -> None:
    figure = build(values, anchors=ANCHORS)
    anchor = figure.data[map_figure.trace_index("score")["anchors"]]
    assert list(anchor.customdata) == [["536"]]
    assert anchor.lon == (109.1176,) and anchor.marker.size >= 14
    assert map_patch.clicked_code({"points": [{"customdata": ["536"], "lon": 109.1}]}) == "536"
    assert map_patch.clicked_code({"points": [{"location": "522"}]}) == "522"
    assert map_patch.clicked_code(None) is None


def test_anchor_of_a_unit_without_data_is_grey(values) -> None:
    values.loc[values.code == "536", "value"] = math.nan
    anchor = build(values, anchors=ANCHORS).data[map_figure.trace_index("score")["anchors"]]
    assert anchor.marker.color == (map_figure.NO_DATA_COLOUR,)
    assert anchor.hovertext[0].endswith("Không có số liệu")


def test_schematic_note_is_shown(values) -> None:
    figure = build(values, schematic=True, lang="en")
    assert figure.layout.annotations[0].text == "Schematic tiles, not administrative borders"


def apply(figure: dict, patch) -> dict:
    """Apply a Patch the way Dash's renderer does."""
    for op in patch.to_plotly_json()["operations"]:
        target = figure
        for key in op["location"][:-1]:
            target = target[key]
        target[op["location"][-1]] = op["params"]["value"]
    return figure


def test_values_patch_updates_only_value_arrays_and_the_colour_range(values) -> None:
    figure = build(values, anchors=ANCHORS).to_plotly_json()
    newer = frame(dict.fromkeys(CODES, 95.0))
    patch = map_patch.values_patch(
        dash.Patch(), newer, feature_codes=CODES, lang="vi", mode="score", anchors=ANCHORS
    )
    locations = {tuple(op["location"][:2]) for op in patch.to_plotly_json()["operations"]}
    assert {loc[0] for loc in locations} == {"data", "layout"} and ("layout", "coloraxis") in locations
    apply(figure, patch)
    assert figure["data"][0]["locations"] == []
    assert figure["data"][1]["z"] == [95.0] * 13
    axis = figure["layout"]["coloraxis"]
    assert (axis["cmin"], axis["cmax"]) == (90, 100)  # every value 95: a band around it
    fixed = map_patch.values_patch(
        dash.Patch(), newer, feature_codes=CODES, lang="vi", mode="score", anchors=ANCHORS,
        value_range=(0.0, 100.0),
    )  # fmt: skip
    apply(figure, fixed)
    assert figure["data"][2]["marker"]["color"] == ["rgb(221, 227, 40)"]  # Viridis at 95 of 0–100


def test_scale_is_fitted_to_the_values_and_stated_in_the_legend() -> None:
    data = frame({code: 53.0 + 27 * i / 12 for i, code in enumerate(CODES)})  # 53 … 80
    axis = build(data, lang="en").layout.coloraxis
    assert (axis.cmin, axis.cmax) == (50, 80)  # never 0–100 for data between 53 and 80
    assert axis.colorbar.title.text == "Score (colour scale 50–80, fitted to the values shown)"
    fixed = build(data, lang="vi", value_range=(0.0, 1000.0)).layout.coloraxis
    assert (fixed.cmin, fixed.cmax) == (0, 1000) and "thang màu 0–1.000" in fixed.colorbar.title.text


@pytest.mark.parametrize(
    ("values", "expected"),
    [([53, 80], (50, 80)), ([612.5, 847], (600, 850)), ([70.0], (66, 74)), ([0.2, 0.9], (0.2, 1.0)),
     ([None, math.nan], None)],
)  # fmt: skip
def test_fitted_range_widens_to_round_numbers(values, expected) -> None:
    result = fitted_range(values)
    assert result == (pytest.approx(expected) if expected else None)


def test_every_unit_is_labelled_in_a_readable_colour(values) -> None:
    labels = {code: [108.0 + i / 10, 15.0, f"Unit {code}"] for i, code in enumerate(CODES)}
    figure = build(values, labels=labels, lang="en")
    text = figure.data[map_figure.trace_index("score")["labels"]]
    assert text.mode == "text" and len(text.text) == len(CODES)  # the label trace is never empty
    assert [c[0] for c in text.customdata] == CODES  # clicking a name opens its unit too
    position = CODES.index("524")  # no data: dark text on light grey
    assert text.textfont.color[position] == "#1a1a1a" and text.hovertext[position].endswith("No data")
    assert text_colour("rgb(68, 1, 84)") == "#ffffff" and text_colour("rgb(253, 231, 37)") == "#1a1a1a"
    assert wrap_name("Trương Quang Trọng", width=7) == "Trương<br>Quang<br>Trọng"
    assert wrap_name("Ba Tơ", width=6) == "Ba Tơ"


def test_search_highlight_outlines_one_unit_and_moves_by_patch(values) -> None:
    index = map_figure.trace_index("score")["highlight"]
    figure = build(values, highlight="522").to_plotly_json()
    assert list(figure["data"][index]["locations"]) == ["522"]
    assert figure["data"][index]["marker"]["line"]["width"] >= 3
    apply(figure, map_patch.highlight_patch(dash.Patch(), "533", mode="score"))
    assert figure["data"][index]["locations"] == ["533"]
    apply(figure, map_patch.highlight_patch(dash.Patch(), None, mode="score"))
    assert figure["data"][index]["locations"] == []


def test_a_bounding_box_frames_the_map_tightly(values) -> None:
    geo = build(values, bbox=[108.0, 14.5, 109.0, 15.5]).layout.geo
    assert geo.fitbounds in (None, False)
    assert geo.lonaxis.range == (107.99, 109.01) and geo.lataxis.range == (14.49, 15.51)


def test_unavailable_figure_states_the_reason() -> None:
    figure = go.Figure(map_figure.unavailable_figure("No commune polygons"))
    assert figure.layout.annotations[0].text == "No commune polygons"


def test_a_small_map_of_many_units_shows_no_names_and_a_title_leaves_room_for_the_note() -> None:
    codes = [str(21000 + i) for i in range(96)]
    labels = {code: [108.0, 15.0, "Sơn Tây Thượng"] for code in codes}
    many = frame(dict.fromkeys(codes, 60.0))
    options = {"feature_codes": codes, "labels": labels, "schematic": True}
    index = map_figure.trace_index("score")["labels"]
    assert len(build(many, **options, height=640).data[index].text) == 96
    small = build(many, **options, height=440, title="Map<br><sup>Source</sup>")
    assert small.data[index].text is None or len(small.data[index].text) == 0
    assert small.layout.margin.t >= 12 + 2 * 20 + 22  # two title lines and the note above the map
