"""The truth test for dates: a unit's or a reform's date is shown and downloaded as its source prints it,
with its precision ("đầu năm 2020", "2016", "2025"), never completed to a day the source does not print
(issue 24, item 5: 2020-02-01 for Đức Phổ, 2020-01-31 for Tây Trà, 2016-01-01 for the economic-zone board,
the plan's approval day 18/2/2025 as the departments' end)."""

from __future__ import annotations

import csv
import re
from datetime import date

import pytest

from dashboard.config import REPO_ROOT
from dashboard.domain import valid_in_year
from dashboard.domain.dates import printed_day, published_date
from tests.support.component_dicts import as_component, walk

REFERENCE = REPO_ROOT / "data" / "reference"
SHARED = next(
    (
        p
        for p in (REPO_ROOT.parent / "shared" / "data", REPO_ROOT.parent.parent / "shared" / "data")
        if p.exists()
    ),
    REPO_ROOT / "no-shared-data",
)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MERGED_DEPARTMENTS = (
    "so-ke-hoach-dau-tu",
    "so-giao-thong-van-tai",
    "so-lao-dong-tbxh",
    "so-nong-nghiep-ptnt",
    "so-tai-nguyen-moi-truong",
)
APPROVAL_DAY = "2025-02-18"  # the day the merger plan was approved (nhandan), not the day of any merger


def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _text(node: object) -> str:
    node = as_component(node)
    if isinstance(node, str | int | float):
        return str(node)
    if isinstance(node, list | tuple):
        return "".join(_text(child) for child in node)
    return _text(getattr(node, "children", None)) if node is not None else ""


@pytest.fixture(scope="module")
def profile(app):
    """The rendered profile of a unit, once per (code, language): its validity line and lineage items."""
    from dashboard.pages import unit

    seen: dict[tuple[str, str], tuple[str, list[str]]] = {}

    def rendered(code: str, lang: str) -> tuple[str, list[str]]:
        if (code, lang) not in seen:
            with app.server.test_request_context("/"):
                page = unit.layout(code=code, lang=lang)
            facts = next(c for c in walk(page) if type(c).__name__ == "Dl")
            valid = _text(list(facts.children)[5])
            items = [_text(c.children) for c in walk(page) if type(c).__name__ == "Li"]
            seen[code, lang] = (valid, items)
        return seen[code, lang]

    return rendered


# --- the dates as published, read with their precision -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last", "day"),
    [
        ("2025-07-01", date(2025, 7, 1), date(2025, 7, 1), date(2025, 7, 1)),
        ("tháng 7/2025", date(2025, 7, 1), date(2025, 7, 31), None),
        ("2016", date(2016, 1, 1), date(2016, 12, 31), None),
        ("đầu năm 2020", date(2020, 1, 1), date(2020, 12, 31), None),
        ("2020 (đầu năm)", date(2020, 1, 1), date(2020, 12, 31), None),
    ],
)
def test_a_published_date_keeps_its_precision_and_never_becomes_a_day(text, first, last, day):
    parsed = published_date(text)
    assert parsed and (parsed.shown, parsed.first, parsed.last, parsed.day) == (text, first, last, day)
    assert printed_day(text) == day


def test_a_date_known_to_a_year_decides_validity_without_a_day():
    began, ended = published_date("2020"), published_date("2020")
    assert began and ended
    # began during 2020: there on 31/12/2020; ended during 2020: not there on 31/12/2020, there on 31/12/2019
    assert valid_in_year(began.valid_from, None, 2020) and not valid_in_year(began.valid_from, None, 2019)
    assert not valid_in_year(None, ended.valid_to, 2020) and valid_in_year(None, ended.valid_to, 2019)
    with pytest.raises(ValueError):
        published_date("sau sáp nhập")


# --- the reference files hold no day their sources do not print --------------------------------------------


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not on this machine")
def test_reference_files_hold_only_days_their_sources_print():
    with (SHARED / "qn_units.csv").open(encoding="utf-8", newline="") as handle:
        shared = list(csv.DictReader(handle))
    printed = {r[c] for r in shared for c in ("valid_from", "valid_to") if ISO_DAY.fullmatch(r[c])}
    assert APPROVAL_DAY not in printed
    for name, columns in (("units.csv", ("valid_from", "valid_to")), ("lineage.csv", ("event_date",))):
        for number, row in enumerate(_rows(name), start=2):
            for column in columns:
                value = row[column]
                assert published_date(value) is not None or not value, f"{name}:{number} {column} {value!r}"
                assert not ISO_DAY.fullmatch(value) or value in printed, (
                    f"{name}:{number} {column} {value!r}: a day no stored source prints for this unit"
                )


