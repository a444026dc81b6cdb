"""Validity by year (a unit counts for year Y when it existed on 31 December of Y) and lineage links."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select

from dashboard import db
from dashboard.domain import valid_in_year
from dashboard.ingest.catalogue import Catalogue


def test_valid_in_year_uses_31_december() -> None:
    assert valid_in_year(None, date(2020, 1, 31), 2019)
    assert not valid_in_year(None, date(2020, 1, 31), 2020)
    assert valid_in_year(date(2020, 2, 1), None, 2020)
    assert not valid_in_year(date(2025, 7, 1), None, 2024)
    assert valid_in_year(date(2025, 7, 1), None, 2025)
    assert not valid_in_year(None, date(2025, 6, 30), 2025)
    assert valid_in_year(None, None, 2000)


@pytest.fixture(scope="module")
def catalogue(built_engine: Engine) -> Catalogue:
    with built_engine.connect() as connection:
        return Catalogue.load(connection)


def test_validity_edges(catalogue: Catalogue) -> None:
    districts = {year: catalogue.codes_valid_in(year, "district") for year in (2019, 2020, 2024, 2025)}
    assert "526" in districts[2019] and "526" not in districts[2020]  # Tây Trà merged into Trà Bồng
    assert "534" in districts[2019] and "534" in districts[2020]  # Đức Phổ keeps its code
    assert len(districts[2019]) == 14 + 10 and len(districts[2020]) == 13 + 10
    assert districts[2024] == districts[2020]
    assert districts[2025] == set()  # district level abolished 1 July 2025
    communes = catalogue.codes_valid_in(2025, "commune")
    assert len(communes) == 96 and catalogue.codes_valid_in(2024, "commune") == set()
    provinces_2025 = catalogue.codes_valid_in(2025, "province")
    assert "51" in provinces_2025 and "62" not in provinces_2025
    assert "62" in catalogue.codes_valid_in(2024, "province")


def name_in_year(engine: Engine, code: str, year: int) -> str:
    with engine.connect() as connection:
        versions = connection.execute(
            select(db.unit_versions).where(db.unit_versions.c.unit_code == code)
        ).mappings()
        names = [v["name_vi"] for v in versions if valid_in_year(v["valid_from"], v["valid_to"], year)]
    assert len(names) == 1, names
    return names[0]


def test_duc_pho_is_huyen_in_2019_and_thi_xa_in_2020(built_engine: Engine) -> None:
    assert name_in_year(built_engine, "534", 2019) == "Huyện Đức Phổ"
    assert name_in_year(built_engine, "534", 2020) == "Thị xã Đức Phổ"
    assert name_in_year(built_engine, "51", 2024) == "Tỉnh Quảng Ngãi"


def links(engine: Engine, from_code: str) -> list[dict]:
    with engine.connect() as connection:
        statement = (
            select(db.lineage).where(db.lineage.c.from_code == from_code).order_by(db.lineage.c.to_code)
        )
        return [dict(row) for row in connection.execute(statement).mappings()]


def test_merges(built_engine: Engine) -> None:
    [tay_tra] = links(built_engine, "526")
    # The year as the source prints it; the date column only orders (its period's first day).
    assert (tay_tra["to_code"], tay_tra["event"], tay_tra["event_date_shown"], tay_tra["indicative"]) == (
        "525",
        "merged_into",
        "2020",
        False,
    )
    assert tay_tra["event_date"] == date(2020, 1, 1)
    assert "867" in tay_tra["legal_basis"]
    [kon_tum] = links(built_engine, "62")
    assert (kon_tum["to_code"], kon_tum["event"], kon_tum["event_date"]) == (
        "51",
        "merged_into",
        date(2025, 7, 1),
    )
    duc_pho = [
        (link["to_code"], link["event_date_shown"])
        for link in links(built_engine, "534")
        if link["event"] == "type_changed"
    ]
    assert duc_pho == [("534", "đầu năm 2020")]


def test_every_former_district_maps_to_2025_communes_indicatively(
    built_engine: Engine, catalogue: Catalogue
) -> None:
    communes_2025 = catalogue.codes_valid_in(2025, "commune")
    for district in sorted(catalogue.codes_valid_in(2024, "district")):
        reorganised = [link for link in links(built_engine, district) if link["event"] == "reorganised_into"]
        assert reorganised, district
        assert {link["to_code"] for link in reorganised} <= communes_2025, district
        assert all(link["indicative"] and link["event_date"] == date(2025, 7, 1) for link in reorganised), (
            district
        )
