"""Every chart of the national, e-documents and profile pages has the copy-link / cite toolbar, and its
citation names the documents its figures come from (issuer, document and date as published, link), or
says that they are generated."""

from __future__ import annotations

import pandas as pd
import pytest
from dash import dcc, html

GENERATED_VI = "MINH HỌA: số liệu do máy tạo để trình diễn, không phải kết quả đánh giá thật"


@pytest.fixture(scope="module")
def pages(app):
    """The page modules (importable only once the app exists)."""
    from dashboard.pages import edocs, national, unit

    return {"edocs": edocs, "national": national, "unit": unit}


def cards(tree) -> list[dict[str, object]]:
    """Each chart card of a layout: its figure's title, its citation, and what its copy buttons copy."""
    found = []
    for component in tree._traverse():
        if not (isinstance(component, html.Div) and getattr(component, "className", "") == "chart-card"):
            continue
        graph, toolbar = component.children
        assert isinstance(graph, dcc.Graph) and isinstance(toolbar, html.Details)
        cited = [c for c in toolbar._traverse() if "chart-citation" in (getattr(c, "className", "") or "")]
        copied = [c.content for c in toolbar._traverse() if isinstance(c, dcc.Clipboard)]
        found.append(
            {
                "title": graph.figure["layout"]["title"]["text"],
                "citation": cited[0].children,
                "copied": copied,
            }
        )
    return found


def graphs(tree) -> int:
    return sum(isinstance(c, dcc.Graph) for c in tree._traverse())


def test_every_chart_of_the_national_page_cites_its_own_published_sources(app, pages):
    with app.server.test_request_context("/"):
        tree = pages["national"].layout(lang="vi", table="NAT_DTI-2022")
    found = cards(tree)
    # ranks by year, the service index by month, DTI 2024 values, the chosen table, Kon Tum
    assert len(found) == graphs(tree) == 5
    [table] = [card for card in found if "ca-nuoc?table=NAT_DTI-2022" in str(card["citation"])]
    # The 2022 table is read from the ministry's own ranking page, and only from it.
    assert (
        "Số liệu gốc: Bộ Thông tin và Truyền thông – Xếp hạng DTI 2022, https://dti.gov.vn/xep-hang-2022."
        in (table["citation"])
    )
    assert "(DTI) 2022" in str(table["citation"])  # named by its own title
    values = next(card for card in found if "Kon Tum, giá trị quốc gia" in str(card["citation"]))
    # A press report dated as the page shows it, with the issuer it cites.
    assert "Dân trí (dẫn Bộ KH&CN) – 21/10/2025, https://dantri.com.vn/" in str(values["citation"])
    for card in found:
        assert "MINH HỌA" not in str(card["citation"])
        assert card["citation"] in card["copied"]  # the cite button copies the text shown
        link = str(card["copied"][0])  # the page's address (the browser copies the address bar's)
        assert link.startswith("http") and link.split("?")[0].endswith("/ca-nuoc")


@pytest.mark.parametrize(
    ("lang", "document"),
    [
        ("vi", "UBND tỉnh Quảng Ngãi – Kế hoạch 121/KH-UBND ngày 31/12/2025"),
        ("en", "UBND tỉnh Quảng Ngãi – Kế hoạch 121/KH-UBND of 31/12/2025"),
    ],
)
def test_the_published_e_document_chart_cites_the_plan_with_its_number_and_date(app, pages, lang, document):
    with app.server.test_request_context("/"):
        tree = pages["edocs"].layout(lang=lang)
    found = cards(tree)
    assert len(found) == graphs(tree) == 3  # province-wide rates, then the two illustrative charts
    province = str(found[0]["citation"])
    assert document + ", https://nhansu.vn/van-ban-phap-luat/Ke-hoach-121-KH-UBND-2025" in province
    assert "Dân Việt – 12/10/2024, https://etime.danviet.vn/" in province
    assert "MINH HỌA" not in province and "ILLUSTRATIVE" not in province
    for card in found[1:]:  # the unit section: generated, and said so instead of a source
        assert ("Số liệu gốc: MINH HỌA" if lang == "vi" else "Original figures: ILLUSTRATIVE") in str(
            card["citation"]
        )
        assert "Kế hoạch 121" not in str(card["citation"])


