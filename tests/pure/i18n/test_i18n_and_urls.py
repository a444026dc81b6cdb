"""Every text in every language; number formats; stable URLs."""

from __future__ import annotations

import pytest

from dashboard import i18n, urls


def test_every_key_exists_in_every_language():
    keys = {lang: set(catalog) for lang, catalog in i18n.CATALOGS.items()}
    assert keys["vi"] == keys["en"]


def test_no_text_is_empty():
    assert all(text.strip() for catalog in i18n.CATALOGS.values() for text in catalog.values())


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234.5, "vi", 1, "1.234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (87.5, "vi", 1, "87,5"),
        (None, "vi", 1, "–"),
        (float("nan"), "en", 2, "–"),
        (0.727, "vi", 3, "0,727"),
        (-3.25, "vi", 2, "-3,25"),
    ],
)
def test_format_number(value, lang, decimals, expected):
    assert i18n.format_number(value, lang, decimals=decimals) == expected


def test_unknown_language_falls_back_to_vietnamese():
    assert i18n.t("nav.overview", "fr") == "Tổng quan"


def test_missing_key_raises():
    with pytest.raises(KeyError):
        i18n.t("no.such.key")


def test_urls_are_stable_and_omit_the_default_language():
    assert (
        urls.page("rankings", lang="vi", year=2019, group="district") == "/xep-hang?group=district&year=2019"
    )
    assert urls.unit_profile("534", lang="en") == "/don-vi/534?lang=en"
    assert urls.api("observations", "csv", units=["522", "525"]) == "/api/v1/observations.csv?units=522%2C525"
