"""Every ranking computed in one pass (views/all_rankings.py) against the rules view by view: the rows and
ranks of each (year, unit kind, indicator), the changes against last year, the sub-index columns."""

from __future__ import annotations

import math

import pytest

from dashboard import queries
from dashboard.domain.scoring import competition_ranks
from dashboard.queries import ObservationFilter


@pytest.fixture
def in_request(app):
    with app.server.test_request_context("/"):
        yield


@pytest.fixture
def every_view(in_request):
    from dashboard.assemble import all_rankings

    found = all_rankings.views("vi")
    assert len(found) > 50  # every year, kind and indicator of the test data
    return found


def _same(a: object, b: object) -> bool:
    missing = [x is None or (isinstance(x, float) and math.isnan(x)) for x in (a, b)]
    return all(missing) or (not any(missing) and a == b)


def test_each_view_holds_its_observations_ranked_as_published_or_by_value(every_view):
    recomputed = 0
    for (year, kind, indicator), data in every_view.items():
        rows = queries.observations(
            ObservationFilter(indicators=(indicator,), years=(year,), unit_kinds=(kind,))
        )
        table = data.table
        assert sorted(table["unit_code"]) == sorted(rows["unit_code"]), (year, kind, indicator)
        if rows["rank"].isna().any():  # one rank missing: the whole group is ranked on value, ties shared
            recomputed += 1
            expected = dict(zip(rows["unit_code"], competition_ranks(rows["value"].tolist()), strict=True))
        else:
            expected = dict(zip(rows["unit_code"], rows["rank"], strict=True))
        for code, rank in zip(table["unit_code"], table["rank"], strict=True):
            assert _same(rank, expected[code]), (year, kind, indicator, code)
        order = [
            (r if r == r else math.inf, n) for r, n in zip(table["rank"], table["unit_name"], strict=True)
        ]
        assert order == sorted(order)
    assert recomputed > 0  # sub-indices have no published rank: the rule was exercised


def test_changes_compare_ranks_with_last_year_only_under_the_same_method(every_view):
    compared = 0
    for (year, kind, indicator), data in every_view.items():
        if not data.comparable:
            assert set(data.table["change_kind"]) <= {"new", "new_method", "merged"}
            continue
        before = every_view.get((year - 1, kind, indicator))
        assert before is not None and before.view.methodology == data.view.methodology
        ranks = dict(zip(before.table["unit_code"], before.table["rank"], strict=True))
        for code, rank, kind_of_change in zip(
            data.table["unit_code"], data.table["rank"], data.table["change_kind"], strict=True
        ):
            if kind_of_change in ("up", "down", "same"):
                compared += 1
                steps = int(ranks[code]) - int(rank)
                assert kind_of_change == ("up" if steps > 0 else "down" if steps < 0 else "same")
    assert compared > 0


def test_sub_index_columns_hold_each_units_own_value(every_view):
    for (year, kind, _indicator), data in every_view.items():
        for code, _name in data.sub_columns:
            rows = queries.observations(
                ObservationFilter(indicators=(code,), years=(year,), unit_kinds=(kind,))
            )
            values = dict(zip(rows["unit_code"], rows["value"], strict=True))
            for unit, value in zip(data.table["unit_code"], data.table[code], strict=True):
                assert _same(value, values.get(unit)), (year, kind, code, unit)


def test_a_view_is_a_slice_of_what_was_computed_once(in_request, monkeypatch):
    from dashboard.assemble import all_rankings, ranking

    view = ranking.resolve({"year": "2019", "group": "district"})
    first = ranking.load(view, "en")

    def ranked_again():
        raise AssertionError("the rankings were computed again for one view")

    monkeypatch.setattr(all_rankings, "_compared_rows", ranked_again)
    monkeypatch.setattr(all_rankings, "_ranked_rows", ranked_again)
    again = ranking.load(view, "en")  # no per-view work: a slice of what was computed (a copy of it)
    assert again.table is not first.table and again.table.equals(first.table)
    assert first.view == view and first.table["unit_name"].iloc[0].endswith(("District", "Town", "City"))