def test_the_dates_of_issue_24_are_stored_as_printed():
    units = {(r["code"], r["name_vi"]): r for r in _rows("units.csv")}
    assert units["534", "Thị xã Đức Phổ"]["valid_from"] == "2020"
    assert units["534", "Huyện Đức Phổ"]["valid_to"] == "2020"
    assert units["526", "Huyện Tây Trà"]["valid_to"] == "2020"
    assert next(r for r in units.values() if r["code"] == "bql-kkt-dung-quat")["valid_from"] == "2016"
    for code in MERGED_DEPARTMENTS:
        assert next(r for r in units.values() if r["code"] == code)["valid_to"] == "2025", code
    lineage = {(r["from_code"], r["to_code"]): r for r in _rows("lineage.csv")}
    assert lineage["534", "534"]["event_date"] == "đầu năm 2020"
    assert lineage["526", "525"]["event_date"] == "2020"
    assert all(r["event_date"] == "2025" for (code, _), r in lineage.items() if code in MERGED_DEPARTMENTS)


# --- pages and downloads show the dates as printed ---------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "lang", "valid", "lineage"),
    [
        ("534", "vi", "… – 30/6/2025", "đầu năm 2020: Huyện Đức Phổ thành thị xã Đức Phổ"),
        ("534", "en", "… – 30/6/2025", "early 2020: Huyện Đức Phổ thành thị xã Đức Phổ"),
        ("526", "vi", "… – 2020", "2020: Huyện Trà Bồng"),
        ("bql-kkt-dung-quat", "vi", "2016 – …", None),
        ("so-ke-hoach-dau-tu", "vi", "… – 2025", "2025: Sở Tài chính"),
        ("so-nong-nghiep-moi-truong", "vi", "2025 – …", "2025: Sở Nông nghiệp và Phát triển nông thôn"),
    ],
)
def test_profiles_show_the_dates_as_published(profile, code, lang, valid, lineage):
    shown, items = profile(code, lang)
    assert shown == valid
    if lineage:
        assert any(item.startswith(lineage) for item in items), items
    invented = re.compile(r"2020-0[12]-\d\d|1/2/2020|31/1/2020|2016-01-01|1/1/2016|2025-02-18|^18/2/2025")
    assert not [i for i in [shown, *items] if invented.search(i)], [shown, *items]


def test_search_says_when_a_unit_ended_as_published(app):
    from dashboard.assemble import search

    with app.server.test_request_context("/"):
        [tay_tra] = [h for h in search.find("tay tra", "vi") if h.code == "526"]
    assert tay_tra.ended == "2020"


def _download(client, resource: str) -> list[dict[str, str]]:
    response = client.get(f"/api/v1/{resource}.csv")
    assert response.status_code == 200
    return list(csv.DictReader(response.get_data(as_text=True).lstrip("\ufeff").splitlines()))


def test_downloads_carry_the_dates_as_published_and_only_printed_days(client):
    units = _download(client, "units")
    by_code = {r["code"]: r for r in units}
    assert (by_code["526"]["valid_to"], by_code["526"]["valid_to_shown"]) == ("", "2020")
    assert (by_code["bql-kkt-dung-quat"]["valid_from"], by_code["bql-kkt-dung-quat"]["valid_from_shown"]) == (
        "",
        "2016",
    )
    assert by_code["so-ke-hoach-dau-tu"]["valid_to_shown"] == "2025"
    assert (by_code["23530"]["valid_from"], by_code["23530"]["valid_from_shown"]) == ("2025-07-01",) * 2
    checks = (
        (units, (("valid_from", "valid_from_shown"), ("valid_to", "valid_to_shown"))),
        (_download(client, "lineage"), (("event_date", "event_date_shown"),)),
        (_download(client, "events"), (("event_date", "date_published"),)),
    )
    for rows, pairs in checks:
        for row in rows:
            for day, shown in pairs:
                # a date cell holds the day the text beside it prints, or nothing
                printed = printed_day(row[shown])
                assert row[day] == (printed.isoformat() if printed else ""), row
    lineage = {(r["from_code"], r["to_code"]): r for r in _download(client, "lineage")}
    assert lineage["534", "534"]["event_date_shown"] == "đầu năm 2020"
