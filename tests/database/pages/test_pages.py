"""Pages and callbacks through the Flask test client and the page modules (no browser)."""

from __future__ import annotations

import json

import plotly
import pytest

from tests.support.callbacks import call

PAGES = ["/", "/xep-hang", "/don-vi/525", "/tro-nang", "/khong-co-trang-nay"]


def _text(component) -> str:
    """All text in a component tree, for assertions."""
    return json.dumps(component.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


@pytest.fixture
def in_request(app):
    with app.server.test_request_context("/"):
        yield


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_served_with_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == (404 if path == "/khong-co-trang-nay" else 200)  # the shell, then 404 page
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_every_registered_page_has_a_vietnamese_title(app):
    import dash

    for page in dash.page_registry.values():
        title = page["title"](code="525") if callable(page["title"]) else page["title"]
        assert "Minh bạch CNTT Quảng Ngãi" in title, page["module"]


def test_overview_defaults_to_latest_year_with_summary_and_illustrative_banner(in_request):
    from dashboard.pages import home

    text = _text(home.layout())
    assert "Năm 2025, 96 xã, phường, đặc khu được đánh giá" in text
    assert "MINH HỌA." in text
    assert "overview-map" in text


def test_overview_in_english_formats_numbers_english_style(in_request):
    from dashboard.pages import home

    text = _text(home.layout(lang="en", year="2019"))
    assert "In 2019, 14 district-level People's Committees" in text
    assert "ILLUSTRATIVE." in text
    assert "79.4" in text and "79,4" not in text


@pytest.mark.parametrize(
    "query",
    [
        {"year": "1990"},
        {"year": "abc"},
        {"group": "nonsense"},
        {"index": "DROP TABLE"},
        {"year": "2019", "index": "DTI_GOV"},
    ],
)
def test_overview_survives_bad_query_strings(in_request, query):
    from dashboard.pages import home

    text = _text(home.layout(**query))
    assert "được đánh giá" in text  # falls back to a valid view


def test_index_from_another_method_is_replaced_by_that_years_total(in_request):
    from dashboard.assemble import ranking

    view = ranking.resolve({"year": "2019", "index": "DTI_GOV"})
    assert (view.year, view.indicator, view.total) == (2019, "ITR_TOTAL", "ITR_TOTAL")
    assert view.valid


def test_rankings_mark_method_break_and_tied_ranks(in_request):
    from dashboard.assemble import ranking

    data = ranking.load(ranking.resolve({"year": "2020", "group": "district"}), "vi")
    assert set(data.table["change_kind"]) == {"new_method"}  # ranked in 2019 under the old method
    assert not data.comparable
    data_2019 = ranking.load(ranking.resolve({"year": "2019", "group": "district"}), "vi")
    ranks = data_2019.table["rank"].tolist()
    assert ranks == sorted(ranks)
    assert "Huyện Tây Trà" in set(data_2019.table["unit_name"])


def test_trà_bồng_is_marked_merged_in_2020_not_new(in_request):
    import pandas as pd

    from dashboard.views import analysis

    current = pd.DataFrame({"unit_code": ["525", "522"], "rank": [1, 2]})
    previous = pd.DataFrame({"unit_code": ["525", "522", "526"], "rank": [3, 1, 2]})
    changes = analysis.rank_changes(current, previous, comparable=True, merged_into={"526": "525"})
    assert changes["525"].kind == "merged"
    assert changes["522"] == analysis.RankChange("down", 1)


def test_rankings_page_in_both_languages(in_request):
    from dashboard.pages import rankings

    assert "Xếp hạng các cơ quan, đơn vị" in _text(rankings.layout())
    english = _text(rankings.layout(lang="en", year="2016", group="department", index="ITR_HR"))
    assert "Rankings of agencies and districts" in english
    assert "ITR_HR" in english


def test_unit_profile_shows_lineage_sources_and_break(in_request):
    from dashboard.pages import unit

    text = _text(unit.layout(code="526"))
    assert "Huyện Tây Trà" in text
    assert "NQ 867/NQ-UBTVQH14" in text
    assert "/don-vi/525" in text
    assert "Nguồn của các số liệu trên trang" in text
    assert "Đổi phương pháp" not in text  # Tây Trà ended before the 2020 method change
    assert "Đổi phương pháp" in _text(unit.layout(code="525"))


@pytest.mark.parametrize("code", ["zzz", "", "<script>", "526'; --"])
def test_unknown_unit_gets_a_clear_empty_state(in_request, code):
    from dashboard.pages import unit

    assert "Không có đơn vị với mã" in _text(unit.layout(code=code))


def test_unit_profile_of_a_unit_without_scores(in_request):
    from dashboard.pages import unit

    assert "Chưa có điểm đánh giá" in _text(unit.layout(code="608", lang="vi"))


def test_rankings_callback_returns_rows_for_the_chosen_year(client):
    response = call(
        client,
        output_prefix="rankings-grid.rowData",
        inputs={
            "rankings-year.value": 2018,
            "rankings-group.value": "department",
            "rankings-index.value": "ITR_TOTAL",
        },
        state={"rankings-lang.data": "vi"},
    )
    assert response.status_code == 200
    body = response.get_json()["response"]
    rows = body["rankings-grid"]["rowData"]
    assert len(rows) == 20
    assert rows[0]["rank"] == 1
    assert "2018" in body["rankings-summary"]["children"]


@pytest.mark.parametrize("year", [1990, "x", None, 2023.9])
def test_rankings_callback_with_garbage_leaves_the_view_unchanged(client, year):
    response = call(
        client,
        output_prefix="rankings-grid.rowData",
        inputs={"rankings-year.value": year, "rankings-group.value": "??", "rankings-index.value": 42},
        state={"rankings-lang.data": "xx"},
    )
    assert response.status_code == 204  # PreventUpdate: nothing changes, nothing is queried


def test_rankings_callback_with_an_unknown_but_well_formed_year_falls_back(client):
    response = call(
        client,
        output_prefix="rankings-grid.rowData",
        inputs={
            "rankings-year.value": 2005,
            "rankings-group.value": "district",
            "rankings-index.value": None,
        },
        state={"rankings-lang.data": "vi"},
    )
    assert response.status_code == 200
    # 2005 has no figures: the nearest year with figures is shown
    assert "Năm 2012" in response.get_json()["response"]["rankings-summary"]["children"]


def test_overview_callback_sends_only_values_when_the_layer_is_unchanged(client, app):
    with app.server.test_request_context("/"):
        from dashboard import queries

        layer = queries.map_layer(2022)
    state = {"url": layer.url, "lang": "vi", "range": [0.0, 100.0]}
    response = call(
        client,
        output_prefix="overview-map.figure",
        inputs={
            "overview-year.value": 2022,
            "overview-index.value": "DTI_TOTAL",
            "overview-group.value": "district",
        },
        state={"overview-lang.data": "vi", "overview-map-state.data": state},
    )
    figure = response.get_json()["response"]["overview-map"]["figure"]
    assert figure["__dash_patch_update"] == "__dash_patch_update"
    assert len(json.dumps(figure)) < 10_000


def test_overview_ranking_is_a_plain_table_linking_profiles_and_the_full_ranking(client):
    response = call(
        client,
        output_prefix="overview-map.figure",
        inputs={
            "overview-year.value": 2019,
            "overview-index.value": None,
            "overview-group.value": "district",
        },
        state={"overview-lang.data": "en", "overview-map-state.data": None},
    )
    table = response.get_json()["response"]["overview-table"]["children"]
    text = json.dumps(table, ensure_ascii=False)
    assert "AgGrid" not in text  # the landing page loads no grid script
    rows = table["props"]["children"][0]["props"]["children"]["props"]["children"][1]["props"]["children"]
    assert len(rows) == 14  # the 14 districts of 2019, Tây Trà among them
    first = [cell["props"]["children"] for cell in rows[0]["props"]["children"]]
    assert first[0] == "1" and first[1]["props"]["href"].startswith("/don-vi/")
    assert first[1]["props"]["href"].endswith("?lang=en")
    assert '"/don-vi/526?lang=en"' in text
    assert '"/xep-hang?group=district&lang=en&year=2019"' in text


def test_map_click_opens_the_profile(client):
    response = call(
        client,
        output_prefix="overview-nav.href",
        inputs={"overview-map.clickData": {"points": [{"customdata": ["534"], "location": "534"}]}},
        state={"overview-lang.data": "en"},
    )
    assert response.get_json()["response"]["overview-nav"]["href"] == "/don-vi/534?lang=en"


@pytest.mark.parametrize(
    ("kind", "steps", "lang", "text"),
    [
        ("up", 1, "en", "▲ 1 place"),
        ("down", 3, "en", "▼ 3 places"),
        ("up", 1, "vi", "▲ 1 bậc"),
        ("same", 0, "vi", "= giữ nguyên"),
    ],
)
def test_rank_change_words(app, kind, steps, lang, text):
    from dashboard.views.all_rankings import change_text
    from dashboard.views.analysis import RankChange

    assert change_text(RankChange(kind, steps), lang) == text
