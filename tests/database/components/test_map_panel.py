"""The map card: search options folded for typing without accents, the search callbacks, the notes."""

from __future__ import annotations

import json

from dashboard import queries
from dashboard.components import map_panel
from tests.support.callbacks import call


def test_search_finds_a_unit_typed_without_accents(app):
    with app.server.test_request_context("/"):
        options = map_panel.search_options(2025)
        layer = queries.map_layer(2025)
    assert len(options) == len(layer.feature_codes) == 96
    son_tay = [o for o in options if "son tay" in o["search"]]
    assert {o["label"] for o in son_tay} == {"Sơn Tây", "Sơn Tây Hạ", "Sơn Tây Thượng"}
    # its name both ways, then the names of the old units it was formed from (Thị trấn Đắk Tô…)
    assert next(o for o in options if o["label"] == "Đăk Tô")["search"].startswith(
        "Đăk Tô dak to Thị trấn Đắk Tô"
    )


def test_choosing_a_unit_outlines_it_with_a_small_patch(client, app):
    with app.server.test_request_context("/"):
        url = queries.map_layer(2025).url
    state = {"url": url, "lang": "vi", "year": 2025}
    response = call(
        client,
        output_prefix="overview-map.figure@",
        inputs={"overview-map-search.value": "21340", "overview-map-state.data": state},
    )
    figure = response.get_json()["response"]["overview-map"]["figure"]
    operations = figure["operations"]
    assert [op["params"]["value"] for op in operations if op["location"][-1] == "locations"] == [["21340"]]
    assert len(json.dumps(figure)) < 1_000
    unknown = call(
        client,
        output_prefix="overview-map.figure@",
        inputs={"overview-map-search.value": "99999", "overview-map-state.data": state},
    )  # a code of no unit on this map: the outline is removed, never drawn elsewhere
    operations = unknown.get_json()["response"]["overview-map"]["figure"]["operations"]
    assert [op["params"]["value"] for op in operations if op["location"][-1] == "locations"] == [[]]


def test_search_follows_the_layer_drawn(client):
    response = call(
        client,
        output_prefix="overview-map-search.options",
        inputs={"overview-map-state.data": {"url": "/geo/x", "lang": "vi", "year": 2022}},
        state={"overview-map-search.value": "21340"},
    )
    result = response.get_json()["response"]["overview-map-search"]
    assert {o["label"] for o in result["options"]} >= {"Quảng Ngãi", "Lý Sơn"} and len(
        result["options"]
    ) == 13
    assert result["value"] is None  # the commune chosen before is not on the district map
    hidden = call(
        client,
        output_prefix="overview-map-search.options",
        inputs={"overview-map-state.data": None},  # departments: no map, so no search box
        state={"overview-map-search.value": None},
    )
    answer = hidden.get_json()["response"]
    assert answer["overview-map-finder"]["hidden"] is True and answer["overview-map-search"]["options"] == []
    assert answer["overview-map"]["style"] == {"height": "160px"}  # the notice, not an empty 640 px box


def test_notes_say_what_the_map_is_and_credit_the_points(app):
    with app.server.test_request_context("/"):
        communes = repr(map_panel.note(year=2025, group="commune", lang="en"))
        districts = repr(map_panel.note(year=2022, group="district", lang="en"))
    assert "not administrative borders" in communes and "approximate location" in communes
    assert "open-admin-data/vietnam-administrative-divisions, CC-BY-4.0" in communes
    assert "not administrative borders" in districts and "open-admin-data" not in districts
    assert map_panel.note(year=2022, group="department", lang="en") == []


def _overview(client, year: int, index: str | None, group: str, colour: str | None, state=None) -> dict:
    response = call(
        client,
        output_prefix="overview-map.figure",
        inputs={
            "overview-year.value": year,
            "overview-index.value": index,
            "overview-group.value": group,
            "overview-colour.value": colour,
        },
        state={"overview-lang.data": "vi", "overview-map-state.data": state},
    )
    assert response.status_code == 200, response.data
    return response.get_json()["response"]


def test_the_overview_map_colours_by_the_methods_classes_when_asked(client):
    by_class = _overview(client, 2022, "DTI_TOTAL", "district", "class")
    figure, state = by_class["overview-map"]["figure"], by_class["overview-map-state"]["data"]
    legend = [trace.get("name") for trace in figure["data"] if trace.get("showlegend")]
    assert legend == ["Không có số liệu", "Tốt", "Khá", "Trung bình", "Yếu"]  # the 2020 method's own classes
    assert "coloraxis" not in figure["layout"]
    assert state["mode"] == "class" and by_class["overview-colour-control"]["hidden"] is False
    by_score = _overview(client, 2022, "DTI_TOTAL", "district", "score", state=state)
    assert "__dash_patch_update" not in by_score["overview-map"]["figure"]  # a new colouring: redrawn
    assert by_score["overview-map-state"]["data"]["mode"] == "score"


def test_a_method_without_classes_has_only_the_score_map(client):
    answer = _overview(client, 2025, None, "commune", "class")
    assert answer["overview-map-state"]["data"]["mode"] == "score"
    assert answer["overview-colour-control"]["hidden"] is True
    figure = answer["overview-map"]["figure"]
    assert [t["name"] for t in figure["data"] if t.get("showlegend")] == ["Không có số liệu"]  # no class
    assert figure["layout"]["coloraxis"]["colorbar"]["title"]["text"].startswith("Điểm trên 1.000")
