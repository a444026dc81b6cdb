"""The map's score legend and hover say what the value is under its method: points out of the maximum the
method gives the unit kind, % of the maximum, or an index and its range; never "Điểm" for a percentage."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.components import map_panel
from dashboard.domain.methods import IndexSet, Indicator, UnitGroup
from dashboard.figures import map as map_figure
from dashboard.views.value_label import value_label


def index_set(*indicators: Indicator, groups: tuple[UnitGroup, ...] = ()) -> IndexSet:
    return IndexSet("thu", "qn-dti", "Thử", "Test", 2025, indicators=indicators, groups=groups)


POINTS = Indicator("TONG", "Tổng điểm", "Total", max_value=1000.0, maxima={"khong-tthc": 800.0})
GROUPS = (
    UnitGroup("xa", "UBND cấp xã", "Communes", "commune"),
    UnitGroup("co-tthc", "Sở có TTHC", "Departments with procedures", "department"),
    UnitGroup("khong-tthc", "Sở không có TTHC", "Departments without procedures", "department"),
)


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    ("indicator", "kind", "lang", "expected"),
    [
        (POINTS, "commune", "vi", "Điểm trên 1.000"),
        (POINTS, "commune", "en", "Points out of 1,000"),
        (POINTS, "department", "vi", "Điểm (điểm tối đa theo nhóm đơn vị)"),  # 1,000 or 800
        (Indicator("TONG", "Tổng", "Total", max_value=126.8), "commune", "vi", "Điểm trên 126,8"),
        (
            Indicator("TONG", "Chỉ số CĐS (%)", "DTI (%)", measure="percent"),
            "district",
            "vi",
            "% điểm tối đa",
        ),
        (
            Indicator("TONG", "Chỉ số", "Index", measure="index", max_value=1.0),
            "district",
            "vi",
            "Chỉ số (0–1)",
        ),
        (Indicator("TONG", "Tổng", "Total", max_value=None), "commune", "vi", "Điểm"),  # no maximum known
    ],
)
def test_the_label_is_read_from_the_method(indicator: Indicator, kind: str, lang: str, expected: str) -> None:
    assert value_label(index_set(indicator, groups=GROUPS), "TONG", unit_kind=kind, lang=lang) == expected


@pytest.mark.timeout(10)
def test_an_unknown_method_or_indicator_keeps_the_plain_word() -> None:
    assert value_label(None, "TONG", unit_kind="commune", lang="vi") == "Điểm"
    assert value_label(index_set(POINTS), "KHAC", unit_kind="commune", lang="en") == "Score"


@pytest.mark.timeout(10)
def test_the_figure_names_its_values_in_scale_hover_and_legend() -> None:
    values = pd.DataFrame({"code": ["522"], "name": ["Unit 522"], "value": [95.26], "class_code": [None]})
    figure = map_figure.choropleth(
        values, layer_url="/geo/x.json", feature_codes=["522"], lang="vi", value_label="% điểm tối đa"
    )
    assert figure["layout"]["coloraxis"]["colorbar"]["title"]["text"].startswith("% điểm tối đa (thang màu")
    assert figure["layout"]["legend"]["title"]["text"] == "% điểm tối đa"
    shown = next(trace for trace in figure["data"] if trace.get("coloraxis"))
    assert shown["hovertext"] == ["<b>Unit 522</b><br>% điểm tối đa: 95,3"]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("year", "group", "indicator", "expected"),
    [
        (2022, "district", "DTI_TOTAL", "% điểm tối đa"),  # qn-dti-2020: the total is % of the maximum
        (2025, "commune", "DTI25_TOTAL", "Điểm trên 1.000"),  # qn-dti-2025: points out of 1,000
    ],
)
def test_the_overview_map_says_what_its_values_are(
    app, year: int, group: str, indicator: str, expected: str
) -> None:
    values = pd.DataFrame({"code": [], "name": [], "value": [], "class_code": [], "class_name": []})
    with app.server.test_request_context("/"):
        figure, _ = map_panel.render(values, year=year, group=group, lang="vi", indicator=indicator)
    title = figure["layout"]["coloraxis"]["colorbar"]["title"]["text"]  # the shipped layers
    assert title.startswith(f"{expected} (")
