"""Browser journey of a new year published from nothing through /quan-tri, from the shipped data and
changing no file of the repository: the index set (the shipped template: 8 main indices, 1,000 points for
communes, 800 for departments without procedures, four levels), the units (two new, a rename, an alias),
then the 2025 annexes of departments (a central agency, a row not ranked, a unit the catalogue lacks, added
from the preview) and of the 96 communes in points; the methodology page shows the set with its decision
and the rankings show the new units."""

from __future__ import annotations

import csv
import io
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from dashboard.admin import accounts
from dashboard.config import REPO_ROOT
from tests.browser.conftest import console_errors
from tests.browser.test_browser import wait_for, wait_until
from tests.browser.test_publishing import _fill, _post, _publish
from tests.database.core.test_new_year_cli import FIXTURES, communes_annex, repository_state

pytestmark = [pytest.mark.browser, pytest.mark.changes_data]

EMAIL = "namoi@skhcn.quangngai.gov.vn"
PASSWORD = "mot mat khau du dai cho nam moi"
METHOD = "qn-dti-2025-trinh-duyet"
SOURCE = "https://example.invalid/thu-nghiem-trinh-duyet"
NEW_AGENCY = "Ban Thử nghiệm trên trình duyệt"


def _csv(url: str) -> list[dict[str, str]]:
    """A download of the live server, read as its users' tools read it."""
    with urllib.request.urlopen(url, timeout=30) as response:  # the live server on 127.0.0.1
        return list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))


def _submit(driver, preview_heading: str) -> str:
    return _submit_form(driver, "main form button[type=submit]", preview_heading)


def _submit_form(driver, button: str, preview_heading: str) -> str:
    return _post(driver, button, lambda heading: heading == preview_heading)[1]


def _annex(driver, live_server: str, annex: Path, document: str) -> str:
    driver.get(f"{live_server}/quan-tri/nhap-du-lieu")
    wait_for(driver, "#file")
    driver.find_element(By.ID, "file").send_keys(str(annex))
    _fill(driver, "year", "2025")
    driver.find_element(By.CSS_SELECTOR, f"#methodology option[value='{METHOD}']").click()
    _fill(driver, "issuer", "Đơn vị thử nghiệm")
    _fill(driver, "document", document)
    _fill(driver, "source_url", SOURCE)
    return _submit(driver, "Xem trước")


