"""Domain facts in one place: codes, kinds, the unit-code pattern and localized()."""

from __future__ import annotations

import csv
import json
from collections import namedtuple
from datetime import date

import pandas as pd
import pytest

from dashboard import db
from dashboard.config import REPO_ROOT
from dashboard.domain import (
    GROUP_KINDS,
    PROVINCE_CODE,
    RANKED_KINDS,
    UNIT_CODE,
    UnitKind,
    last_data_year,
    localized,
)

UNITS = REPO_ROOT / "data" / "reference" / "units.csv"


def _units() -> list[dict[str, str]]:
    with UNITS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_shipped_unit_code_matches_the_pattern_and_kind() -> None:
    units = _units()
    assert all(UNIT_CODE.fullmatch(u["code"]) for u in units)
    # The country (VN) is a row of the national tables only, never a group of units on the pages.
    assert {u["kind"] for u in units} == {*GROUP_KINDS, "country"} == set(UnitKind)
    assert set(RANKED_KINDS) < set(GROUP_KINDS)


def test_unit_kinds_are_plain_strings_wherever_they_go() -> None:
    assert db.UNIT_KINDS == ("country", "province", "department", "district", "commune")
    assert all(type(kind) is str for kind in db.UNIT_KINDS)  # the CHECK constraint is written from them
    assert UnitKind.COMMUNE == "commune" and f"group.{UnitKind.COMMUNE}" == "group.commune"
    assert json.dumps(list(RANKED_KINDS)) == '["district", "department", "commune"]'
    assert pd.Series(["commune", "village"]).isin(RANKED_KINDS).tolist() == [True, False]


def test_province_code_is_quang_ngai() -> None:
    province = next(u for u in _units() if u["code"] == PROVINCE_CODE)
    assert province["kind"] == "province" and "Quảng Ngãi" in province["name_vi"]


@pytest.mark.parametrize("code", ["a_b", "522.0", "", "-522", "522 ", "x" * 41])
def test_unit_code_pattern_refuses_what_cannot_exist(code: str) -> None:
    assert not UNIT_CODE.fullmatch(code)


def test_localized_reads_dicts_series_frames_and_named_tuples() -> None:
    row = {"name_vi": "Sở Tài chính", "name_en": "Department of Finance"}
    assert localized(row, "name", "vi") == "Sở Tài chính"
    assert localized(row, "name", "en") == "Department of Finance"
    assert localized(row, "name", None) == "Sở Tài chính"  # the default language
    assert localized(pd.Series(row), "name", "en") == "Department of Finance"
    frame = pd.DataFrame([row])
    assert localized(frame, "name", "vi").tolist() == ["Sở Tài chính"]
    named = next(frame.itertuples(index=False))
    assert localized(named, "name", "en") == "Department of Finance"
    assert localized(namedtuple("R", "title_vi title_en")("a", "b"), "title", "en") == "b"


def test_last_data_year_is_the_last_31_december_a_unit_saw() -> None:
    assert last_data_year(date(2020, 1, 31)) == 2019  # Tây Trà, merged into Trà Bồng
    assert last_data_year(date(2019, 12, 31)) == 2019
    assert last_data_year(None) is None


def test_compare_options_say_until_when_a_unit_ended(app) -> None:
    """The database gives dates, not strings: the label must still say when a unit stopped."""
    from dashboard.assemble import comparison

    with app.server.test_request_context("/"):
        districts = {o["value"]: o["label"] for o in comparison.unit_options("district", "vi")}
        departments = {o["value"]: o["label"] for o in comparison.unit_options("department", "en")}
    assert districts["526"] == "Huyện Tây Trà (đến 2019)"
    assert districts["522"] == "Thành phố Quảng Ngãi"  # ended with every district at the 2025 reform
    assert departments["so-ke-hoach-dau-tu"].endswith("(until 2024)")


def test_one_diacritic_fold_serves_names_headers_and_search() -> None:
    from dashboard.api.responses import ascii_header
    from dashboard.components.localize import searchable_options
    from dashboard.domain.names import fold, without_diacritics

    assert without_diacritics("Đức Phổ, Sơn Tây") == "Duc Pho, Son Tay"
    assert fold("Huyện  Đức Phổ!") == "huyen duc pho"
    assert ascii_header("Sở Nội vụ – dữ liệu\n") == "So Noi vu - du lieu "
    assert searchable_options([{"label": "Sơn Tây", "value": "x"}])[0]["search"] == "Sơn Tây son tay"
