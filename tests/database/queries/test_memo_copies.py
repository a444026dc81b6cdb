"""Memoized frames are handed out as copies: what one caller does to its frame, the next never sees."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from dashboard import queries
from dashboard.queries.memo import handed_out


def _spoil(frame: pd.DataFrame) -> None:
    """What a careless caller might do to a frame it was given."""
    frame.loc[frame.index[0], frame.columns[0]] = None
    frame["spoiled"] = 1
    del frame[frame.columns[1]]


@pytest.mark.timeout(60)
def test_a_view_memo_frame_changed_by_a_caller_is_unchanged_for_the_next(app):
    calls = []

    @queries.per_data_version(maxsize=4)
    def frame() -> pd.DataFrame:
        calls.append(1)
        return pd.DataFrame({"code": ["522", "524"], "value": [87.5, 61.0]})

    with app.server.test_request_context("/"):
        expected = frame().copy(deep=True)
        _spoil(frame())
        pd.testing.assert_frame_equal(frame(), expected)
    assert calls == [1]  # a memo hit each time: the copies come from the one held frame
    frame.cache_clear()


@dataclasses.dataclass(frozen=True)
class Record:  # at module level: a value the memo cannot pickle (so cannot size) is never held
    table: pd.DataFrame
    label: str


@pytest.mark.timeout(60)
def test_a_frame_inside_a_memoized_record_is_a_copy_too(app):
    calls = []

    @queries.per_data_version(maxsize=4)
    def record() -> Record:
        calls.append(1)
        return Record(pd.DataFrame({"code": ["522"], "value": [1.0]}), "x")

    with app.server.test_request_context("/"):
        expected = record().table.copy(deep=True)
        _spoil(record().table)
        pd.testing.assert_frame_equal(record().table, expected)
    assert calls == [1]
    record.cache_clear()


@pytest.mark.timeout(120)
@pytest.mark.parametrize("load", ["units", "observations", "view table"])
def test_frames_the_pages_read_are_unchanged_by_an_earlier_caller(app, load):
    from dashboard.assemble import ranking

    def read() -> pd.DataFrame:
        if load == "view table":
            return ranking.load(ranking.resolve({}), "vi").table
        return getattr(queries, load)()

    with app.server.test_request_context("/"):
        expected = read().copy(deep=True)
        assert not expected.empty
        _spoil(read())
        pd.testing.assert_frame_equal(read(), expected)


def test_other_values_are_handed_out_as_held():
    value = ("a", 1)
    assert handed_out(value) is value
