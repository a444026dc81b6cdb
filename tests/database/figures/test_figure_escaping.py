"""Names from imported data show literally in every figure: plotly's HTML subset (titles, legends, hover,
annotations, tick labels) and hovertemplate fields are escaped where a name enters a figure (issue 15).

The data are imported through the importer from a copy of data/ in which one commune and one sub-index
are renamed with markup; the session app's queries read that database for the duration of the module.
"""

from __future__ import annotations

import csv
import html
import shutil
from collections.abc import Iterator

import pytest
from dash import dcc
from dash.development.base_component import Component

from dashboard import db, queries
from dashboard.figures import charts
from dashboard.figures import compare as compare_figures
from dashboard.figures.text import plotly_text
from dashboard.geo import maps
from dashboard.ingest.importer import build_all
from tests.conftest import DATA_DIR

MARKUP = '<b>Zq9</b> <a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)> %{y} & <br>'
SHOWN = "&lt;b&gt;Zq9&lt;/b&gt;"  # how every figure must carry it
COMMUNE, OTHER, SUB_INDEX = "23430", "21034", "DTI25_AWARE"


def test_plotly_text_escapes_markup_and_template_fields_only():
    assert plotly_text(MARKUP) == (
        '&lt;b&gt;Zq9&lt;/b&gt; &lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt; '
        "&lt;img src=x onerror=alert(1)&gt; &#37;{y} &amp; &lt;br&gt;"
    )
    assert plotly_text("Huyện Lý Sơn – 100%") == "Huyện Lý Sơn – 100%"
    assert html.unescape(plotly_text(MARKUP)) == MARKUP  # what plotly decodes (&amp; &lt; &gt; &#37;)


def test_builders_keep_their_own_markup_around_escaped_names():
    import pandas as pd

    frame = pd.DataFrame({"series": [MARKUP, MARKUP], "year": [2020, 2021], "value": [1.0, 2.0]})
    figure = charts.year_lines(frame, lang="vi", title="A<br><sup>B</sup>", source_line="S", y_title="y")
    # The caller's title is markup: its tags survive unescaped (its line breaks are re-flowed to fit a phone).
    assert figure["layout"]["title"]["text"] == "A <sup>B</sup>"
    line = figure["data"][0]
    assert line["name"] == plotly_text(MARKUP) and line["hovertemplate"] == "%{text}"
    texts = {(MARKUP, 2021): "2/63"}
    assert compare_figures.point_texts(figure, texts)["data"][0]["text"][-1] == "2/63"  # still matched
    bars = compare_figures.labelled_bars(
        pd.DataFrame({"label": [MARKUP], "value": [3.0], "text": ["3 %"]}),
        lang="en", title="T", source_line="S", x_title="%",
    )  # fmt: skip
    assert bars["data"][0]["y"] == [compare_figures.wrap(plotly_text(MARKUP), width=30)]
    assert "<br>" in bars["data"][0]["y"][0]  # the wrap's own line breaks survive
    ended = compare_figures.end_notes(figure, [(2021, 2.0, f"→ {MARKUP}")])
    assert ended["layout"]["annotations"][-1]["text"] == f"→ {plotly_text(MARKUP)}"
    assert bars["data"][0]["hovertemplate"] == "%{y}: %{text}<extra></extra>"


def _renamed_copy(target) -> None:
    shutil.copytree(DATA_DIR, target)
    for name, key, columns in (("units.csv", COMMUNE, ("name_vi", "name_en")),
                               ("indicators.csv", SUB_INDEX, ("name_vi", "name_en"))):  # fmt: skip
        path = target / "reference" / name
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        for row in rows:
            if row["code"] == key:
                row.update({column: f"{MARKUP} {column}" for column in columns})
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


@pytest.fixture(scope="module")
def marked(app, settings, tmp_path_factory) -> Iterator[None]:
    """The session app reading a database imported from data/ with the names above."""
    folder = tmp_path_factory.mktemp("marked")
    _renamed_copy(folder / "data")
    engine = db.get_engine(f"sqlite:///{folder / 'marked.sqlite3'}")
    build_all(engine, folder / "data")
    maps.prepare_map_layers(engine, settings)
    previous = queries.engine()
    queries.bind(engine, settings)  # the data version differs, so no cache serves the session's data
    yield
    queries.bind(previous, settings)
    engine.dispose()


def _figures(tree: object) -> Iterator[dict]:
    if isinstance(tree, dcc.Graph):  # a plain dict, or a go.Figure (the map, for now)
        figure = tree.figure
        yield figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else figure
    if isinstance(tree, Component):
        yield from _figures(getattr(tree, "children", None))
    elif isinstance(tree, list | tuple):
        for child in tree:
            yield from _figures(child)


def _strings(node: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a figure dict with the path it sits at ('layout.title.text', 'data.name'...)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _strings(item, path)
    elif isinstance(node, str):
        yield path, node


def _page_figures(app, lang: str) -> list[dict]:
    from dashboard.pages import compare, embed, home, unit

    with app.server.test_request_context(f"/?lang={lang}"):
        trees = [
            unit.layout(code=COMMUNE, lang=lang),
            home.layout(lang=lang, year="2025", group="commune"),
            compare.layout(lang=lang, units=f"{COMMUNE},{OTHER}", group="commune"),
            embed.unit_layout(code=COMMUNE, lang=lang),
            embed.map_layout(lang=lang, year="2025", group="commune"),
        ]
    return [figure for tree in trees for figure in _figures(tree)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_imported_names_show_escaped_in_every_figure(app, marked, lang):
    figures = _page_figures(app, lang)
    assert len(figures) >= 6
    places = set()
    for figure in figures:
        for path, text in _strings(figure):
            if "Zq9" not in text:
                continue
            assert SHOWN in text and "<b>Zq9" not in text, (path, text)
            assert "<a " not in text and "<img" not in text and "%{y} &" not in text, (path, text)
            places.add(path)
    # Legends, hover texts and category labels each carried a name. 2025 has one year, so its charts are
    # bars whose titles name the method and year (no unit or sub-index name): titles and annotations are
    # checked in the builder test above.
    for place in ("data.name", "data.hovertext", "data.y"):
        assert place in places, (place, sorted(places))
