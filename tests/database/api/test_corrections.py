"""Corrections in public: the record a replace leaves is shown on /du-lieu and downloadable as CSV/JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, delete, insert

from dashboard import db
from tests.database.pages.test_data_pages import _render, _text

CORRECTION = {
    "corrected_at": datetime(2026, 3, 20, 8, 0, tzinfo=UTC),
    "dataset_id": "dti-2022-corrected",
    "replaced_dataset_id": "dti-2022",
    "document": "123/QĐ-UBND",
    "source_url": "https://example.invalid/qd-123",
    "unit_code": "so-noi-vu",
    "year": 2022,
    "period": "2022",
    "indicator_code": "DTI_TOTAL",
    "gov_level": "",
    "field": "value",
    "old_value": "95,26",
    "new_value": "96,00",
}


@pytest.fixture
def corrected(app, built_engine: Engine, request: pytest.FixtureRequest) -> Iterator[None]:
    """The session database with one correction recorded (removed afterwards); each change a new version.
    Another correction than CORRECTION through `parametrize("corrected", [values], indirect=True)`."""
    with built_engine.begin() as connection:
        connection.execute(insert(db.corrections).values(**getattr(request, "param", CORRECTION)))
        db.bump_data_version(connection)
    yield
    with built_engine.begin() as connection:
        connection.execute(delete(db.corrections))
        db.bump_data_version(connection)


def test_corrections_download_as_csv_with_names(client, corrected) -> None:
    response = client.get("/api/v1/corrections.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    lines = response.get_data(as_text=True).lstrip("\ufeff").split("\r\n")
    assert lines[0] == (
        "corrected_at,document,source_url,dataset_id,replaced_dataset_id,unit_code,unit_name_vi,unit_name_en,"
        "year,period,indicator_code,indicator_name_vi,indicator_name_en,field,old_value,new_value"
    )
    assert lines[1] == (
        "2026-03-20T08:00:00Z,123/QĐ-UBND,https://example.invalid/qd-123,dti-2022-corrected,dti-2022,"
        "so-noi-vu,Sở Nội vụ,Department of Home Affairs,2022,2022,DTI_TOTAL,Chỉ số chuyển đổi số (%),"
        'Digital transformation index (%),value,"95,26","96,00"'
    )


def test_corrections_download_as_json(client, corrected) -> None:
    body = json.loads(client.get("/api/v1/corrections.json").get_data(as_text=True))
    assert [(c["unit_code"], c["old_value"], c["new_value"], c["document"]) for c in body["corrections"]] == [
        ("so-noi-vu", "95,26", "96,00", "123/QĐ-UBND")
    ]


def test_corrections_in_another_format_are_a_json_404(client) -> None:
    response = client.get("/api/v1/corrections.xlsx")
    assert response.status_code == 404 and response.get_json()["error"]["status"] == 404


@pytest.mark.parametrize(
    ("lang", "parts"),
    [
        ("vi", ["Đính chính", "2026-03-20", "123/QĐ-UBND", "Sở Nội vụ", "(2022)", "giá trị: 95,26 → 96,00"]),
        ("en", ["Corrections", "2026-03-20", "Department of Home Affairs", "value: 95,26 → 96,00"]),
    ],
)
def test_catalogue_shows_each_correction(app, corrected, lang: str, parts: list[str]) -> None:
    text = _text(_render(app, "data", lang))
    assert all(part in text for part in parts), [part for part in parts if part not in text]


def test_catalogue_says_when_there_is_no_correction(app) -> None:
    assert "Chưa có đính chính nào." in _text(_render(app, "data", "vi"))


def test_officer_guide_is_served_and_linked(app, client) -> None:
    page = client.get("/api/v1/docs/huong-dan-cong-bo.html").get_data(as_text=True)
    assert "<h1>Hướng dẫn cán bộ" in page and "--dry-run" in page and "<table>" in page
    tree = _render(app, "data", "vi")
    from tests.database.pages.test_data_pages import _walk

    assert "/api/v1/docs/huong-dan-cong-bo.html" in [getattr(c, "href", None) for c in _walk(tree)]
