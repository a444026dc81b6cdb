"""The province as it is now (issue 11): units ended on 30/6/2025, old -> new lineage and search, methods
in points with their own maxima and classes, no rank change across the 2025 reform, pages at the new scale."""

from __future__ import annotations

import json

import pandas as pd
import plotly
import pytest

from dashboard.queries.methods import index_set
from dashboard.views import analysis
from tests.support.callbacks import call


def _text(component) -> str:
    return json.dumps(component.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


@pytest.fixture
def in_request(app):
    with app.server.test_request_context("/"):
        yield


# --- rules (pure) ----------------------------------------------------------------------------------------


def test_no_rank_change_across_a_method_change():
    current = pd.DataFrame({"unit_code": ["a", "b", "new"], "rank": [1, 2, 3]})
    previous = pd.DataFrame({"unit_code": ["a", "b"], "rank": [2, 1]})
    changes = analysis.rank_changes(current, previous, comparable=False, merged_into={})
    assert {c: changes[c].kind for c in changes} == {"a": "new_method", "b": "new_method", "new": "new"}
    same_method = analysis.rank_changes(current, previous, comparable=True, merged_into={})
    assert same_method["a"] == analysis.RankChange("up", 1)


def test_class_thresholds_belong_to_the_stored_method(in_request):
    assert index_set("qn-dti-2020").classify(92.0, 100.0) == "good"
    assert index_set("qn-itr-2012").classify(69.99, 100.0) == "average"
    assert index_set("qn-itr-2012").class_label("average", "en") == "Average"
    assert not index_set("qn-dti-2025").has_classes
    assert index_set("qn-dti-2025").classify(920.0, 1000.0) is None  # none guessed for a classless method
    assert index_set("an-imported-method") is None


def test_with_classes_keeps_a_published_class_and_guesses_none(in_request):
    table = pd.DataFrame({"class_label": [None, "fair"], "value": [950.0, 700.0], "max_value": 1000.0})
    filled = analysis.with_classes(table, index_set=index_set("qn-dti-2025"))
    assert [c if isinstance(c, str) else None for c in filled["class_label"]] == [None, "fair"]
    classed = analysis.with_classes(table, index_set=index_set("qn-dti-2020"))
    assert list(classed["class_label"]) == ["good", "fair"]  # 950 of 1,000 is 95 %, never 950 %


def test_scales_split_where_the_maximum_changes():
    frame = pd.DataFrame(
        {
            "year": [2019, 2020, 2024, 2025],
            "measure": ["points", "percent", "percent", "points"],
            "indicator_code": ["ITR_TOTAL", "DTI_TOTAL", "DTI_TOTAL", "DTI25_TOTAL"],
        }
    )
    maxima = {"ITR_TOTAL": 100.0, "DTI_TOTAL": 100.0, "DTI25_TOTAL": 1000.0}
    segments = analysis.scale_segments(frame, maxima)
    assert [s["year"].tolist() for s in segments] == [[2019, 2020, 2024], [2025]]


def _groups():
    return {
        2019: ["department", "district"],
        2024: ["department", "district"],
        2025: ["commune", "department"],
    }


def _indicators():
    return pd.DataFrame(
        {
            "code": ["DTI_TOTAL", "DTI25_TOTAL", "ITR_TOTAL"],
            "methodology": ["qn-dti-2020", "qn-dti-2025", "qn-itr-2012"],
            "family": ["qn-dti", "qn-dti", "qn-readiness"],
            "parent_code": [None, None, None],
            "first_year": [2020, 2025, 2012],
            "last_year": [2024, None, 2019],
        }
    )


@pytest.mark.parametrize(
    ("query", "expected", "notices"),
    [
        ({}, (2025, "commune"), ()),
        ({"year": "2024"}, (2024, "district"), ()),
        ({"year": "2025", "group": "department"}, (2025, "department"), ()),
        ({"year": "2019", "group": "commune"}, (2019, "district"), ("notice.group_year",)),
        ({"year": "2025", "group": "district"}, (2025, "commune"), ("notice.group_year",)),
        ({"year": "2030"}, (2025, "commune"), ("notice.year",)),
        ({"year": "2023", "group": "nonsense"}, (2024, "district"), ("notice.year", "notice.group")),
        ({"year": "abc"}, (2025, "commune"), ("notice.year",)),
    ],
)
def test_unknown_year_or_group_gives_the_nearest_valid_view_with_a_notice(query, expected, notices):
    view = analysis.resolve_view(query, indicators=_indicators(), years=[2019, 2024, 2025], groups=_groups())
    assert (view.year, view.group) == expected
    assert tuple(key for key, _ in view.notices) == notices
    assert view.valid == (not notices)


# --- data ------------------------------------------------------------------------------------------------


def test_units_that_ended_on_30_june_2025(app):
    from dashboard import queries

    with app.server.test_request_context("/"):
        units = queries.units()
    ended = units[units["valid_to"].astype(str) == "2025-06-30"]
    assert len(ended[(ended["kind"] == "district") & (ended["parent_code"] == "51")]) == 13
    assert len(ended[(ended["kind"] == "district") & (ended["parent_code"] == "62")]) == 10
    provinces = units[units["kind"] == "province"]
    continuing = set(
        provinces[provinces["valid_to"].isna()]["code"]
    )  # Công văn 915/CTK-CSCL: 34 from 1/7/2025
    assert len(continuing) == 34 and {"51", "01", "79"} <= continuing and not {"62", "49"} & continuing
    assert len(provinces) - len(continuing) == len(ended[ended["kind"] == "province"]) == 29
    communes = units[units["kind"] == "commune"]
    assert len(communes) == 96 and set(communes["valid_from"].astype(str)) == {"2025-07-01"}


def test_every_new_commune_has_its_former_communes(app):
    from dashboard import queries

    with app.server.test_request_context("/"):
        former = queries.predecessors()
        communes = set(queries.units().query("kind == 'commune'")["code"])
    assert len(former) == 274 and set(former["to_code"]) == communes
    assert former["indicative"].all() and "MIT" in former["source_licence"].iloc[0]
    assert sorted(former[former["share"] == "partial"]["to_code"]) == ["21136", "21157"]


def test_2025_results_are_points_under_their_own_method(app):
    from dashboard import queries
    from dashboard.queries import ObservationFilter

    with app.server.test_request_context("/"):
        indicators = queries.indicators().set_index("code")
        frame = queries.observations(ObservationFilter(years=(2025,), indicators=("DTI25_TOTAL",)))
    total = indicators.loc["DTI25_TOTAL"]
    assert (total["measure"], total["max_value"], total["methodology"]) == ("points", 1000.0, "qn-dti-2025")
    subs = indicators[indicators["parent_code"] == "DTI25_TOTAL"]
    assert len(subs) == 8 and subs["max_value"].sum() == 1000
    assert (frame["data_kind"] == "illustrative").all()
    assert frame["value"].max() > 100  # nothing assumes 0-100
    assert frame.groupby("unit_kind")["unit_code"].nunique().to_dict()["commune"] == 96
    assert "so-thong-tin-truyen-thong" not in set(frame["unit_code"])  # its 2025 status is not confirmed
    assert frame["class_label"].isna().all()


# --- views and pages -------------------------------------------------------------------------------------


def test_2025_rankings_show_new_unit_or_new_method_never_arrows(in_request):
    from dashboard.assemble import ranking
    from dashboard.components import grid

    for group, kinds in (("commune", {"new"}), ("department", {"new", "new_method"})):
        data = ranking.load(ranking.resolve({"year": "2025", "group": group}), "vi")
        assert set(data.table["change_kind"]) <= kinds
        assert not any("▲" in c or "▼" in c for c in data.table["change"])
        assert not data.has_classes
        assert "class" not in [c["field"] for c in grid.column_defs(data, lang="vi")]
    departments = ranking.load(ranking.resolve({"year": "2025", "group": "department"}), "vi")
    assert "new_method" in set(departments.table["change_kind"])
    assert len(ranking.load(ranking.resolve({}), "vi").table) == 96


def test_groups_offered_are_those_of_the_year(in_request):
    from dashboard.assemble import ranking

    _, groups = ranking.years_and_groups()
    assert groups[2024] == ["department", "district"]
    assert groups[2025] == ["commune", "department"]
    assert max(groups) == 2025


def test_overview_note_notice_and_search(in_request, client):
    from dashboard.pages import home

    text = _text(home.layout())
    assert "01/7/2025" in text and "/phuong-phap" in text  # the reform note links to the methodology
    notice = _text(home.layout(year="2019", group="commune"))
    assert "Năm 2019 không có nhóm “Cấp xã”; đang hiển thị: UBND cấp huyện." in notice
    response = call(
        client,
        output_prefix="overview-search-results",
        inputs={"overview-search.value": "son tay"},
        state={"overview-lang.data": "vi"},
    )
    results = json.dumps(response.get_json()["response"], ensure_ascii=False)
    assert results.index("/don-vi/21340") < results.index("/don-vi/530")  # the current commune first


@pytest.mark.parametrize("typed", ["tinh khe", "Tịnh Khê", "TINH KHE"])
def test_search_by_old_or_new_name_with_or_without_diacritics(in_request, typed):
    from dashboard.assemble import search

    hits = search.find(typed, "vi")
    assert hits[0].code == "21211"
    former = [h for h in hits if h.former]
    assert former and former[0].successors[0][0] == "21211" and former[0].indicative


def test_search_offers_what_an_old_district_became_but_never_an_unconfirmed_merger(in_request):
    from dashboard.assemble import search

    district = next(h for h in search.find("huyen son ha", "vi") if h.code == "529")
    assert district.ended == "30/6/2025"
    assert {code for code, _, _ in district.successors} == {"21292", "21307", "21289", "21319", "21325"}
    tttt = next(
        h for h in search.find("so thong tin va truyen thong", "vi") if h.code == "so-thong-tin-truyen-thong"
    )
    assert tttt.successors == () and tttt.ended is None
    assert search.find("nghia chanh", "vi")[0].successors[0][:2] == ("21025", "Phường Cẩm Thành")


def test_commune_profile_says_what_it_was_formed_from(in_request):
    from dashboard.pages import unit

    text = _text(unit.layout(code="21211"))
    assert "Hình thành từ (01/7/2025)" in text and "MIT" in text and "tham khảo" in text
    assert "Điểm (tối đa 1.000)" in text
    assert "Thành phố Quảng Ngãi" in text  # the old district it came from


def test_department_profile_draws_one_chart_per_scale_and_marks_the_unconfirmed_merger(in_request):
    from dashboard.pages import unit

    text = _text(unit.layout(code="so-thong-tin-truyen-thong"))
    assert "chưa được xác nhận" in text
    assert "Điểm (tối đa 1.000)" not in text  # no 2025 figure for a unit whose status is unconfirmed
    science = _text(unit.layout(code="so-khoa-hoc-cong-nghe"))
    # points out of 100 and the percent share the 0-100 axis; points out of 1,000 get their own chart
    assert "Điểm (tối đa 1.000)" in science and "Điểm (đến 2019) · % (từ 2020)" in science


def test_compare_three_communes(in_request):
    from dashboard.assemble import compare_year, comparison
    from dashboard.pages import compare

    selection = comparison.parse({"units": "21340,21334,21343", "group": "commune"})
    assert selection.ready
    figures = [
        f for f, _ in compare_year.charts_over_years(comparison.series(selection, "vi"), selection, "vi")
    ]
    assert len(figures) == 1 and figures[0]["layout"]["xaxis"]["title"]["text"] == "Điểm (tối đa 1.000)"
    bars = figures[0]["data"]
    assert [t["type"] for t in bars] == ["bar"] and len(bars[0]["x"]) == 3  # side by side, not one dot each
    assert "Xã Sơn Tây Thượng" in _text(compare.layout(units="21340,21334,21343", group="commune"))
    options = comparison.unit_options("commune", "vi")
    assert len(options) == 96 and any("son tay" in o["search"] for o in options)


def test_methodology_page_shows_each_methods_maxima_and_classes(in_request):
    from dashboard.pages import methodology

    text = _text(methodology.layout())
    assert "Phương pháp không quy định xếp loại" in text
    assert "Điểm (tối đa 1.000)" in text and "Tốt ≥ 90 %" in text


def test_changing_the_year_offers_that_years_groups(client):
    response = call(
        client,
        output_prefix="rankings-grid.rowData",
        inputs={"rankings-year.value": 2024, "rankings-group.value": "commune", "rankings-index.value": None},
        state={"rankings-lang.data": "vi"},
    )
    body = response.get_json()["response"]
    assert [o["value"] for o in body["rankings-group"]["options"]] == ["district", "department"]
    assert body["rankings-group"]["value"] == "district"
    assert len(body["rankings-grid"]["rowData"]) == 13