def test_the_profile_score_and_rank_charts_say_their_figures_are_illustrative(app, pages):
    with app.server.test_request_context("/"):
        tree = pages["unit"].layout(code="525", lang="vi")
    found = cards(tree)
    assert len(found) == graphs(tree) >= 4  # scores per scale, ranks, sub-indices, e-documents
    titles = [str(card["title"]) for card in found]
    assert any("Điểm" in title for title in titles) and any("Thứ hạng" in title for title in titles)
    for card in found:
        assert str(card["citation"]).endswith(f"Số liệu gốc: {GENERATED_VI}.")
        assert "/don-vi/525" in str(card["citation"])


def test_a_chart_of_real_and_generated_figures_names_both_the_label_first(app):
    from dashboard import queries
    from dashboard.views.cited import sources_cited

    with app.server.test_request_context("/"):
        sources = queries.sources()
        real = sources[sources["id"] == "edoc-province:nhansu-vn-ce56649a"]
        generated = sources[sources["kind"] == "illustrative"]
        text = sources_cited(pd.concat([real, generated]), "vi")
    # The yearly generator files are one entry, as in the page's source list.
    assert text == (
        f"{GENERATED_VI}; UBND tỉnh Quảng Ngãi – Kế hoạch 121/KH-UBND ngày 31/12/2025, "
        "https://nhansu.vn/van-ban-phap-luat/Ke-hoach-121-KH-UBND-2025-chuyen-doi-so-Quang-Ngai-688617.html"
    )


def _citations(tree) -> list[str]:
    return [c.children for c in tree._traverse() if "chart-citation" in (getattr(c, "className", "") or "")]


def test_each_compare_chart_of_a_scale_cites_that_scales_rows_only(app):
    from dashboard.assemble import compare_year, comparison
    from dashboard.pages import compare

    # Two methods (points out of 100 to 2024, out of 1,000 in 2025): one chart per scale.
    query = {"units": "so-tai-chinh,so-y-te,so-tu-phap", "group": "department"}
    with app.server.test_request_context("/"):
        tree = compare.layout(lang="vi", **query)
        selection = comparison.parse(query)
        frame = comparison.series(selection, "vi")
        scales = compare_year.charts_over_years(frame, selection, "vi")
    cited = _citations(tree)
    assert len(cited) == graphs(tree) >= 2  # none with the page's generic citation
    assert all(f"Số liệu gốc: {GENERATED_VI}." in text for text in cited)
    # Each scale's chart is given its own years only: together they are the frame, and no year twice.
    years = [set(drawn["year"]) for _, drawn in scales]
    assert len(scales) == 2 and sum(len(d) for _, d in scales) == len(frame)
    assert not (years[0] & years[1])
    for figure, drawn in scales:
        shown = {x for trace in figure["data"] for x in trace.get("x", []) if isinstance(x, int)}
        assert shown <= set(drawn["year"])


def test_each_compare_sub_index_chart_and_the_map_cite_the_rows_they_draw(app):
    from dashboard.assemble import compare_year, comparison
    from dashboard.components import compare_map
    from dashboard.pages import compare
    from dashboard.views.comparison import common_methodology, comparable

    query = {"units": "522,525,526", "group": "district"}
    with app.server.test_request_context("/"):
        tree = compare.layout(lang="vi", **query)
        selection = comparison.parse(query)
        frame = comparison.series(selection, "vi")
        method = common_methodology(frame, selection.codes)
        panels = comparison.sub_panels(method, "vi")
        subs, panels = comparable(comparison.sub_frame(selection, panels, "vi"), panels, "vi")
        sub_charts = compare_year.sub_figures(subs, selection, panels, "vi")
        maps = {year: compare_map.map_view(frame, selection, year, "vi") for year in (2019, 2024)}
    cited = _citations(tree)
    assert len(cited) == graphs(tree) > 3  # the lines, every sub-index and the map
    assert all(f"Số liệu gốc: {GENERATED_VI}." in text for text in cited)
    # Each small multiple is given its own sub-index's rows.
    assert [set(drawn["panel"]) for _, drawn in sub_charts] == [{code} for code, _, _ in panels]
    # The map's tools follow the year shown (the year's callback redraws them): its title, its rows.
    texts = {}
    for year, (_, tools) in maps.items():
        [texts[year]] = _citations(tools)
        assert f"{year}" in texts[year] and f"Số liệu gốc: {GENERATED_VI}." in texts[year]
    assert texts[2019] != texts[2024]
