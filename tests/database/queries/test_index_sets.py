"""Index sets as published data: the pure model (maxima per unit group, class schemes on % of the maximum
or on points, the tree) and the stored sets read back by the query."""

from __future__ import annotations

import pytest

from dashboard.domain.methods import ClassBand, ClassScheme, IndexSet, Indicator, UnitGroup, ordered_tree
from dashboard.queries.methods import index_set, shown_index_sets

MATURITY = ClassScheme(
    "percent",
    (
        ClassBand("level-4", "Mức 4", "Level 4", 75.0),
        ClassBand("level-3", "Mức 3", "Level 3", 50.0),
        ClassBand("level-2", "Mức 2", "Level 2", 25.0),
        ClassBand("level-1", "Mức 1", "Level 1", 0.0),
    ),
)
SET = IndexSet(
    code="demo",
    family="qn-dti",
    name_vi="Bộ chỉ số",
    name_en="Index set",
    first_year=2025,
    indicators=ordered_tree(
        [
            Indicator("GOV", "Chính quyền số", "Digital government", "TOTAL", max_value=200.0, sort_order=2),
            Indicator("TOTAL", "Tổng", "Total", max_value=1000.0, maxima={"no-procedures": 800.0}),
            Indicator("AWARE", "Nhận thức số", "Awareness", "TOTAL", max_value=100.0, sort_order=1),
        ]
    ),
    groups=(UnitGroup("commune", "Cấp xã", "Communes"), UnitGroup("no-procedures", "Sở không có TTHC", "x")),
    scheme=MATURITY,
)


def test_the_tree_lists_each_index_before_its_components_in_published_order() -> None:
    assert [i.code for i in SET.indicators] == ["TOTAL", "AWARE", "GOV"]
    assert [i.code for i in SET.children("TOTAL")] == ["AWARE", "GOV"]
    assert [i.code for i in SET.roots()] == ["TOTAL"]


def test_a_group_with_its_own_maximum_is_classed_out_of_it() -> None:
    assert SET.maximum("TOTAL", "commune") == 1000.0
    assert SET.maximum("TOTAL", "no-procedures") == 800.0
    assert SET.maximum("TOTAL") == 1000.0
    assert SET.maximum("NOPE") is None
    # 600 points: 60 % of 1,000 (level 3) but 75 % of 800 (level 4).
    assert SET.classify(600.0, SET.maximum("TOTAL", "commune")) == "level-3"
    assert SET.classify(600.0, SET.maximum("TOTAL", "no-procedures")) == "level-4"
    assert SET.class_label("level-4", "en") == "Level 4"


@pytest.mark.parametrize(
    ("value", "maximum", "expected"),
    [(249.99, 1000.0, "level-1"), (250.0, 1000.0, "level-2"), (None, 1000.0, None), (500.0, None, None)],
)
def test_a_percentage_scheme_needs_the_maximum(value, maximum, expected) -> None:
    assert MATURITY.classify(value, maximum) == expected


def test_a_points_scheme_compares_the_points_and_a_set_without_classes_gives_none() -> None:
    points = ClassScheme("points", (ClassBand("a", "A", "A", 900.0), ClassBand("b", "B", "B", 0.0)))
    assert points.classify(900.0, None) == "a"
    assert points.classify(899.9, 1000.0) == "b"
    classless = IndexSet("x", "qn-dti", "x", "x", 2025, indicators=SET.indicators)
    assert not classless.has_classes
    assert classless.classify(990.0, 1000.0) is None


def test_the_shipped_sets_read_back_with_their_stored_schemes(app) -> None:
    with app.server.test_request_context("/"):
        dti = index_set("qn-dti-2020")
        assert dti.scheme.basis == "percent" and dti.scheme.codes == ("good", "fair", "average", "weak")
        assert [b.lower_bound for b in dti.scheme.bands] == [90.0, 70.0, 50.0, 0.0]
        assert dti.class_label("average", "vi") == "Trung bình"
        points = index_set("qn-dti-2025")
        assert not points.has_classes and points.maximum("DTI25_GOV") == 200.0
        assert points.roots()[0].code == "DTI25_TOTAL" and len(points.children("DTI25_TOTAL")) == 8
        assert [s.code for s in shown_index_sets()] == ["qn-dti-2020", "qn-dti-2025", "qn-itr-2012"]
