"""A unit keeps one style (colour, marker, dash) on every chart; series differ by more than colour."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.figures import charts
from dashboard.figures import compare as figures


def lines(frame: pd.DataFrame, **options) -> dict:
    return charts.year_lines(frame, lang="vi", title="T", source_line="Nguồn: x", y_title="y", **options)


def test_a_unit_keeps_its_style_whatever_it_is_drawn_with():
    alone = charts.unit_styles(["525"])
    for others in (["522"], ["522", "526", "527"], ["so-ngoai-vu", "533"]):
        together = charts.unit_styles(["525", *others])
        # Its own style unless a code sorting before it already took that style.
        earlier = {together[c] for c in together if c < "525"}
        assert together["525"] == alone["525"] or alone["525"] in earlier
    assert charts.unit_styles(["527", "525", "522"]) == charts.unit_styles(["522", "525", "527"])


def test_units_of_one_chart_never_share_a_style():
    codes = ["522", "523", "524", "525", "526", "527"]
    assert len(set(charts.unit_styles(codes).values())) == len(codes)


@pytest.mark.parametrize("index", range(charts.STYLE_COUNT))
def test_each_style_differs_from_the_others_by_marker_and_dash_too(index):
    style = charts.series_style(index)
    others = [charts.series_style(i) for i in range(charts.STYLE_COUNT) if i != index]
    assert all(style["marker"]["symbol"] != other["marker"]["symbol"] for other in others)
    assert style["line"]["color"] == style["marker"]["color"]


def test_year_lines_give_series_distinct_markers_and_dashes():
    frame = pd.DataFrame(
        {"series": ["A", "A", "B", "B"], "year": [2020, 2021, 2020, 2021], "value": [1.0, 2.0, 3.0, 4.0]}
    )
    data = lines(frame)["data"]
    assert data[0]["marker"]["symbol"] != data[1]["marker"]["symbol"]
    assert data[0]["line"]["dash"] != data[1]["line"]["dash"]
    assert data[0]["mode"] == "lines+markers"


def test_the_same_unit_has_the_same_style_on_line_charts_and_small_multiples():
    frame = pd.DataFrame(
        {
            "series": ["Sơn Tây", "Sơn Tây", "Trà Bồng", "Trà Bồng"],
            "unit_code": ["526", "526", "525", "525"],
            "year": [2020, 2021, 2020, 2021],
            "value": [1.0, 2.0, 3.0, 4.0],
        }
    )
    styles = charts.styles_by_series(frame)
    line_traces = {trace["name"]: trace for trace in lines(frame, styles=styles)["data"]}
    panels = figures.small_multiples(
        pd.concat([frame.assign(panel="P"), frame.assign(panel="Q")]),
        lang="vi",
        source_line="S",
        panels=[("P", "P", 100), ("Q", "Q", 50)],
        styles=styles,
    )
    assert len(panels) == 2
    for panel in panels:  # one style per unit on every panel
        for trace in panel["data"]:
            assert trace["line"] == {**line_traces[trace["name"]]["line"], "width": 2}
            assert trace["marker"] == line_traces[trace["name"]]["marker"]
    # Drawn alone (its profile), Trà Bồng keeps the style it has next to Sơn Tây.
    alone = charts.styles_by_series(frame[frame["unit_code"] == "525"])
    assert alone["Trà Bồng"] == styles["Trà Bồng"] or styles["Sơn Tây"] == charts.unit_styles(["525"])["525"]


def test_the_html_legend_draws_each_style_as_plotly_does():
    from urllib.parse import unquote

    from dashboard.figures import swatch

    for index in range(charts.STYLE_COUNT):
        style = charts.series_style(index)
        svg = unquote(swatch.swatch_uri(index).removeprefix("data:image/svg+xml,"))
        assert svg == swatch.swatch_svg(index) and svg.startswith("<svg xmlns=")
        assert f"stroke='{style['line']['color']}'" in svg and f"fill='{style['line']['color']}'" in svg
    assert "stroke-dasharray" not in swatch.swatch_svg(0)  # solid
    assert len({swatch.swatch_svg(i) for i in range(charts.STYLE_COUNT)}) == charts.STYLE_COUNT


def test_plotlys_share_to_cloud_button_is_off():
    assert charts.CHART_CONFIG["showSendToCloud"] is False
    assert figures.graph_config("vi")["showSendToCloud"] is False
