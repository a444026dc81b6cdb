"""Two publishes at the same instant end as they would one after the other: one dataset stored, the
second refused with the same problem a sequential publish gets — on SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dashboard import db
from dashboard.admin import publishing
from dashboard.config import REPO_ROOT
from dashboard.ingest.parsing import ImportRejected
from dashboard.ingest.unit_store import publish_units
from tests.conftest import _postgres_url

ANNEX = REPO_ROOT / "data" / "illustrative" / "qn_readiness_annex_2024.csv"
REPLACED = "illustrative-readiness-2024"
DIALECTS = [
    "sqlite",
    pytest.param(
        "postgresql", marks=pytest.mark.skipif(_postgres_url() is None, reason="needs DATABASE_URL")
    ),
]


def _fields(kind: str) -> publishing.Fields:
    return publishing.Fields(
        year=2024,
        methodology="qn-dti-2020",
        kind=kind,
        issuer="UBND tỉnh Quảng Ngãi",
        document="Quyết định số 123/QĐ-UBND ngày 15/3/2025",
        source_url="https://quangngai.gov.vn/van-ban/123",
        replaces=REPLACED,
    )


def _race(engine, jobs: list[tuple[Path, publishing.Fields]]) -> list[object]:
    """Run the annex publishes in threads released together; each one's report or refusal."""
    return _together(
        [lambda path=path, fields=fields: publishing.publish(engine, path, fields) for path, fields in jobs]
    )


def _together(jobs: list[Callable[[], object]]) -> list[object]:
    """Run the jobs in threads released together; each one's result or ImportRejected (anything else
    raised, e.g. a unique-key IntegrityError, is kept too and fails the caller's assertions)."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list[object] = [None] * len(jobs)

    def run(index: int, job: Callable[[], object]) -> None:
        barrier.wait()
        try:
            outcomes[index] = job()
        except Exception as error:  # the outcome, whatever it is, is what the test checks
            outcomes[index] = error

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=100)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def _datasets_of_2024(engine) -> dict[str, int]:
    """Datasets holding qn-dti-2020 figures for 2024, with their number of values."""
    o, s, i = db.observations.c, db.sources.c, db.indicators.c
    statement = (
        select(s.dataset_id, func.count())
        .join_from(db.observations, db.sources, o.source_id == s.id)
        .join(db.indicators, i.code == o.indicator_code)
        .where(o.year == 2024, i.methodology == "qn-dti-2020")
        .group_by(s.dataset_id)
    )
    with engine.connect() as connection:
        return dict(connection.execute(statement).all())


@pytest.fixture(params=DIALECTS)
def engine(request, fresh_engine):
    return fresh_engine(dialect=request.param, like="data")


def _upload(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name  # kept without a sidecar, as the upload folder keeps it
    path.write_bytes(data)
    return path


def test_two_files_for_one_year_published_at_once_leave_one_dataset_and_a_refusal(engine, tmp_path):
    path = _upload(tmp_path, "a.csv", ANNEX.read_bytes())
    rows = sum(1 for _ in ANNEX.open(encoding="utf-8"))  # an upper bound: header and group rows too
    outcomes = _race(engine, [(path, _fields("official")), (path, _fields("press"))])
    refused = [o for o in outcomes if isinstance(o, ImportRejected)]
    assert len(refused) == 1, outcomes
    [problem] = refused[0].problems
    assert problem.rule in ("replace", "already-published"), problem
    stored = _datasets_of_2024(engine)
    assert len(stored) == 1 and REPLACED not in stored, stored
    [(dataset_id, count)] = stored.items()
    assert dataset_id in ("qn-dti-2020-2024-official", "qn-dti-2020-2024-press")
    assert 0 < count < rows * 10, "each value once"


def test_one_dataset_id_is_never_written_by_two_publishes(engine, tmp_path):
    first = _upload(tmp_path, "first.csv", ANNEX.read_bytes())
    second = _upload(tmp_path, "second.csv", ANNEX.read_bytes().replace(b'"84,05"', b'"84,15"', 1))
    outcomes = _race(engine, [(first, _fields("official")), (second, _fields("official"))])
    refused = [o for o in outcomes if isinstance(o, ImportRejected)]
    assert len(refused) == 1, outcomes
    assert [p.rule for p in refused[0].problems] == ["replace"]
    assert "--replace names no stored dataset" in str(refused[0])
    winner = first if outcomes[0] is not refused[0] else second
    with engine.connect() as connection:
        stored = connection.execute(
            select(db.datasets.c.file_name).where(db.datasets.c.id == "qn-dti-2020-2024-official")
        ).scalar_one()
    assert stored == winner.name, "the file stored is the one its publisher was told was published"


def test_one_after_the_other_the_second_gets_the_same_refusal(engine, tmp_path):
    path = _upload(tmp_path, "a.csv", ANNEX.read_bytes())
    publishing.publish(engine, path, _fields("official"))
    with pytest.raises(ImportRejected) as refused:
        publishing.publish(engine, shutil.copy(path, tmp_path / "b.csv"), _fields("official"))
    assert [p.rule for p in refused.value.problems] == ["replace"]


def test_one_new_unit_published_twice_at_once_is_added_once_and_the_second_refused(engine, tmp_path):
    units = tmp_path / "don-vi.csv"
    units.write_text(
        "action,code,kind,name_vi,name_en,date,legal_basis\n"
        "add,so-moi-cung-luc,department,Sở Mới,New Department,2025-03-01,Quyết định số 99/QĐ-UBND\n",
        encoding="utf-8",
    )
    outcomes = _together([lambda: publish_units(engine, units), lambda: publish_units(engine, units)])
    refused = [o for o in outcomes if isinstance(o, ImportRejected)]
    assert len(refused) == 1 and len([o for o in outcomes if not isinstance(o, Exception)]) == 1, outcomes
    assert "code already used by Sở Mới" in str(refused[0])
    with engine.connect() as connection:
        count = connection.execute(
            select(func.count()).select_from(db.units).where(db.units.c.code == "so-moi-cung-luc")
        ).scalar_one()
    assert count == 1
