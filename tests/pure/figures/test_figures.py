"""Line, bar and small-multiple figures: plain dicts that plotly accepts unchanged, gaps, labels, panels.

The builders skip plotly's per-call validation (figures/__init__.py); here every builder's output goes
through `go.Figure` once, which raises on an unknown property or a bad value and must give back exactly
the same figure.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import plotly.graph_objects as go
import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.domain.methods import ClassBand, ClassScheme
from dashboard.figures import TEMPLATE, charts, compare, single_year
from dashboard.figures import map as map_figure

FIVE_CLASSES = ClassScheme(
    "percent",
    tuple(
        ClassBand(code, code.title(), code.title(), bound)
        for code, bound in (("excellent", 90), ("good", 80), ("fair", 65), ("average", 50), ("weak", 0))
    ),
)
LINES = pd.DataFrame(
    {
        "series": ["Trà Bồng"] * 6 + ["Sơn Tây"] * 5,
        "year": [*range(2016, 2022), *range(2017, 2022)],
        "value": [1.5, 2.25, None, 4.0, 5.0, 6.0, 10, 20, 30, math.nan, 50],
    }
)
MULTIPLES = pd.DataFrame(
    {
        "series": ["A", "A", "B", "B"] * 2,
        "panel": ["P1"] * 4 + ["P2"] * 4,
        "year": [2019, 2020] * 4,
        "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, math.nan],
    }
)
PANELS = [("P1", "Hạ tầng", 10.0), ("P2", "Nhân lực", 20.0), ("P3", "Cổng", 5.0), ("P4", "Dịch vụ", 30.0)]
BARS = pd.DataFrame(
    {
        "label": ["Tỷ lệ văn bản điện tử được xử lý hoàn toàn trên môi trường mạng", "Ký số"],
        "value": [99.0, 50.0],
        "text": ["trên 99 %", "50–60 %"],
        "value_high": [None, 60.0],
    }
)


def _json(figure: object) -> dict:
    return json.loads(json.dumps(figure, cls=PlotlyJSONEncoder))


def _builders(lang: str) -> dict[str, dict]:
    lines = charts.year_lines(
        LINES, lang=lang, title="T", source_line="S", y_title="Y", breaks=[(2019, "method")], decimals=2
    )
    return {
        "year_lines": lines,
        "year_lines, ranks": charts.year_lines(
            LINES, lang=lang, title="T", source_line="S", y_title="#", y_range=(64, 0), extra_bottom=40
        ),
        "year_lines, empty": charts.year_lines(
            LINES.iloc[0:0], lang=lang, title="T", source_line="S", y_title="Y"
        ),
        "unit_bars": single_year.unit_bars(
            pd.DataFrame({"series": ["a", "b"], "value": [683.5, math.nan]}),
            lang=lang,
            title="T",
            source_line="S",
            axis_title="X",
            maximum=1000.0,
        ),
        "sub_index_bars": single_year.sub_index_bars(
            pd.DataFrame(
                {"series": ["a", "a", "b"], "panel": ["G", "E", "G"], "value": [126.8, 90.0, 100.0]}
            ),
            lang=lang,
            title="T",
            source_line="S",
            axis_title="X",
            panels=[("G", "Chính quyền số", 200.0), ("E", "Kinh tế số", 150.0)],
        ),
        "end_notes": compare.end_notes(lines, [(2021, 6.0, "→ Trà Bồng")]),
        "point_texts": compare.point_texts(
            charts.year_lines(LINES, lang=lang, title="T", source_line="S", y_title="Y"),
            {("Sơn Tây", 2018): "26/63"},
        ),
        **{
            f"small_multiples, panel {n}": panel
            for n, panel in enumerate(
                compare.small_multiples(MULTIPLES, lang=lang, source_line="S", panels=PANELS)
            )
        },
        "labelled_bars": compare.labelled_bars(BARS, lang=lang, title="T", source_line="S", x_title="%"),
        "labelled_bars, no range": compare.labelled_bars(
            BARS.drop(columns="value_high"), lang=lang, title="T", source_line="S", x_title="%", x_range=None
        ),
        **_maps(lang),
    }


def _maps(lang: str) -> dict[str, dict]:
    """The map in every shape a page draws: scores with anchors, names, outline, highlight and a title;
    classes on a schematic; a unit without value; the notice that stands in for a map."""
    codes = ["522", "524", "525"]
    values = pd.DataFrame(
        {"code": codes[:2], "name": ["A", "B"], "value": [87.5, math.nan], "class_code": [None, None]}
    )
    layer = {"layer_url": "/geo/d.geojson", "feature_codes": codes, "lang": lang}
    return {
        "map, score": map_figure.choropleth(
            values,
            **layer,
            anchors={"522": [108.8, 15.1]},
            labels={code: [108.8, 15.0, f"Unit {code}"] for code in codes},
            outline_url="/geo/o.geojson",
            highlight="524",
            bbox=[108.0, 14.5, 109.0, 15.5],
            title="T<br>S",
        ),
        "map, class": map_figure.choropleth(
            values.assign(class_code=["excellent", None]),
            **layer,
            mode="class",
            schematic=True,
            value_range=(0, 100),
            scheme=FIVE_CLASSES,
        ),
        "map, unavailable": map_figure.unavailable_figure("No commune polygons"),
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", list(_builders("vi")))
def test_plotly_accepts_every_figure_unchanged(name: str, lang: str) -> None:
    figure = _builders(lang)[name]
    assert isinstance(figure, dict)
    validated = go.Figure(figure)  # raises on any property plotly does not know or a bad value
    assert _json(validated.to_plotly_json()) == _json(figure)


def test_figures_look_like_plotly_default() -> None:
    """The template is plotly's own default, as go.Figure would add it."""
    figure = charts.year_lines(LINES, lang="vi", title="T", source_line="S", y_title="Y")
    assert figure["layout"]["template"] is TEMPLATE
    assert _json(go.Figure().to_plotly_json()["layout"]["template"]) == _json(TEMPLATE)


