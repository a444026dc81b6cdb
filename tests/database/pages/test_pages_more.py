"""Compare, e-documents, national, methodology and embed pages: layouts, callbacks, wording, meta tags."""

from __future__ import annotations

import json
import re

import pytest
from dash.development.base_component import Component

from dashboard.assemble import edocs as edocs_data

LANGS = ("vi", "en")


@pytest.fixture(scope="module")
def pages(app):
    """The page modules (importable only once the app exists)."""
    from dashboard.pages import compare, edocs, embed, methodology, national

    return {
        "compare": compare,
        "edocs": edocs,
        "national": national,
        "methodology": methodology,
        "embed": embed,
    }


def text_of(component: object) -> str:
    """All visible text of a component tree (plus figure titles)."""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(text_of(c) for c in component)
    if isinstance(component, Component):
        parts = [text_of(getattr(component, "children", None) or "")]
        figure = getattr(component, "figure", None)
        if figure is not None:
            parts.append(json.dumps(figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else figure))
        value = getattr(component, "value", None)
        if isinstance(value, str):
            parts.append(value)
        return " ".join(parts)
    return ""


def render(app, function, **kwargs) -> str:
    with app.server.test_request_context("/"):
        return text_of(function(**kwargs))


GOOD_AND_BAD = [
    ("compare", {"units": "522,526,525"}),
    ("compare", {"units": "so-y-te,so-tu-phap", "group": "department", "index": "DTI_HR"}),
    ("compare", {"units": "999,abc"}),
    ("compare", {"units": "522"}),
    ("compare", {"units": "522,so-y-te"}),
    ("compare", {"units": "522,524,525,527,528,529,530"}),
    ("compare", {"group": "<script>", "index": "%%%"}),
    ("compare", {}),
    ("edocs", {}),
    ("edocs", {"year": "1900", "group": "nope", "index": "garbage"}),
    ("national", {}),
    ("national", {"table": "NAT_EGOV-2017"}),
    ("national", {"table": "NAT_DTI-1999"}),
    ("methodology", {"anything": "x"}),
]


@pytest.mark.parametrize(("page", "query"), GOOD_AND_BAD)
@pytest.mark.parametrize("lang", LANGS)
def test_layouts_render_for_good_and_bad_queries(app, pages, page, query, lang):
    text = render(app, pages[page].layout, lang=lang, **query)
    assert text.strip()
    assert "Traceback" not in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"units": "999,522"}, "999"),
        ({"units": "522"}, "ít nhất 2"),
        ({"units": "522,524,525,527,528,529,530"}, "tối đa 6"),
        ({"units": "522,so-y-te"}, "cùng một nhóm"),
        ({"units": "51,522"}, "cùng một nhóm"),
    ],
)
def test_bad_compare_selection_explains_itself(app, pages, query, expected):
    text = render(app, pages["compare"].layout, lang="vi", **query)
    assert "Không thể so sánh" in text
    assert expected in text


def test_compare_with_tay_tra_stops_in_2019_and_names_tra_bong(app, pages):
    for lang, stops in (("vi", "dừng ở năm 2019"), ("en", "stops in 2019")):
        text = render(app, pages["compare"].layout, lang=lang, units="522,526")
        assert stops in text
        assert "Trà Bồng" in text


def test_compare_lines_are_not_joined_across_the_2020_break(app, pages):
    with app.server.test_request_context("/"):
        compare = pages["compare"].comparison  # the view model behind the page
        selection = compare.parse({"units": "522,525"})
        figure = compare.lines_figure(compare.series(selection, "vi"), selection, "vi")
    for trace in figure["data"]:
        xs = list(trace["x"])
        assert None in xs, "a gap must separate 2019 from 2020"
        gap = xs.index(None)
        assert xs[gap - 1] == 2019 and xs[gap + 1] == 2020


def test_compare_differences_are_against_the_first_unit(app, pages):
    from dashboard.views.comparison import differences

    with app.server.test_request_context("/"):
        compare = pages["compare"].comparison
        selection = compare.parse({"units": "525,526"})
        table = differences(compare.series(selection, "vi"), selection.codes)
    row = table[table["year"] == 2019].iloc[0]
    assert row["526:diff"] == pytest.approx(71.43 - 70.53)


def test_honest_wording_of_published_figures(app, pages):
    from dashboard.views.published import figure_text

    def word(value, high, qualifier, measure, *, lang):
        return figure_text(value, high=high, qualifier=qualifier, measure=measure, lang=lang)

    assert word(99, None, "lower_bound", "percent", lang="vi") == "trên 99 %"
    assert word(99, None, "lower_bound", "percent", lang="en") == "over 99 %"
    assert word(88, None, "approx", "percent", lang="vi") == "gần 88 %"
    assert word(81, 86, "range", "percent", lang="vi") == "81–86 %"
    assert word(95, None, "exact", "percent", lang="en") == "95 %"
    text = render(app, pages["edocs"].layout, lang="vi")
    assert "trên 99 %" in text and "gần 88 %" in text and "81–86 %" in text
    assert "99,0" not in text


