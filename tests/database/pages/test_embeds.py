"""Embedded views: one <h1>, everything in <main>, every year and every scale (issue 11 leftovers)."""

from __future__ import annotations

import json

import pytest
from dash import dcc, html

LANGS = ("vi", "en")


@pytest.fixture(scope="module")
def embed(app):
    from dashboard.pages import embed

    return embed


def parts(app, layout, **query):
    with app.server.test_request_context("/"):
        tree = layout(**query)
    return tree, list(tree._traverse())


def graphs(components) -> list[dict]:
    return [c.figure for c in components if isinstance(c, dcc.Graph)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("map_layout", {"year": "2022"}),
        ("unit_layout", {"code": "526"}),
        ("compare_layout", {"units": "522,526"}),
    ],
)
def test_an_embed_has_one_heading_and_everything_inside_main(app, embed, lang, name, query):
    tree, components = parts(app, getattr(embed, name), lang=lang, **query)
    headings = [c for c in components if isinstance(c, html.H1)]
    assert len(headings) == 1 and headings[0].children
    assert isinstance(tree.children, html.Main)  # the source line and the link back are in it too
    assert any(isinstance(c, html.A) for c in tree.children._traverse())


@pytest.mark.parametrize("lang", LANGS)
def test_the_unit_embed_shows_2025_on_its_own_scale(app, embed, lang):
    _, components = parts(app, embed.unit_layout, code="so-ngoai-vu", lang=lang)
    figures = graphs(components)
    years = [{x for trace in f["data"] for x in trace["x"] if x is not None} for f in figures[:-1]]
    assert len(figures) >= 2
    assert all(2025 not in span for span in years)  # never on the axis of a percent or a 100-point scale
    # 2025 is its method's only year: a bar beside the group's median, not a one-dot line
    last = figures[-1]
    assert [trace["type"] for trace in last["data"]] == ["bar"] and "2025" in last["layout"]["title"]["text"]
    assert "1.000" in json.dumps(last["layout"]["xaxis"]["title"], ensure_ascii=False) or lang == "en"


def test_the_compare_embed_shows_every_scale(app, embed):
    _, components = parts(app, embed.compare_layout, units="so-ngoai-vu,so-tu-phap", lang="vi")
    figures = graphs(components)
    years = [{x for trace in f["data"] for x in trace["x"] if x is not None} for f in figures[:-1]]
    assert len(figures) >= 2 and min(years[0]) < 2020 and all(2025 not in span for span in years)
    # 2025, the only year of its method, draws the units side by side, titled by that method and year
    last = figures[-1]
    assert [trace["type"] for trace in last["data"]] == ["bar"] and len(last["data"][0]["y"]) == 2
    assert "2025" in last["layout"]["title"]["text"] and "/1.000" in last["data"][0]["text"][0]
