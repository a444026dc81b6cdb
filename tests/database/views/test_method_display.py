"""Nothing on screen assumes a method: sub-indices in points with their maximum and compared as % of it,
no class anywhere for a set without classes (the 2025 points), classes and labels from the set's own
scheme out of each unit group's maximum, the methodology block of a published set."""

from __future__ import annotations

import json

import pandas as pd
import plotly
import pytest

from dashboard.assemble import ranking
from dashboard.components.map_panel import map_values
from dashboard.components.methods import index_set_block
from dashboard.figures.map_values import value_arrays
from dashboard.views import analysis
from dashboard.views.index_set_table import class_name, method_table, out_of
from tests.database.queries.test_index_sets import SET


def _text(component) -> str:
    return json.dumps(component.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


@pytest.fixture
def in_request(app):
    with app.server.test_request_context("/"):
        yield


def test_a_score_is_written_with_its_maximum() -> None:
    assert out_of(126.8, 200.0, "vi") == "126,8/200"
    assert out_of(126.8, 200.0, "en") == "126.8/200"
    assert out_of(650.0, 1000.0, "vi") == "650/1.000"
    assert out_of(0.72345, None, "en") == "0.72" and out_of(None, 200.0, "vi") == "–"


def test_a_profile_writes_each_sub_index_out_of_its_maximum_and_compares_shares(in_request) -> None:
    from dashboard.pages import unit

    text = _text(unit.layout(code="so-ngoai-vu"))
    assert "155,73/200" in text  # Hoạt động chính quyền số 2025, out of its own 200
    assert "84,02/100" in text
    assert "% so với điểm tối đa" in text  # the bars compare shares, not points of different maxima


def test_a_commune_of_2025_hovers_without_a_class(in_request) -> None:
    data = ranking.load(ranking.resolve({"year": "2025", "group": "commune"}), "vi")
    assert len(data.table) == 96 and not data.has_classes
    values = map_values(data.table)
    arrays = value_arrays(values, feature_codes=list(values["code"]), lang="vi", mode="score")
    hovers = [text for trace in arrays.traces.values() for text in trace.get("hovertext", [])]
    assert len(hovers) >= 96 and not any("Xếp loại" in text for text in hovers)


def test_classes_come_from_the_set_out_of_each_groups_maximum() -> None:
    table = pd.DataFrame(
        {
            "class_label": [None, None, None],
            "value": [600.0, 600.0, 240.0],
            "max_value": [1000.0, 800.0, 1000.0],
        }
    )
    classed = analysis.with_classes(table, index_set=SET)
    assert list(classed["class_label"]) == ["level-3", "level-4", "level-1"]
    assert class_name(SET, "level-4", "vi") == "Mức 4" and class_name(SET, "level-4", "en") == "Level 4"
    assert class_name(None, "good", "en") == "Good"  # a shared code of a set without its own scheme
    assert class_name(SET, None, "vi") is None


def test_a_published_sets_block_lists_its_groups_maxima_and_scheme() -> None:
    table = method_table(SET, lang="vi")
    assert table.columns == ("Chỉ số", "Tối đa – Cấp xã", "Tối đa – Sở không có TTHC")
    assert table.rows[0].maxima == ("Điểm (tối đa 1.000)", "Điểm (tối đa 800)")
    assert (table.rows[0].depth, table.rows[1].depth) == (0, 1)
    assert table.rows[1].component and table.rows[1].maxima == ("Điểm (tối đa 100)", "Điểm (tối đa 100)")
    # a set that names no issuing decision says that no document stating its thresholds was found
    assert table.classes == (
        "Mức 4 ≥ 75 %, Mức 3 ≥ 50 %, Mức 2 ≥ 25 %, Mức 1 ≥ 0 % "
        "(chưa tìm thấy văn bản quy định các ngưỡng này)"
    )
    text = _text(index_set_block(SET, lang="en"))
    assert "Level 4 ≥ 75 %" in text and "Maximum – Communes" in text


def test_units_of_groups_with_different_maxima_are_compared_as_shares() -> None:
    from dashboard.views import comparison

    frame = pd.DataFrame(
        {
            "series": ["Sở A", "Sở B"],
            "indicator_code": ["GOV", "GOV"],
            "year": [2025, 2025],
            "measure": ["points", "points"],
            "value": [150.0, 75.0],
            "max_value": [200.0, 100.0],  # Sở B has no administrative procedures: out of 100
        }
    )
    panels = [("GOV", "Chính quyền số", 200.0)]
    shares, shown = comparison.comparable(frame, panels, "vi")
    assert list(shares["value"]) == [75.0, 75.0]
    assert shown == [("GOV", "Chính quyền số (% điểm tối đa của nhóm)", 100.0)]
    same = frame.assign(max_value=200.0)
    kept, kept_panels = comparison.comparable(same, panels, "vi")
    assert kept is same and kept_panels == panels  # one maximum: the points as published


def test_where_two_sets_cover_a_year_the_one_its_results_use_is_in_force() -> None:
    indicators = pd.DataFrame(
        {
            "code": ["DTI25_TOTAL", "QD123_TOTAL"],
            "methodology": ["qn-dti-2025", "qn-dti-2025-qd123"],
            "family": ["qn-dti", "qn-dti"],
            "parent_code": [None, None],
            "first_year": [2025, 2025],
            "last_year": [None, None],
            "methodology_published_at": [None, "2026-03-20T08:00:00+00:00"],
        }
    )
    assert analysis.total_for_year(indicators, 2025)["code"] == "QD123_TOTAL"  # published last
    held = analysis.total_for_year(indicators, 2025, with_results={"qn-dti-2025"})
    assert held["code"] == "DTI25_TOTAL"  # results of the year are under the shipped set only
    assert analysis.total_for_year(indicators, 2024) is None
