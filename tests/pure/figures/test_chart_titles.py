"""Chart titles and source lines are broken to fit a 390 px phone (plotly never wraps them)."""

from __future__ import annotations

import pandas as pd

from dashboard.figures import charts

LONG = "Điểm qua các năm – Ủy ban nhân dân xã Sơn Tây Thượng, huyện Sơn Tây (2012–2024)"
SOURCE = "MINH HỌA: số liệu do máy tạo để trình diễn, không phải kết quả đánh giá thật · Nguồn: chính thức"


def lines_of(text: str) -> list[str]:
    return text.split("<br>")


def test_a_long_title_and_source_are_broken_at_word_boundaries():
    figure = charts.base_figure(title=LONG, source_line=SOURCE, lang="vi", height=380)
    layout = figure["layout"]
    title, source = layout["title"]["text"], layout["annotations"][0]["text"]
    assert all(len(line) <= charts.TITLE_WIDTH for line in lines_of(title)) and len(lines_of(title)) >= 2
    assert all(len(line) <= charts.NOTE_WIDTH for line in lines_of(source)) and len(lines_of(source)) == 3
    assert title.replace("<br>", " ") == f"MINH HỌA – {LONG}" and source.replace("<br>", " ") == SOURCE
    # Each extra line gets its room: the plot area keeps its height.
    extra_title, extra_note = len(lines_of(title)) - 1, len(lines_of(source)) - 1
    assert layout["margin"]["t"] == 64 + charts.TITLE_LINE * extra_title
    assert layout["margin"]["b"] == 110 + charts.NOTE_LINE * extra_note
    assert layout["height"] == 380 + charts.TITLE_LINE * extra_title + charts.NOTE_LINE * extra_note


def test_a_short_title_stays_on_one_line_and_a_prewrapped_one_is_rewrapped():
    short = charts.base_figure(title="Thứ hạng", source_line="Nguồn: x", lang="vi", height=380)
    assert short["layout"]["title"]["text"] == "Thứ hạng" and short["layout"]["margin"]["t"] == 64
    frame = pd.DataFrame({"series": ["A"], "year": [2020], "value": [1.0]})
    broken = charts.year_lines(frame, lang="vi", title="Một<br>tiêu đề", source_line="Nguồn: x", y_title="y")
    assert broken["layout"]["title"]["text"] == "Một tiêu đề"