@pytest.mark.timeout(900)
def test_a_new_year_is_published_from_the_browser(live_server, browser, built_engine, tmp_path):
    before = repository_state()
    accounts.add(built_engine, EMAIL, PASSWORD, role="publisher")
    browser.get(f"{live_server}/quan-tri/bo-chi-so")
    wait_for(browser, "#email")
    _fill(browser, "email", EMAIL)
    _fill(browser, "password", PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    wait_for(browser, "#file")

    browser.get(f"{live_server}/quan-tri/bo-chi-so")  # 1. the index set
    wait_for(browser, "#file")
    browser.find_element(By.ID, "file").send_keys(
        str(REPO_ROOT / "data" / "templates" / "bo-chi-so-mau.xlsx")
    )
    for field, value in (
        ("code", METHOD),
        ("name_vi", "Bộ chỉ số thử nghiệm trên trình duyệt"),
        ("issuer", "Đơn vị thử nghiệm"),
        ("document", "Tài liệu thử nghiệm số 6 ngày 15/3/2026"),
        ("source_url", SOURCE),
        ("first_year", "2025"),
    ):
        _fill(browser, field, value)
    text = _submit(browser, "Xem trước bộ chỉ số")
    assert "Mức 4 ≥ 75 %, Mức 3 ≥ 50 %, Mức 2 ≥ 25 %, Mức 1 ≥ 0 %" in text
    _publish(browser)

    browser.get(f"{live_server}/quan-tri/don-vi")  # 2. the units
    wait_for(browser, "#file")
    browser.find_element(By.ID, "file").send_keys(str(FIXTURES / "don-vi-2025.csv"))
    text = _submit(browser, "Xem trước thay đổi đơn vị")
    assert "Đổi tên ban-dan-toc Ban Dân tộc Sở Dân tộc và Tôn giáo" in text
    assert "Tên gọi khác 21484 Xã Ba Tơ UBND xã Ba Tơ" in text
    _publish(browser)

    # 3. One annex, as a decision prints it: the departments' blocks, then the communes' (block III).
    communes = communes_annex(tmp_path / "phu-luc-xa-2025.csv")
    lines = (tmp_path / "phu-luc-xa-2025.csv").read_text(encoding="utf-8").splitlines()[1:]
    lines[0] = lines[0].replace("I,", "III,", 1)
    annex = tmp_path / "phu-luc-2025.csv"
    departments = (FIXTURES / "phu-luc-so-2025.csv").read_text(encoding="utf-8")
    # A unit the catalogue lacks: the preview offers to add it, and it is published with the annex.
    departments = departments.replace("3,Cục Thuế", f'4,{NEW_AGENCY},"640,00",4\n3,Cục Thuế', 1)
    annex.write_text(departments + "\n".join(lines) + "\n", encoding="utf-8")
    text = _annex(browser, live_server, annex, "Tài liệu thử nghiệm số 7")
    assert "Tên đơn vị chưa có trong danh mục: 1" in text and NEW_AGENCY in text, text
    choice = browser.find_element(By.CSS_SELECTOR, "#unknown-units select")
    choice.find_element(By.CSS_SELECTOR, "option[value='add:department']").click()
    text = _submit_form(browser, "#unknown-units button[type=submit]", "Xem trước")
    assert "Lỗi: 0;" in text and "Cục Thuế tỉnh Quảng Ngãi" in text and "Xã Ba Tơ" in text, text
    chosen = browser.find_element(By.ID, "chosen-units").text
    assert f"{NEW_AGENCY}: Đơn vị mới: sở, ban, ngành, cơ quan" in chosen
    assert len(communes) == 96
    _publish(browser)

    browser.get(f"{live_server}/phuong-phap")  # the set with its decision
    wait_for(browser, f"#method-{METHOD}")
    method = browser.find_element(By.ID, f"method-{METHOD}").text
    assert "Bộ chỉ số thử nghiệm trên trình duyệt" in method and "Đơn vị thử nghiệm" in method
    browser.get(f"{live_server}/xep-hang?year=2025&group=department")
    wait_for(browser, "#rankings-grid .ag-row")
    wait_until(browser, lambda d: "Cục Thuế tỉnh Quảng Ngãi" in d.find_element(By.TAG_NAME, "main").text)
    assert "Sở Dân tộc và Tôn giáo" in browser.find_element(By.TAG_NAME, "main").text
    assert NEW_AGENCY in browser.find_element(By.ID, "rankings-grid").text
    # The downloads say the same: each row's maximum from its group, the row not ranked, the new set.
    rows = _csv(f"{live_server}/api/v1/observations.csv?year=2025&group=department&index=MAU_TONG")
    by_name = {r["unit_name_vi"]: r for r in rows if r["indicator_code"] == "MAU_TONG"}
    assert (by_name["Sở Nội vụ"]["max_value"], by_name["Sở Tư pháp"]["max_value"]) == ("800", "1000")
    treasury = by_name["Kho bạc Nhà nước tỉnh Quảng Ngãi"]
    assert (treasury["rank"], treasury["rank_computed"], treasury["not_ranked"]) == ("", "", "Không xếp hạng")
    assert by_name[NEW_AGENCY]["value_published"] == "640,00" and by_name[NEW_AGENCY]["rank"] == "4"
    screen = _csv(f"{live_server}/api/v1/ranking.csv?year=2025&group=department")
    assert any(NEW_AGENCY in row.values() for row in screen)  # the table on screen has it too
    maxima = _csv(f"{live_server}/api/v1/index_set_maxima.csv")
    ours = {
        (r["indicator_code"], r["unit_group"]): r["max_value"] for r in maxima if r["methodology"] == METHOD
    }
    assert (ours[("MAU_TONG", "so-khong-tthc")], ours[("MAU_TONG", "xa")]) == ("800", "1000")
    schemes = _csv(f"{live_server}/api/v1/class_schemes.csv")
    classes = [r["label_vi"] for r in schemes if r["methodology"] == METHOD]
    assert classes == ["Mức 4", "Mức 3", "Mức 2", "Mức 1"]
    assert console_errors(browser) == []
    assert repository_state() == before
