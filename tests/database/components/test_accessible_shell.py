"""The accessible HTML page (issue 14): language and title from the server, one footer, a loading frame,
404 for unknown paths and units, Dash components in the page's language, the configured contact."""

from __future__ import annotations

import re

import pytest
from dash import dcc, html

from dashboard.components import page_frame, radio
from dashboard.components.localize import localize_tree


def _html(client, path: str):
    response = client.get(path)
    return response, response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        ("/", "vi", "Tổng quan – CNTT &amp; Văn bản điện tử Quảng Ngãi"),
        ("/xep-hang?lang=en", "en", "Rankings – Quảng Ngãi IT &amp; e-documents"),
        ("/don-vi/525?lang=en", "en", "Unit profile – Quảng Ngãi IT &amp; e-documents"),
        ("/tro-nang", "vi", "Tuyên bố về trợ năng – CNTT &amp; Văn bản điện tử Quảng Ngãi"),
    ],
)
def test_the_server_writes_the_language_and_a_translated_title(client, path, lang, title):
    response, body = _html(client, path)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in body
    served = re.search(r"<title>(.*?)</title>", body)[1]
    # Pages of generated figures carry the label before it (tests/database/project/test_truth.py checks
    # which).
    assert served == title or served.endswith(f" – {title}") or served.endswith(f": {title}"), served


def test_one_footer_and_a_loading_frame_instead_of_loading_dots(client):
    _response, body = _html(client, "/?lang=en")
    assert "<footer" not in body  # the page's own footer is drawn by the app; Dash's template had one more
    assert "Loading..." not in body
    assert 'class="loading-frame"' in body and "Loading the page…" in body


@pytest.mark.parametrize("path", ["/khong-co", "/don-vi/99999", "/xep-hang/thua", "/nhung/don-vi/99999"])
def test_unknown_paths_and_units_answer_404_with_the_friendly_page(client, path):
    response, body = _html(client, path)
    assert response.status_code == 404
    assert "react-entry-point" in body and "Không tìm thấy trang" in body


def test_one_html_page_carries_language_title_label_feeds_frame_and_preview_address(client):
    # One patch of Dash's HTML page does all of it (components.shell with components.page_meta's pieces).
    body = client.get("/du-lieu?lang=en", headers={"Host": "127.0.0.1:8443"}).get_data(as_text=True)
    assert '<html lang="en">' in body
    assert re.search(r"<title>(.*?)</title>", body)[1].startswith("Data – ")
    assert '<link rel="alternate" type="application/atom+xml"' in body  # the data page's feeds
    assert "Loading the page…" in body and "Loading..." not in body
    assert '<meta property="og:url" content="http://127.0.0.1:8443/du-lieu?lang=en">' in body
    labelled = client.get("/?lang=en").get_data(as_text=True)  # the overview shows generated figures
    assert "ILLUSTRATIVE" in re.search(r"<title>(.*?)</title>", labelled)[1]


def test_an_unknown_unit_is_a_404_no_cache_keeps(client):
    response = client.get("/don-vi/99999")
    assert response.status_code == 404
    assert response.headers["Cache-Control"] == "no-store"


def test_known_units_and_the_api_keep_their_status(client):
    assert client.get("/don-vi/525").status_code == 200
    assert client.get("/nhung/don-vi/525").status_code == 200
    assert client.get("/api/v1/datapackage.json").status_code == 200


def test_dash_components_get_the_page_language():
    dropdown = dcc.Dropdown(id="d", options=["a"], multi=True)
    graph = dcc.Graph(id="g", figure={}, config={"toImageButtonOptions": {"format": "svg"}})
    localize_tree(html.Div([html.Section([dropdown, graph])]), "vi")
    assert dropdown.labels["selected_count"] == "Đã chọn {num_selected}"
    assert dropdown.labels["search"] == "Tìm"
    assert graph.config["locale"] == "vi"
    assert graph.config["toImageButtonOptions"] == {"format": "svg"}  # the page's own settings are kept


def test_radio_groups_are_fieldsets_named_by_their_legend():
    from dashboard.components import control

    group = control("Nhóm", radio("g", [{"label": "A", "value": "a"}], "a"))
    assert isinstance(group, html.Fieldset)
    assert isinstance(group.children[0], html.Legend) and group.children[0].children == "Nhóm"


def test_the_document_title_follows_the_heading(in_request):
    frame = page_frame([html.H1("Xếp hạng 2024")], lang="vi", active="", path="/", query={}, updated=None)
    assert (
        frame.to_plotly_json()["props"]["data-page-title"]
        == "Xếp hạng 2024 – CNTT & Văn bản điện tử Quảng Ngãi"
    )


@pytest.fixture
def in_request(app):
    with app.server.test_request_context("/"):
        yield


def test_the_accessibility_contact_comes_from_the_settings(app, client):
    settings = app.server.config["DASHBOARD_SETTINGS"]
    _response, body = _html(client, "/_dash-layout")
    assert body  # the app is up
    from dashboard.pages import accessibility

    with app.server.test_request_context("/tro-nang"):
        app.server.config["DASHBOARD_SETTINGS"] = settings.__class__(
            **{**settings.__dict__, "accessibility_contact": "tro-nang@example.org"}
        )
        try:
            text = str(accessibility.layout(lang="en").to_plotly_json())
        finally:
            app.server.config["DASHBOARD_SETTINGS"] = settings
    assert "mailto:tro-nang@example.org" in text
    assert re.search(r"Accessibility feedback.*tro-nang@example.org", text)


def test_settings_read_the_contact_from_the_environment(tmp_path):
    from dashboard.config import Settings

    env = {"DASHBOARD_INSTANCE_DIR": str(tmp_path), "ACCESSIBILITY_CONTACT": " a11y@example.org "}
    assert Settings.from_env(env).accessibility_contact == "a11y@example.org"
    assert Settings.from_env({"DASHBOARD_INSTANCE_DIR": str(tmp_path)}).accessibility_contact == ""


def test_compare_small_multiples_keep_their_panel_titles():
    import pandas as pd

    from dashboard.figures.compare import small_multiples

    frame = pd.DataFrame(
        {"series": ["A", "A"], "panel": ["X", "Y"], "year": [2020, 2020], "value": [1.0, 2.0]}
    )
    panels = small_multiples(
        frame,
        lang="vi",
        source_line="Nguồn: x",
        panels=[("X", "Hạ tầng", 10), ("Y", "Nhân lực", 20)],
    )
    # One figure per panel, each with its own title (the chart's accessible name, assets/a11y.js).
    assert [p["layout"]["title"]["text"] for p in panels] == ["Hạ tầng (≤\u00a010)", "Nhân lực (≤\u00a020)"]
