"""The truth test for labels (issue 24, item 9): every surface that shows a generated figure says so, and
only as far as it is generated — the embed map's own title, the data tables under charts, the link
preview of /phuong-phap, a profile that mixes one real figure with generated ones — and the provincial
average of 34 provinces is never drawn on one line with the averages of 63."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard.views import national_position
from tests.support.component_dicts import walk

LABEL = {"vi": "MINH HỌA", "en": "ILLUSTRATIVE"}
SOME = {"vi": "có số liệu MINH HỌA", "en": "includes ILLUSTRATIVE figures"}


def _render(app, module: str, lang: str, **query: str) -> object:
    page = __import__(f"dashboard.pages.{module}", fromlist=["layout"])
    with app.server.test_request_context("/"):
        return page.layout(**query, lang=lang)


def _meta(client, path: str, lang: str) -> dict[str, str]:
    html = client.get(path, query_string={"lang": lang}).get_data(as_text=True)
    return {
        "title": re.search(r"<title>(.*?)</title>", html, re.S)[1],
        "description": re.search(r'<meta name="description" content="([^"]*)"', html)[1],
        "og": re.search(r'<meta property="og:description" content="([^"]*)"', html)[1],
    }


# --- (b) averages of different province counts are different series, each saying its count ---------------


def test_each_provincial_average_says_over_how_many_provinces_it_is():
    aggregates = pd.DataFrame(
        {
            "indicator_code": [
                "NAT_DTI_PROV_AVG",
                "NAT_DTI_PROV_AVG",
                "NAT_DTI_NATIONAL",
                "NAT_DTI_PROV_AVG",
            ],
            "year": [2021, 2024, 2024, 2023],
            "source_url": ["a", "b", "b", "c"],
        }
    )
    rankings = pd.DataFrame(
        {
            "source_url": ["a", "b", "b", "c", "c"],
            "year": [2021, 2024, 2024, 2023, 2023],
            "rank_of": [63, 34, 34, 63, 34],
        }
    )
    # c ranks in both groupings: its average could be of either, so its count is not said
    assert national_position.provinces_averaged(aggregates, rankings) == [63, 34, None, None]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "lang, of34, of63",
    [
        ("vi", "Trung bình 34 tỉnh", "Trung bình 63 tỉnh"),
        ("en", "Average of 34 provinces", "Average of 63 provinces"),
    ],
)
def test_the_2024_average_of_34_provinces_is_not_on_the_line_of_the_63_province_averages(
    app, lang, of34, of63
):
    page = _render(app, "national", lang)
    traces = [
        trace
        for c in walk(page)
        if getattr(c, "figure", None) is not None
        for trace in c.figure["data"]
        if "name" in trace
    ]
    averages = [trace for trace in traces if trace["name"] in (of34, of63)]  # (the monthly chart has months)
    years = {trace["name"]: {int(x) for x in trace["x"] if x is not None} for trace in averages}
    assert years.get(of34) == {2024}, years
    assert years.get(of63) == {2021, 2023}, years


# --- (c) the embed map's title, the data tables under charts, the methodology's link preview -------------


@pytest.mark.timeout(60)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_embed_maps_own_title_says_its_figures_are_generated(app, lang):
    from dashboard.pages import embed

    with app.server.test_request_context("/"):
        page = embed.map_layout(lang=lang)
    titles = [c.figure["layout"]["title"]["text"] for c in walk(page) if getattr(c, "figure", None)]
    headings = [c.children for c in walk(page) if type(c).__name__ in ("H1", "H2")]
    assert titles and all(title.startswith(LABEL[lang]) for title in titles), titles
    assert headings and all(str(h).startswith(LABEL[lang]) for h in headings), headings


@pytest.mark.timeout(60)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_data_table_under_a_chart_is_labelled_as_its_chart_is(app, lang):
    page = _render(app, "unit", lang, code="bql-kkt-dung-quat")
    captions = [
        str(c.children) for c in walk(page) if type(c).__name__ == "Summary" and "table_caption" not in str(c)
    ]
    from dashboard.i18n import t

    tables = [c for c in captions if t("profile.table_caption", lang) in c]
    assert len(tables) >= 3 and all(c.startswith(LABEL[lang]) for c in tables), tables


@pytest.mark.timeout(60)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_methodology_link_preview_says_some_figures_are_generated(client, lang):
    meta = _meta(client, "/phuong-phap", lang)
    assert all(SOME[lang] in text for text in meta.values()), meta


# --- (d) labelled per figure: a profile mixing real and generated figures is not "wholly generated" ------


@pytest.mark.timeout(60)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_profile_with_one_real_figure_is_not_titled_wholly_generated(client, lang):
    mixed = _meta(client, "/don-vi/bql-kkt-dung-quat", lang)
    assert all(SOME[lang] in text for text in mixed.values()), mixed
    assert not mixed["title"].startswith(LABEL[lang]) and not mixed["description"].startswith(LABEL[lang])
    generated = _meta(client, "/don-vi/525", lang)  # a district with generated figures only
    assert generated["title"].startswith(LABEL[lang]) and SOME[lang] not in generated["title"], generated


@pytest.mark.timeout(60)
def test_the_real_figure_of_a_mixed_profile_is_not_labelled_and_its_generated_charts_are(app):
    from tests.database.project.test_truth import rows_of  # the truth test's reading of a page's rows

    page = _render(app, "unit", "vi", code="bql-kkt-dung-quat")
    real = [r.text for r in rows_of(page) if "trên 99 %" in r.text]
    assert real and not any(LABEL["vi"] in text for text in real), real
    titles = [c.figure["layout"]["title"]["text"] for c in walk(page) if getattr(c, "figure", None)]
    assert titles and all(title.startswith(LABEL["vi"]) for title in titles), titles
