"""Quảng Ngãi is marked in the national table and its chart in words and shape, not by colour alone."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest


@pytest.fixture(scope="module")
def national(app):
    from dashboard.pages import national

    return national


@pytest.mark.parametrize(
    ("lang", "marker"), [("vi", "tỉnh của trang này"), ("en", "this dashboard's province")]
)
def test_the_quang_ngai_row_says_so_in_words(app, national, lang, marker):
    with app.server.test_request_context("/"):
        rows, _ = national.table_rows(("NAT_DTI", 2022), lang)
    marked = [r["province"] for r in rows if r["code"] == "51"]
    assert marked and all(f"★ {marker}" in name for name in marked)
    assert all("★" not in r["province"] for r in rows if r["code"] not in ("51", "62"))


def test_the_table_chart_marks_quang_ngai_by_shape_and_label(app, national):
    with app.server.test_request_context("/"):
        [card] = national.table_chart(("NAT_DTI", 2022), "vi")
    figure = card.children[0].figure  # the graph, then its toolbar
    assert go.Figure(figure).to_plotly_json()["data"][0]["type"] == "scatter"  # plotly accepts the dict
    dots = figure["data"][0]
    stars = [
        text
        for text, symbol in zip(dots["customdata"], dots["marker"]["symbol"], strict=True)
        if symbol == "star"
    ]
    assert len(dots["x"]) == 63 and sorted(text.split(":")[0] for text in stars) == [
        "Tỉnh Kon Tum",
        "Tỉnh Quảng Ngãi",
    ]
    labels = [a["text"] for a in figure["layout"]["annotations"]]
    assert any("★ Tỉnh Quảng Ngãi" in text and "26/63" in text.replace("<br>", " ") for text in labels)
    assert any("Tỉnh Kon Tum (nay thuộc Quảng Ngãi)" in text.replace("<br>", " ") for text in labels)
    assert figure["layout"]["xaxis"]["range"] == [0, 64]


def test_a_table_of_one_province_has_no_chart(app, national):
    with app.server.test_request_context("/"):
        assert national.table_chart(("NAT_PAR", 2021), "en") == []
