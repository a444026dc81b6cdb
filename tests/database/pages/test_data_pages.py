"""The catalogue (/du-lieu) and licence (/giay-phep) pages, rendered by calling layout() in a request."""

from __future__ import annotations

import pytest

from dashboard import queries
from dashboard.api import exports
from dashboard.i18n import t
from dashboard.views import wording
from tests.support.component_dicts import walk as _walk


@pytest.fixture(autouse=True)
def _no_rate_limit(app, monkeypatch):
    """These tests download a lot; the limit itself is tested with its own bucket."""
    monkeypatch.setitem(app.server.extensions, "export_rate_limiter", None)


def _text(node: object) -> str:
    parts = []
    for component in _walk(node):
        children = getattr(component, "children", None)
        items = children if isinstance(children, list | tuple) else [children]
        parts += [str(c) for c in items if isinstance(c, str | int | float)]
    return " ".join(parts)


def _render(app, module: str, lang: str):
    page = __import__(f"dashboard.pages.{module}", fromlist=["layout"])
    with app.server.test_request_context(f"/?lang={lang}"):
        return page.layout(lang=lang)


@pytest.mark.parametrize("lang, title", [("vi", "Dữ liệu mở"), ("en", "Open data")])
def test_catalogue_lists_every_dataset_with_downloads(app, lang, title):
    tree = _render(app, "data", lang)
    text = _text(tree)
    hrefs = [c.href for c in _walk(tree) if getattr(c, "href", None)]
    assert title in text
    with app.server.test_request_context():
        datasets = queries.datasets()
    from dashboard.pages.data import REFERENCE_RESOURCES

    for row in datasets.itertuples():
        assert row.id in text
        resource = row.id if row.id in REFERENCE_RESOURCES else "observations"
        for fmt in ("csv", "xlsx", "json"):
            wanted = f"/api/v1/{resource}.{fmt}"
            assert any(
                h.startswith(wanted) and (resource != "observations" or f"dataset={row.id}" in h)
                for h in hrefs
            ), (row.id, fmt)
        assert wording.licence_in(row.licence, lang) in text  # in the page's language
    # A bilingual licence is shown in the page's language only.
    other = "Open data, cite the source" if lang == "vi" else "ghi rõ nguồn / Open data"
    assert other not in text
    assert any(h.startswith("/api/v1/datapackage.json") for h in hrefs)
    assert any(h.startswith("/giay-phep") for h in hrefs)
    assert "47/2020" in text


def test_licence_page_in_english_says_nothing_in_vietnamese_but_names(app):
    text = _text(_render(app, "licence", "en"))
    assert not [word for word in ("Dữ liệu", "ghi rõ", "số liệu", "Nguồn:") if word in text]


def test_catalogue_marks_illustrative_datasets(app):
    tree = _render(app, "data", "en")
    rows = [
        c
        for c in _walk(tree)
        if type(c).__name__ == "Tr" and "illustrative-row" in (getattr(c, "className", None) or "")
    ]
    with app.server.test_request_context():
        datasets = queries.datasets()
    illustrative = datasets["kinds"].fillna("").str.contains("illustrative").sum()
    assert len(rows) == illustrative > 0
    assert all("ILLUSTRATIVE" in _text(row) for row in rows)


def test_every_catalogue_download_link_works(app, client):
    tree = _render(app, "data", "vi")
    hrefs = {c.href for c in _walk(tree) if str(getattr(c, "href", "")).startswith("/api/v1/")}
    assert len(hrefs) > 60
    for href in sorted(hrefs):
        response = client.get(href)
        response.get_data()
        assert response.status_code == 200, href


def test_reference_resources_match_the_api():
    from dashboard.pages.data import REFERENCE_RESOURCES

    assert set(REFERENCE_RESOURCES) | {"observations"} == set(exports.RESOURCES)


@pytest.mark.parametrize("lang, title", [("vi", "Giấy phép dữ liệu mở"), ("en", "Open data licence")])
def test_licence_page_renders(app, client, lang, title):
    text = _text(_render(app, "licence", lang))
    assert title in text and "47/2020" in text
    assert t("licence.illustrative", lang) in text
    assert ("Nguồn:" if lang == "vi" else "Source:") in text  # the citation example
    assert client.get("/giay-phep").status_code == 200


def test_a_corrected_figure_says_so_where_it_is_shown():
    import pandas as pd

    from dashboard.components import corrections_note

    assert corrections_note(pd.DataFrame({"document": [], "corrected_at": []}), lang="vi") is None
    frame = pd.DataFrame(
        {
            "document": ["77/QĐ-UBND", "77/QĐ-UBND"],
            "corrected_at": pd.to_datetime(["2026-03-20T08:00:00Z", "2026-03-21T08:00:00Z"]),
        }
    )
    note = str(corrections_note(frame, lang="en"))
    assert "2 values here were corrected (latest on 2026-03-21, by 77/QĐ-UBND)" in note
    assert "/du-lieu?lang=en#dinh-chinh" in note or "/du-lieu#dinh-chinh" in note