def test_edocs_keeps_illustrative_apart_with_its_banner(app, pages):
    with app.server.test_request_context("/"):
        section = pages["edocs"].unit_section("district", "EDOC_SIGNED_SHARE_ILLUSTRATIVE", 2024, "en")
        province = edocs_data.province_rows("en")
    assert "ILLUSTRATIVE" in text_of(section)
    assert set(province["data_kind"]) <= {"official", "press"}
    assert set(province["unit_code"]) <= {"51", "62", "bql-kkt-dung-quat"}  # province-wide, Kon Tum, BQL


def test_edocs_callback_redraws_the_unit_section(client):
    payload = {
        "output": "edocs-unit-section.children",
        "outputs": {"id": "edocs-unit-section", "property": "children"},
        "inputs": [
            {"id": "edocs-group", "property": "value", "value": "department"},
            {"id": "edocs-index", "property": "value", "value": "EDOC_SIGNED_SHARE_ILLUSTRATIVE"},
            {"id": "edocs-year", "property": "value", "value": 2020},
        ],
        "state": [{"id": "edocs-lang", "property": "data", "value": "en"}],
        "changedPropIds": ["edocs-year.value"],
    }
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "ILLUSTRATIVE" in body and "2020" in body


def test_compare_callback_drops_units_of_the_other_group(app, pages):
    with app.server.test_request_context("/"):
        children, options, value = pages["compare"].update_compare(
            "department", ["522", "so-y-te"], "total", "vi"
        )
    assert value == ["so-y-te"]
    assert all(o["value"] != "522" for o in options)
    assert "ít nhất 2" in text_of(children)


def test_national_table_has_63_rows_for_2022(app, pages):
    with app.server.test_request_context("/"):
        rows, _ = pages["national"].table_rows(("NAT_DTI", 2022), "vi")
        egov, note = pages["national"].table_rows(("NAT_EGOV", 2017), "en")
    assert len({r["code"] for r in rows}) == len(rows) == 63  # one row per province, its sources beside
    assert sorted(r["rank"] for r in rows)[:1] == [1]
    assert {r["rank"] for r in rows if r["code"] == "51"} == {26}
    assert len({r["code"] for r in egov}) == 53 and "53 of 63" in text_of(note)


def test_national_says_the_34_province_change_in_words(app, pages):
    text = render(app, pages["national"].layout, lang="en")
    assert "5/34" in text and "34 provinces" in text and "out of 63" in text
    assert "42/63" in text and "21/63" in text


def test_methodology_in_both_languages(app, pages):
    vi = render(app, pages["methodology"].layout, lang="vi")
    en = render(app, pages["methodology"].layout, lang="en")
    assert "1, 2, 2, 4" in vi and "1, 2, 2, 4" in en
    assert "Tây Trà" in vi and "96" in en and "2020" in en
    assert "minh họa" in vi.lower() and "illustrative" in en.lower()


@pytest.mark.parametrize(
    "path", ["/nhung/ban-do?year=2022", "/nhung/don-vi/526", "/nhung/so-sanh?units=522,526"]
)
def test_embed_pages_are_served(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("lang", LANGS)
def test_embed_layouts_have_no_site_chrome(app, pages, lang):
    embed = pages["embed"]
    with app.server.test_request_context("/"):
        views = [
            embed.map_layout(lang=lang, year="2022"),
            embed.unit_layout(code="526", lang=lang),
            embed.compare_layout(lang=lang, units="522,526"),
        ]
        bad = [embed.map_layout(lang=lang, year="1800"), embed.unit_layout(code="zz", lang=lang)]
    for view in views:
        assert "site-nav" not in str(view) and "site-footer" not in str(view)
        assert "Graph" in str(view)
    for view in bad:
        assert "empty-state" in str(view)


def test_embed_dialog_gives_an_iframe_snippet(app, pages):
    text = render(app, pages["compare"].layout, lang="vi", units="522,525")
    base = re.escape("http://localhost")  # the test request's own host, trusted as loopback (urls.absolute)
    assert re.search(rf'<iframe src="{base}/nhung/so-sanh\?[^"]*units=522%2C525', text)


def test_compare_meta_tags_name_the_picked_units(client):
    body = client.get("/so-sanh?units=522,526").get_data(as_text=True)
    assert re.search(r'og:title" content="[^"]*Thành phố Quảng Ngãi, Huyện Tây Trà', body)
    generic = client.get("/so-sanh?units=zzz").get_data(as_text=True)
    assert 'og:title" content="MINH HỌA – So sánh' in generic  # every compared figure is generated


def test_graph_config_speaks_vietnamese(app):
    from dashboard.config import REPO_ROOT
    from dashboard.figures.compare import graph_config

    assert graph_config("vi")["locale"] == "vi" and graph_config("en")["locale"] == "en"
    # The texts come with the partial plotly.js bundle, registered once, not with every graph.
    assert "locales" not in graph_config("vi")
    bundle = (REPO_ROOT / "dashboard" / "vendor" / "plotly-partial.min.js").read_text(encoding="utf-8")
    assert '"Download plot as a PNG":"T\\u1EA3i bi\\u1EC3u \\u0111\\u1ED3 d\\u1EA1ng PNG"' in bundle
