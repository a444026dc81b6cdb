"""Unit names resolve insensitively to diacritics, case and prefixes, but never by guessing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from dashboard.ingest.catalogue import Catalogue
from dashboard.ingest.names import NameIndex, fold, name_keys


def test_fold_drops_diacritics_case_and_punctuation() -> None:
    assert fold("UBND huyện Sơn Tây") == "ubnd huyen son tay"
    assert fold("Đắk Glei") == "dak glei"
    assert fold("Cổng/Trang TTĐT") == "cong trang ttdt"
    assert fold("  Sở  Lao động - Thương binh ") == "so lao dong thuong binh"


def test_name_keys_strip_prefixes_and_province_suffix() -> None:
    assert name_keys("UBND huyện Sơn Tây") == {"ubnd huyen son tay", "huyen son tay", "son tay"}
    assert "duc pho" in name_keys("Thị xã Đức Phổ tỉnh Quảng Ngãi")
    assert name_keys("Huyện") == {"huyen"}


def small_index() -> NameIndex:
    index = NameIndex()
    index.add("530", ["Huyện Sơn Tây"])
    index.add("21340", ["Xã Sơn Tây"])
    index.add("529", ["Huyện Sơn Hà"])
    return index


def test_index_prefers_the_most_specific_form() -> None:
    index = small_index()
    assert index.resolve("UBND huyện Sơn Tây") == ("530", [])
    assert index.resolve("xa son tay") == ("21340", [])
    assert index.resolve("Sơn Tây") == (None, ["Huyện Sơn Tây (530)", "Xã Sơn Tây (21340)"])
    assert index.resolve("Sơn Tây", allowed={"530"}) == ("530", [])
    assert index.resolve("Huyện Sơn Tây", allowed={"21340"})[0] is None  # never falls back to 'Sơn Tây'
    assert index.resolve("Son Ha Xyz")[1][0] == "Huyện Sơn Hà (529)"


@pytest.fixture(scope="module")
def catalogue(built_engine: Engine) -> Catalogue:
    with built_engine.connect() as connection:
        return Catalogue.load(connection)


@pytest.mark.parametrize(
    ("text", "year", "kind", "code"),
    [
        ("UBND huyện Sơn Tây", 2022, None, "530"),
        ("Huyện Sơn Tây", 2022, "district", "530"),
        ("Son Tay", 2022, None, "530"),
        ("son tây", 2020, "district", "530"),
        ("530", 2022, None, "530"),
        ("Huyện Đức Phổ", 2019, None, "534"),
        ("Thị xã Đức Phổ", 2020, None, "534"),
        ("Huyện Tây Trà", 2019, None, "526"),
        ("Sở Nội vụ", 2022, "department", "so-noi-vu"),
        ("Xã Sơn Tây", 2025, "commune", "21340"),
        ("Thừa Thiên - Huế", 2017, "province", "46"),
        ("TP. Đà Nẵng", 2017, "province", "48"),
    ],
)
def test_catalogue_resolves(catalogue: Catalogue, text: str, year: int, kind: str | None, code: str) -> None:
    assert catalogue.lookup_unit(text, year=year, kind=kind) == (code, "", "")


@pytest.mark.parametrize(
    ("text", "year", "kind", "rule", "message"),
    [
        (
            "Huyện Tây Trà",
            2022,
            None,
            "unit-validity",
            "no such unit existed on 31 December 2022 (Huyện Tây Trà (526) valid … – 2020)",
        ),
        (
            "Huyện Sơn Tây",
            2025,
            None,
            "unit-validity",
            "no such unit existed on 31 December 2025 (Huyện Sơn Tây (530) valid … – 2025-06-30)",
        ),
        (
            "Kon Tum",
            2024,
            None,
            "ambiguous-unit",
            "ambiguous unit name; candidates: Thành phố Kon Tum (608); Tỉnh Kon Tum (62)",
        ),
        (
            "Huyện Sơn Hà",
            2022,
            "department",
            "unit-kind",
            "expected a department: Huyện Sơn Hà (529) is a district",
        ),
        (
            "Sở Y tế tỉnh Bình Định",
            2022,
            "department",
            "other-province",
            "names a unit of Tỉnh Bình Định (52), not of Quảng Ngãi; closest: Sở Tài chính (so-tai-chinh); "
            "Sở Văn hóa, Thể thao và Du lịch (so-van-hoa-tt-dl); Sở Lao động - Thương binh và Xã hội "
            "(so-lao-dong-tbxh)",
        ),
        (
            "TP Tuyên Quang",
            2022,
            None,
            "unknown-unit",
            "unknown unit; closest: Tỉnh Tuyên Quang (08); Tỉnh Tiền Giang (82); Huyện Trà Bồng (525)",
        ),
        (
            "Huyen Son Tai",
            2022,
            None,
            "unknown-unit",
            "unknown unit; closest: Huyện Sơn Tây (530); Huyện Sơn Tịnh (527); Huyện Sơn Hà (529)",
        ),
    ],
)
def test_catalogue_never_guesses(
    catalogue: Catalogue, text: str, year: int, kind: str | None, rule: str, message: str
) -> None:
    assert catalogue.lookup_unit(text, year=year, kind=kind) == (None, rule, message)
