"""plotly.js shows an escaped name as typed: no bold, no link, no template field (issue 15). The figure
dicts are checked without a browser in tests/database/figures/test_figure_escaping.py; this checks that
plotly.js decodes what `plotly_text` writes into the literal name, and keeps our own markup working."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pandas as pd
import pytest

from dashboard.figures import charts
from dashboard.figures.text import plotly_text
from dashboard.web import plotly_bundle
from tests.browser.conftest import serving

pytestmark = pytest.mark.browser

NAME = '<b>Zq9</b> <a href="javascript:alert(1)">x</a> %{y} & R&D'


@pytest.fixture
def chart_url(own_dash) -> Iterator[str]:
    """A tiny Dash app (no callbacks) drawing a line chart with a series named NAME."""
    import dash

    # Two series: plotly shows a legend only then.
    frame = pd.DataFrame(
        {"series": [NAME, NAME, "B", "B"], "year": [2023, 2024] * 2, "value": [1.0, 2, 3, 4]}
    )
    figure = charts.year_lines(
        frame, lang="en", title=f"{plotly_text(NAME)}<br><sup>ours</sup>", source_line="S", y_title="y"
    )
    app = own_dash()
    app.layout = dash.html.Div([dash.dcc.Graph(id="chart", figure=figure)])
    assert plotly_bundle.install(app)
    with serving(app.server) as address:
        yield address


def test_an_escaped_name_shows_as_typed_in_title_and_legend(browser, chart_url: str) -> None:
    browser.get(chart_url)
    deadline = time.monotonic() + 30
    while not browser.execute_script("return document.querySelectorAll('.legendtext').length"):
        assert time.monotonic() < deadline, "the chart was not drawn"
        time.sleep(0.2)
    # The title is broken into lines at spaces to fit a phone: read it line by line, joined by the spaces.
    title = browser.execute_script(
        "return Array.from(document.querySelectorAll('.gtitle tspan.line'), t => t.textContent).join(' ')"
    )
    legend = browser.execute_script(
        "return Array.from(document.querySelectorAll('.legendtext'), t => t.textContent)"
    )
    assert legend == [NAME, "B"] and title.startswith(NAME)
    assert browser.execute_script("return document.querySelectorAll('.gtitle tspan[dy]').length") > 0  # <br>
    assert browser.execute_script("return document.querySelectorAll('svg a').length") == 0
    bold = "return Array.from(document.querySelectorAll('tspan')).filter(t => /bold/.test(t.style.cssText))"
    assert browser.execute_script(bold + ".length") == 0
