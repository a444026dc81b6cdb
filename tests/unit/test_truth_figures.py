"""The truth test for the figures of issue 24 that were missing or misnamed: the agencies on the e-document
system (108), the procedures digitised (2.184) and QĐ 958/QĐ-UBND shown with their source (item 10); the
names of provinces as the source of that year and grouping writes them (item 8)."""

from __future__ import annotations

import csv

import pytest
from test_truth import SHARED, rows_of

from dashboard.config import REPO_ROOT

SYSTEM_SOURCE = "vietnam.vn/en/quang-ngai-day-manh-chuyen-doi-so"


@pytest.fixture(scope="module")
def render(app):
    """Render a page module's layout, once per (module, language)."""
    seen: dict[tuple[str, str], object] = {}

    def rendered(module: str, lang: str) -> object:
        if (module, lang) not in seen:
            page = __import__(f"dashboard.pages.{module}", fromlist=["layout"])
            with app.server.test_request_context("/"):
                seen[module, lang] = page.layout(lang=lang)
        return seen[module, lang]

    return rendered


# --- item 10: the e-document system's agencies and procedures, and QĐ 958/QĐ-UBND --------------------------


@pytest.mark.parametrize(
    ("lang", "agencies", "procedures"),
    [
        ("vi", ["108", "Số cơ quan sử dụng hệ thống văn bản điện tử", "Tất cả các cấp", "2025"], "2.184"),
        ("en", ["108", "Agencies using the e-document system", "All levels", "2025"], "2,184"),
    ],
)
def test_the_e_document_page_shows_the_agencies_and_procedures_with_their_source(
    render, lang, agencies, procedures
):
    rows = rows_of(render("edocs", lang))
    system = [r for r in rows if all(m in r.text for m in agencies)]
    assert system and any(SYSTEM_SOURCE in link for r in system for link in r.links), [r.text for r in rows]
    digitised = [r for r in rows if procedures in r.text and "2025" in r.text]
    assert digitised and any(SYSTEM_SOURCE in link for r in digitised for link in r.links)


def test_qd_958_is_on_the_timeline_with_its_date_and_source(render):
    rows = rows_of(render("methodology", "vi"))
    decision = [r for r in rows if r.text.startswith("20/6/2025 |") and "958/QĐ-UBND" in r.text]
    assert decision and all(any(SYSTEM_SOURCE in link for link in r.links) for r in decision), [
        r.text[:60] for r in rows
    ]


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not on this machine")
def test_the_e_document_system_rows_of_the_shared_data_are_imported_as_printed():
    with (SHARED / "qn_egov_facts_2025.csv").open(encoding="utf-8", newline="") as handle:
        facts = {r["indicator"]: r for r in csv.DictReader(handle)}
    with (REPO_ROOT / "data" / "observations" / "edoc_province.csv").open(encoding="utf-8") as handle:
        stored = {r["indicator"]: r for r in csv.DictReader(handle)}
    assert facts["Cơ quan dùng hệ thống điện tử"]["value"].startswith(stored["EDOC_SYSTEM_AGENCIES"]["value"])
    assert facts["TTHC số hóa (toàn trình / một phần)"]["value"].startswith(
        stored["PROCEDURES_DIGITISED"]["value_published"]
    )
    with (REPO_ROOT / "data" / "reference" / "events.csv").open(encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))
    decision = facts["Mã định danh điện tử cơ quan (bổ sung)"]
    assert any(e["date"] == decision["as_of"] and "958/QĐ-UBND" in e["legal_basis"] for e in events)
