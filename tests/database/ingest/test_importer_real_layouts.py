"""Annexes laid out as other provinces really publish them (../shared/data/other_provinces_unit_results.csv),
each under a method published from its own file first: Kon Tum 205/QĐ-UBND (% of the maximum, Tốt / Khá /
Trung bình / Yếu), Đà Nẵng (five classes with "xuất sắc"; bonus and penalty points as in 2386/QĐ-UBND),
Đắk Lắk (0–1 values to five decimals, no classes). Values are stored as published, classes read from the
method's scheme, and a class that contradicts the scheme (or any class under a method without classes) is
refused naming file, row and column, the database unchanged. The figures are test data
(tests/fixtures/importer/README.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dashboard.db.index_sets import read_index_sets
from dashboard.ingest import preview
from dashboard.ingest.importer import ImportOptions, import_files
from dashboard.ingest.index_set_store import make_header, publish_index_set
from dashboard.ingest.parsing import ImportRejected
from tests.database.ingest.test_importer import (
    FIXTURES,
    observations,
    snapshot,
    write_dataset,
)


@dataclass(frozen=True)
class Layout:
    """A real annex layout: the method file, the code it is published under, the annex and its year."""

    method: str
    code: str
    annex: str
    year: int

    @property
    def dataset(self) -> str:
        return json.loads((FIXTURES / f"{Path(self.annex).stem}.meta.json").read_text(encoding="utf-8"))["id"]

    def text(self) -> str:
        return (FIXTURES / self.annex).read_text(encoding="utf-8")

    def meta(self) -> dict:
        return json.loads((FIXTURES / f"{Path(self.annex).stem}.meta.json").read_text(encoding="utf-8"))


KON_TUM = Layout("kon_tum_205_method.csv", "thu-kon-tum-205", "kon_tum_205_2023.csv", 2023)
DA_NANG = Layout("da_nang_2386_method.csv", "thu-da-nang-2386", "da_nang_2386_2025.csv", 2025)
DAK_LAK = Layout("dak_lak_2022_method.csv", "thu-dak-lak-2022", "dak_lak_2022.csv", 2022)


@pytest.fixture
def engine(fresh_engine: Callable[..., Engine]) -> Engine:
    """The shipped reference tables (units, methods and their class schemes) and nothing else."""
    return fresh_engine(like="reference")


def publish_method(engine: Engine, layout: Layout) -> None:
    """What `python -m dashboard methods import FILE --code ...` does, through its function."""
    header = make_header(
        code=layout.code,
        name_vi=f"Bộ chỉ số thử nghiệm ({layout.code})",
        name_en=None,
        issuer="Đơn vị thử nghiệm",
        document="Tài liệu thử nghiệm số 1",
        source_url=f"https://example.invalid/{layout.code}",
        first_year=layout.year,
    )
    publish_index_set(engine, FIXTURES / layout.method, header)


def totals(engine: Engine, layout: Layout, total: str) -> dict[str, dict]:
    """The stored total of each unit of the layout's annex."""
    return {
        unit: row for (unit, _, code), row in observations(engine, layout.dataset).items() if code == total
    }


def refused(engine: Engine, tmp_path: Path, layout: Layout, text: str) -> list[tuple]:
    """Import a changed annex that must be refused: its problems, the database checked unchanged."""
    path = write_dataset(tmp_path, layout.annex, text, layout.meta())
    before = snapshot(engine)
    with pytest.raises(ImportRejected) as rejected:
        import_files(engine, [path])
    assert snapshot(engine) == before
    return [
        (p.file, p.row, p.column, p.value, p.rule, p.severity, p.message) for p in rejected.value.problems
    ]


@pytest.mark.timeout(120)
def test_kon_tum_percent_of_the_maximum_with_four_classes(engine: Engine, tmp_path: Path) -> None:
    publish_method(engine, KON_TUM)
    report = import_files(engine, [FIXTURES / KON_TUM.annex])
    assert report.warnings == []
    rows = totals(engine, KON_TUM, "KT205_CHI_SO")
    order = ["522", "524", "527", "533", "535", "536"]
    assert [rows[u]["value_published"] for u in order] == [
        "90,00%",
        "84,37%",
        "70,00%",
        "69,99%",
        "50,00%",
        "41,08%",
    ]
    assert [rows[u]["value"] for u in order] == [90.0, 84.37, 70.0, 69.99, 50.0, 41.08]
    # Read from the method's scheme: exactly 90 % is Tốt, exactly 70 % Khá, 69,99 % Trung bình.
    assert [rows[u]["class_label"] for u in order] == ["tot", "kha", "kha", "trung-binh", "trung-binh", "yeu"]
    assert {rows[u]["rank_of"] for u in order} == {6}

    text = KON_TUM.text().replace('Huyện Bình Sơn,"84,37%",Khá', 'Huyện Bình Sơn,"84,37%",Tốt')
    (problem,) = refused(engine, tmp_path, KON_TUM, text)
    assert problem[:6] == (KON_TUM.annex, 4, "Xếp loại", "Tốt", "class", "error")
    assert "thresholds of thu-kon-tum-205 (Khá)" in problem[6]


