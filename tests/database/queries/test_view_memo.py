"""The memo of rendered views (queries.per_data_version) is bounded in bytes, least recently used out
first (issue 15: response caches grew each worker by 225 MB for good)."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

from dashboard import queries
from dashboard.config import Settings
from dashboard.queries.memo import MISSING, SizedLRU, estimate_size


def _lru(budget: int) -> SizedLRU:
    return SizedLRU(budget, sizeof=len)  # values are bytes of the size they stand for


def test_the_least_recently_used_goes_first_when_the_bytes_pass_the_budget():
    lru = _lru(100)
    lru.put("f", "a", b"a" * 40, max_entries=10)
    lru.put("f", "b", b"b" * 40, max_entries=10)
    assert lru.get("f", "a") == b"a" * 40  # "a" is now the most recently used
    lru.put("f", "c", b"c" * 40, max_entries=10)
    assert lru.get("f", "b") is MISSING
    assert lru.get("f", "a") is not MISSING and lru.get("f", "c") is not MISSING
    assert (len(lru), lru.size) == (2, 80)
    lru.put("g", "big", b"x" * 90, max_entries=10)  # one large value evicts as many as it needs
    assert (len(lru), lru.size) == (1, 90)


def test_a_value_larger_than_the_budget_or_unpicklable_is_not_held():
    lru = _lru(100)
    lru.put("f", "a", b"a" * 50, max_entries=10)
    lru.put("f", "huge", b"x" * 101, max_entries=10)
    assert lru.get("f", "huge") is MISSING and lru.get("f", "a") is not MISSING
    sized = SizedLRU(10_000)
    sized.put("f", "lambda", lambda: 1, max_entries=10)  # cannot be pickled, so cannot be sized
    assert sized.get("f", "lambda") is MISSING and sized.size == 0


def test_each_function_keeps_at_most_its_entries_without_evicting_the_others():
    lru = _lru(1_000)
    lru.put("other", "x", b"o", max_entries=5)
    for key in "abc":
        lru.put("f", key, b"f", max_entries=2)
    assert lru.get("f", "a") is MISSING and lru.get("f", "c") is not MISSING
    assert lru.get("other", "x") is not MISSING
    lru.put("f", "c", b"ff", max_entries=2)  # replacing a key counts it once
    assert (len(lru), lru.size) == (3, 4)
    lru.clear("f")
    assert (len(lru), lru.size) == (1, 1)


def test_sizes_are_estimated_from_frames_and_pickles():
    frame = pd.DataFrame({"name": ["Huyện Lý Sơn"] * 100, "value": range(100)})
    assert estimate_size(frame) == int(frame.memory_usage(deep=True).sum())
    page = {"children": ["x" * 10_000]}
    assert estimate_size(page) == len(pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL)) > 10_000


def test_the_budget_is_configured_in_megabytes():
    assert Settings.from_env({"VIEW_CACHE_MB": "0.5"}).view_cache_bytes == 512 * 1024
    assert Settings.from_env({}).view_cache_bytes == 16 * 2**20


@pytest.fixture
def small_budget(app, monkeypatch):
    """A 200 KB budget (bind() sets it from the settings), empty at the start."""
    monkeypatch.setattr(queries._views, "budget", 200_000)
    queries._views.clear()
    yield 200_000
    queries._views.clear()


def test_memoized_views_stay_within_the_budget_and_evict_by_size(app, small_budget):
    calls = []

    @queries.per_data_version(maxsize=100)
    def view(n: int) -> bytes:
        calls.append(n)
        return b"v" * 60_000

    with app.server.test_request_context("/"):
        for n in range(5):
            view(n)
        assert queries._views.size <= small_budget and len(queries._views) == 3  # 3 × 60 KB pickled
        view(4)
        view(0)  # evicted, so computed again
    assert calls == [0, 1, 2, 3, 4, 0]


def test_data_derived_once_per_version_is_not_evicted_by_views(app, small_budget):
    """All rankings at once (budgeted=False) outlive any number of rendered views passing the budget."""
    calls = []

    @queries.per_data_version(maxsize=1, budgeted=False)
    def derived() -> bytes:
        calls.append("derived")
        return b"d" * 150_000

    @queries.per_data_version(maxsize=100)
    def view(n: int) -> bytes:
        return b"v" * 60_000

    with app.server.test_request_context("/"):
        derived()
        for n in range(10):
            view(n)
        derived()
        assert queries._views.size <= small_budget  # the views alone fill the budget
    assert calls == ["derived"]
    derived.cache_clear()


def test_rendered_pages_stay_within_the_budget(app, small_budget, monkeypatch):
    from dashboard.pages import unit

    codes = list(queries.units().query("kind == 'district'")["code"][:8])

    def render_profiles() -> int:
        with app.server.test_request_context("/?lang=vi"):
            for code in codes:
                unit.layout(code=code, lang="vi")
        return queries._views.size

    assert 0 < render_profiles() <= small_budget
    monkeypatch.setattr(queries._views, "budget", 100 * small_budget)
    queries._views.clear()
    assert render_profiles() > small_budget  # what the same pages hold when the budget does not bind