def test_missing_values_and_method_breaks_are_gaps_never_zero() -> None:
    figure = charts.year_lines(
        LINES, lang="vi", title="T", source_line="S", y_title="Y", breaks=[(2019, "phương pháp mới")]
    )
    first, second = figure["data"]
    assert first["x"] == [2016, 2017, 2018, None, 2019, 2020, 2021]
    assert first["y"] == [1.5, 2.25, None, None, 4.0, 5.0, 6.0]
    assert first["text"] == ["1,5", "2,2", "–", "", "4,0", "5,0", "6,0"]
    assert second["y"] == [10.0, 20.0, None, 30.0, None, 50.0]
    assert figure["layout"]["shapes"][0]["x0"] == 2018.5
    assert [a["text"] for a in figure["layout"]["annotations"]] == ["S", "phương pháp mới"]


def test_rank_axis_and_tall_legend() -> None:
    figure = charts.year_lines(
        LINES, lang="en", title="T", source_line="S", y_title="#", y_range=(64, 0), extra_bottom=40
    )
    layout = figure["layout"]
    assert layout["yaxis"]["range"] == [64, 0] and layout["yaxis"]["autorange"] is False
    assert (layout["height"], layout["margin"]["b"], layout["annotations"][0]["yshift"]) == (420, 150, -126)


def test_small_multiples_draw_one_figure_per_panel_titled_with_its_maximum() -> None:
    panels = compare.small_multiples(MULTIPLES, lang="vi", source_line="Nguồn", panels=PANELS)
    assert [p["layout"]["title"]["text"] for p in panels] == [
        "Hạ tầng (≤\u00a010)",
        "Nhân lực (≤\u00a020)",
        "Cổng (≤\u00a05)",
        "Dịch vụ (≤\u00a030)",
    ]
    # The source line and the legend are the page's, once under the group: not in every panel.
    assert all("annotations" not in p["layout"] and p["layout"]["showlegend"] is False for p in panels)
    assert (
        panels[0]["layout"]["yaxis"]["range"] == [0, 10.5] and "autorange" not in panels[0]["layout"]["yaxis"]
    )
    assert panels[3]["layout"]["yaxis"]["range"] == [0, 31.5]
    assert [trace["name"] for trace in panels[1]["data"]] == ["A", "B"]
    assert panels[1]["data"][1]["y"] == [7.0, None]
    # Plot areas of one row line up: the same margins and height in every panel.
    assert len({(p["layout"]["height"], p["layout"]["margin"]["t"]) for p in panels}) == 1
    # Two years: every whole year is a tick, never a half.
    assert panels[0]["layout"]["xaxis"]["dtick"] == 1 and panels[0]["layout"]["xaxis"]["tickmode"] == "linear"


