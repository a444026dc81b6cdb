"""The truth test for the figures of issue 24 that were missing or misnamed: the agencies on the e-document
system (108), the procedures digitised (2.184) and QĐ 958/QĐ-UBND shown with their source (item 10); the
names of provinces as the source of that year and grouping writes them (item 8)."""

from __future__ import annotations

import csv
import re

import pytest

from dashboard import queries
from dashboard.config import REPO_ROOT
from tests.database.project.test_truth import SHARED, rows_of

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


@pytest.fixture(scope="module")
def real(app):
    """Every real observation, each unit named as the pages and downloads name it."""
    with app.server.test_request_context("/"):
        frame = queries.observations()
    return frame[frame["data_kind"] != "illustrative"]


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


# --- item 8: a province is named as its source names it, in that year and grouping -------------------------


def _dti_2024_rows(render, lang: str = "vi") -> dict[str, str]:
    """The national page's DTI 2024 rows by rank ('14/34', '2/63')."""
    rows = [r.text for r in rows_of(render("national", lang)) if r.text.startswith("2024 |")]
    ranks = ("2/34", "14/34", "16/34", "17/34", "2/63")
    return {rank: next((r for r in rows if f"| {rank} |" in r), "") for rank in ranks}


def test_dti_2024_in_34_provinces_names_the_provinces_of_1_july_2025(render):
    rows = _dti_2024_rows(render)
    assert "Thành phố Huế" in rows["2/34"] and "Thừa Thiên" not in rows["2/34"], rows["2/34"]
    assert "Tỉnh Lào Cai" in rows["14/34"] and "0,7167" in rows["14/34"], rows["14/34"]
    assert "Yên Bái" not in rows["14/34"]
    assert "Khánh Hòa" in rows["16/34"] and "0,7071" in rows["16/34"], rows["16/34"]
    # the merged city (17/34) and the old one (2/63) are two units of two years, never one name
    assert "Đà Nẵng" in rows["17/34"] and "Đà Nẵng" in rows["2/63"]
    merged, old = (re.search(r"Thành phố Đà Nẵng[^|·]*", rows[k]) for k in ("17/34", "2/63"))
    assert merged and old
    merged, old = merged[0].strip(), old[0].strip()
    assert merged != old and "Quảng Nam" in merged, (merged, old)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not on this machine")
def test_every_34_province_row_carries_the_name_of_the_34_province_list(real):
    with (SHARED / "provinces_2025.csv").open(encoding="utf-8", newline="") as handle:
        listed = {r["ma_tinh"]: r["ten_tinh_915"] for r in csv.DictReader(handle)}
    rows = real[real["indicator_code"] == "NAT_DTI_34"]
    assert len(rows) >= 10
    for code, name in zip(rows["unit_code"], rows["unit_name_vi"], strict=True):
        assert listed[code] in name, f"{code}: {name!r} is not the 34-province list's {listed[code]!r}"


def test_earlier_tables_keep_the_names_of_their_year(real):
    by_key = {(r.indicator_code, r.year, r.unit_code): r.unit_name_vi for r in real.itertuples()}
    assert by_key["NAT_EGOV", 2017, "10"] == "Tỉnh Lào Cai"  # printed "Lào Cai": code 10, not the later 15
    assert by_key["NAT_DTI", 2024, "48"] == "Thành phố Đà Nẵng"
    assert by_key["NAT_DTI", 2022, "46"] == "Tỉnh Thừa Thiên Huế"
