"""The rankings grid and the overview's table draw the classes of the method the view ranks under: its own
labels as the cell's text, one colour per class of its scheme (the map's), none for a method without
classes."""

from __future__ import annotations

import dataclasses

import pytest

from dashboard.assemble import methodology, ranking
from dashboard.components import grid
from dashboard.domain.methods import ClassBand, ClassScheme, IndexSet
from dashboard.figures.map_values import CLASS_PALETTES

FIVE = ClassScheme(
    "percent",
    tuple(
        ClassBand(code, label, label, bound)
        for code, label, bound in (
            ("xuat-sac", "Xuất sắc", 90),
            ("tot", "Tốt", 80),
            ("kha", "Khá", 65),
            ("trung-binh-kha", "Trung bình khá", 50),
            ("trung-binh", "Trung bình", 0),
        )
    ),
)
# Shipped 2022 departments' classes (qn-dti-2020: Tốt/Khá/Trung bình/Yếu) -> a five-class set's codes.
RENAMED = {"good": "xuat-sac", "fair": "kha", "average": "trung-binh", "weak": "trung-binh"}


def contrast(fill: str, text: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        def linear(channel: int) -> float:
            c = channel / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)

    high, low = sorted((luminance(fill), luminance(text)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def departments_2022(app):
    with app.server.test_request_context("/xep-hang"):
        yield ranking.load(ranking.resolve({"year": "2022", "group": "department"}), "vi")


@pytest.mark.timeout(10)
@pytest.mark.parametrize("size", sorted(CLASS_PALETTES))
def test_every_class_label_reads_on_its_fill(size: int) -> None:
    scheme = ClassScheme("percent", tuple(ClassBand(f"c{i}", f"C{i}", f"C{i}", 90 - i) for i in range(size)))
    looks = grid.class_looks(scheme)
    assert list(looks) == list(scheme.codes)
    assert len({look["backgroundColor"] for look in looks.values()}) == size
    assert all(contrast(look["backgroundColor"], look["color"]) >= 4.5 for look in looks.values())


@pytest.mark.timeout(60)
def test_the_grid_colours_the_four_classes_of_the_shown_method(departments_2022) -> None:
    data = departments_2022
    column = next(c for c in grid.column_defs(data, lang="vi") if c["field"] == "class")
    conditions = column["cellStyle"]["styleConditions"]
    assert [c["condition"] for c in conditions] == [f"params.data.class_order === {i}" for i in range(4)]
    order = {"good": 0, "fair": 1, "average": 2, "weak": 3}
    for row in grid.row_data(data, lang="vi"):
        assert row["class_order"] == order.get(row["class_code"])
        if row["class_code"] == "fair":
            assert row["class"] == "Khá"  # the label is the cell's text: colour never stands alone


@pytest.mark.timeout(60)
def test_a_five_class_method_gets_five_colours_and_its_own_labels(
    departments_2022, monkeypatch: pytest.MonkeyPatch
) -> None:
    labels = {band.code: band.label_vi for band in FIVE.bands}
    table = departments_2022.table.assign(
        class_label=departments_2022.table["class_label"].map(RENAMED),
    )
    table = table.assign(class_name=table["class_label"].map(labels))
    data = dataclasses.replace(departments_2022, table=table)
    five = IndexSet("thu-5-loai", "qn-dti", "Năm loại", "Five classes", 2022, scheme=FIVE)
    monkeypatch.setattr(methodology, "index_set", lambda code: five)
    column = next(c for c in grid.column_defs(data, lang="vi") if c["field"] == "class")
    styles = [c["style"]["backgroundColor"] for c in column["cellStyle"]["styleConditions"]]
    assert styles == list(CLASS_PALETTES[5])
    rows = grid.row_data(data, lang="vi")
    assert {row["class"] for row in rows} >= {"Khá"}
    for row in rows:
        assert (row["class"], row["class_order"]) == (
            labels[row["class_code"]],
            FIVE.codes.index(row["class_code"]),
        )
    table_html = str(grid.ranking_table(data, lang="vi", full_url="/xep-hang").to_plotly_json())
    assert "'Khá'" in table_html and CLASS_PALETTES[5][FIVE.codes.index("kha")] in table_html


@pytest.mark.timeout(60)
def test_a_method_without_classes_shows_no_class_and_no_colour(app) -> None:
    with app.server.test_request_context("/xep-hang"):
        data = ranking.load(ranking.resolve({"year": "2025", "group": "commune"}), "vi")
        assert not data.has_classes
        assert "class" not in [c["field"] for c in grid.column_defs(data, lang="vi")]
        assert {row["class_order"] for row in grid.row_data(data, lang="vi")} == {None}
        assert "class-cell" not in str(grid.ranking_table(data, lang="vi", full_url="/").to_plotly_json())