def test_small_multiples_escape_names_and_label_generated_figures_in_every_panel() -> None:
    frame = MULTIPLES.assign(series=MULTIPLES["series"].map({"A": "<b>A</b>", "B": "B %{x}"}))
    source = "MINH HỌA: số liệu do máy tạo · Nguồn: minh họa"
    panels = compare.small_multiples(frame, lang="vi", source_line=source, panels=PANELS[:2])
    for panel in panels:
        assert [trace["name"] for trace in panel["data"]] == ["&lt;b&gt;A&lt;/b&gt;", "B &#37;{x}"]
        assert panel["layout"]["title"]["text"].startswith("MINH HỌA – ")
        assert [a["text"] for a in panel["layout"]["annotations"]] == ["MINH HỌA"]  # the watermark
    labels = compare.small_multiples(MULTIPLES, lang="vi", source_line="x", panels=[("P1", "<i>H</i>", None)])
    assert labels[0]["layout"]["title"]["text"] == "&lt;i&gt;H&lt;/i&gt;"


def test_year_ticks_show_whole_years_that_fit_a_phone() -> None:
    assert charts.year_ticks([2019, 2020, 2021])["dtick"] == 1
    assert charts.year_ticks([2019, 2024]) == {
        "tickmode": "linear",
        "tick0": 0,
        "dtick": 1,
        "tickformat": "d",
    }
    # Over a longer span plotly steps by the width: 1, 2 or 5 whole years.
    assert charts.year_ticks(range(2012, 2026)) == {"tickmode": "auto", "tickformat": "d"}
    layout = charts.year_lines(LINES, lang="vi", title="T", source_line="S", y_title="Y")["layout"]
    assert layout["xaxis"]["tickmode"] == "linear" and layout["xaxis"]["dtick"] == 1
    long = pd.DataFrame({"series": "A", "year": range(2012, 2026), "value": 1.0})
    layout = charts.year_lines(long, lang="vi", title="T", source_line="S", y_title="Y")["layout"]
    assert layout["xaxis"]["tickmode"] == "auto" and "dtick" not in layout["xaxis"]


def test_labelled_bars_draw_a_published_range_as_an_error_bar() -> None:
    figure = compare.labelled_bars(BARS, lang="vi", title="T", source_line="S", x_title="%")
    bar = figure["data"][0]
    assert bar["text"] == ["trên 99 %", "50–60 %"]
    assert bar["error_x"]["array"] == [0, 10.0] and bar["error_x"]["visible"] is True
    assert bar["y"][0].count("<br>") == 2


def test_wrap_never_breaks_at_a_no_break_space() -> None:
    from dashboard.figures import wrap

    assert wrap("Cổng thông tin điện tử (≤\u00a015)", width=26) == "Cổng thông tin điện tử<br>(≤\u00a015)"
    assert wrap("  a\tb  ", width=32) == "a b"


def test_single_year_bars_give_points_out_of_the_maximum_and_percent_of_it():
    figure = single_year.sub_index_bars(
        pd.DataFrame({"series": ["Xã A", "Xã A"], "panel": ["G", "E"], "value": [126.8, 90.0]}),
        lang="vi",
        title="T",
        source_line="S",
        axis_title="%",
        panels=[("G", "Chính quyền số", 200.0), ("E", "Kinh tế số", 150.0)],
    )
    (trace,) = figure["data"]
    assert trace["type"] == "bar" and trace["x"] == [63.4, 60.0]
    assert trace["text"] == ["126,80/200", "90,00/150"]