@pytest.mark.timeout(120)
def test_da_nang_five_classes_and_bonus_and_penalty_points(engine: Engine, tmp_path: Path) -> None:
    publish_method(engine, DA_NANG)
    with engine.connect() as connection:
        method = read_index_sets(connection)["thu-da-nang-2386"]
    # The bonus and penalty are indices of the set under the total, outside the sum of its maxima
    # (200 + 400 + 400 = 1,000); the penalty is the index where less is better.
    assert [(i.code, i.max_value, i.higher_is_better) for i in method.children("DN2386_TONG")][-2:] == [
        ("DN2386_THUONG", 50.0, True),
        ("DN2386_TRU", 50.0, False),
    ]
    report = import_files(engine, [FIXTURES / DA_NANG.annex])
    assert report.warnings == []  # every total is its components + bonus − penalty, however printed
    stored = observations(engine, DA_NANG.dataset)
    order = ["21025", "21211", "21028", "21034", "21451", "21457"]
    rows = {unit: stored[(unit, 2025, "DN2386_TONG")] for unit in order}
    assert [rows[u]["class_label"] for u in order] == [
        "xuat-sac",
        "tot",
        "kha",
        "kha",
        "trung-binh-kha",
        "trung-binh",
    ]
    assert [rows[u]["value_published"] for u in order][:3] == ["940,00", "865,00", "760,00"]
    assert [stored[(u, 2025, "DN2386_TRU")]["value_published"] for u in order] == [
        "0,00", "5,00", "-10,00", "0,00", "15,00", "20,00"
    ]  # fmt: skip
    assert stored[("21028", 2025, "DN2386_TRU")]["value"] == -10.0  # kept with the sign it was printed with
    assert stored[("21025", 2025, "DN2386_THUONG")]["value"] == 20.0

    dry = import_files(engine, [FIXTURES / DA_NANG.annex], options=ImportOptions(dry_run=True))
    page = preview.render(dry.results, labels=dry.labels, problems=[], class_names=dry.class_names)
    assert "<td>Xuất sắc</td>" in page and "<td>Trung bình khá</td>" in page

    text = DA_NANG.text().replace('"530,00",5,Trung bình khá', '"530,00",5,Trung bình')
    (problem,) = refused(engine, tmp_path, DA_NANG, text)
    assert problem[:6] == (DA_NANG.annex, 7, "Xếp loại", "Trung bình", "class", "error")
    assert "(Trung bình khá)" in problem[6]


@pytest.mark.timeout(60)
def test_a_bonus_or_penalty_must_name_the_total_it_adjusts(engine: Engine, tmp_path: Path) -> None:
    text = (
        (FIXTURES / DA_NANG.method)
        .read_text(encoding="utf-8")
        .replace("penalty,DN2386_TRU,DN2386_TONG,", "penalty,DN2386_TRU,,")
    )
    path = tmp_path / "method.csv"
    path.write_text(text, encoding="utf-8")
    before = snapshot(engine)
    with pytest.raises(ImportRejected) as rejected:
        publish_method(engine, Layout(str(path), DA_NANG.code, DA_NANG.annex, 2025))
    assert [(p.row, p.column, p.rule) for p in rejected.value.problems] == [
        (7, "parent_code", "required-value")
    ]
    assert snapshot(engine) == before


@pytest.mark.timeout(120)
def test_dak_lak_five_decimals_kept_and_no_class_under_a_classless_method(
    engine: Engine, tmp_path: Path
) -> None:
    publish_method(engine, DAK_LAK)
    import_files(engine, [FIXTURES / DAK_LAK.annex])
    rows = totals(engine, DAK_LAK, "DL2022_CHI_SO")
    order = ["so-nong-nghiep-ptnt", "so-tu-phap", "so-cong-thuong", "so-tai-chinh", "so-giao-thong-van-tai"]
    assert [rows[u]["value_published"] for u in order] == [
        "0,82140",
        "0,80305",
        "0,80305",
        "0,71002",
        "0,60010",
    ]
    assert [rows[u]["value"] for u in order] == [0.8214, 0.80305, 0.80305, 0.71002, 0.6001]
    assert [rows[u]["rank"] for u in order] == [1, 2, 2, 4, 5]
    assert {rows[u]["class_label"] for u in order} == {None}

    lines = DAK_LAK.text().splitlines()
    lines[0] += ",Xếp loại"
    lines[2] += ",Tốt"  # a class the method does not define: reported, never mapped to another scheme
    problems = refused(engine, tmp_path, DAK_LAK, "\n".join(lines) + "\n")
    assert [p[:6] for p in problems] == [(DAK_LAK.annex, 3, "Xếp loại", "Tốt", "class", "error")]
    assert "the method thu-dak-lak-2022 defines no classes" in problems[0][6]
