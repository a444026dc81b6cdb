"""Per-client limits weighted by cost (flask-limiter, in memory) and the per-worker queue for heavy work:
what downloads, callbacks and pages cost, the trusted proxy, switching limits off, a full queue, and which
callbacks queue for a slot."""

from __future__ import annotations

import threading

import flask

from dashboard.web import admission
from tests.support.limited_app import limited_app


def test_downloads_cost_by_format_and_pages_cost_nothing():
    client = limited_app(rate_limit="24/minute").test_client()
    assert [client.get("/api/v1/observations.xlsx").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/api/v1/units.csv").status_code == 429  # the same budget for every heavy route
    assert all(client.get("/xep-hang").status_code == 200 for _ in range(50))
    refused = client.get("/api/v1/observations.xlsx")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert refused.get_json()["error"]["status"] == 429


def test_callbacks_are_limited_too():
    client = limited_app(rate_limit="5/minute").test_client()
    answers = [client.post("/_dash-update-component").status_code for _ in range(7)]
    assert answers == [200] * 5 + [429] * 2


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget():
    client = limited_app(rate_limit="4/minute", proxy_hops=1).test_client()

    def csv(forwarded: str) -> int:
        return client.get("/api/v1/units.csv", headers={"X-Forwarded-For": forwarded}).status_code

    assert csv("198.51.100.1") == 200 and csv("198.51.100.1") == 429
    assert csv("198.51.100.2") == 200
    # A client cannot pick its own address: only the hop the trusted proxy saw (the last) counts.
    assert csv("203.0.113.9, 198.51.100.1") == 429


def test_without_a_trusted_proxy_forwarded_headers_are_ignored():
    client = limited_app(rate_limit="4/minute").test_client()
    assert client.get("/api/v1/units.csv", headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 200
    assert client.get("/api/v1/units.csv", headers={"X-Forwarded-For": "198.51.100.2"}).status_code == 429


def test_the_limit_can_be_switched_off():
    client = limited_app(rate_limit=None).test_client()
    assert all(client.get("/api/v1/observations.xlsx").status_code == 200 for _ in range(30))


def test_the_queue_refuses_at_once_when_full(tmp_path):
    queue = admission.Admission(tmp_path, slots=1, queue=0)
    slot = queue.enter()
    assert slot is not None
    assert queue.enter() is None  # no room to wait: refused without waiting
    queue.leave(slot)
    assert queue.enter() is not None


def _until_busy(app: flask.Flask):
    """Once the slow download (started in another thread) holds the only slot, ask for another."""
    assert app.config["holding"].wait(10)
    return app.test_client().get("/api/v1/units.csv")


def test_a_heavy_request_beyond_the_queue_is_503_with_retry_after():
    app = limited_app(rate_limit=None, heavy_slots=1, heavy_queue=0)
    results: list[int] = []

    def slow() -> None:
        results.append(app.test_client().get("/api/v1/slow.xlsx").status_code)

    worker = threading.Thread(target=slow)
    worker.start()
    try:
        busy = _until_busy(app)
        assert busy.status_code == 503 and busy.headers["Retry-After"] == "2"
        assert app.test_client().get("/xep-hang").status_code == 200  # cheap requests are not queued
    finally:
        app.config["release"].set()
        worker.join(10)
    assert results == [200]
    assert app.test_client().get("/api/v1/units.csv").status_code == 200  # the slot was given back


def test_only_callbacks_that_proved_slow_queue_for_a_slot():
    book = admission.CostBook(heavy_seconds=0.1)
    assert not book.is_heavy("compare-results.children")  # unknown: runs without a slot
    book.record("compare-results.children", 2.5)
    book.record("_pages_content.children", 0.015)
    assert book.is_heavy("compare-results.children")
    assert not book.is_heavy("_pages_content.children")
    for _ in range(20):  # it got cheap (cached queries): it stops queueing
        book.record("compare-results.children", 0.01)
    assert not book.is_heavy("compare-results.children")


def test_a_light_callback_is_answered_while_every_slot_is_taken():
    app = limited_app(rate_limit=None, heavy_slots=1, heavy_queue=0)
    worker = threading.Thread(target=lambda: app.test_client().get("/api/v1/slow.xlsx"), daemon=True)
    worker.start()
    try:
        assert _until_busy(app).status_code == 503
        assert app.test_client().post("/_dash-update-component", json={"output": "x.y"}).status_code == 200
    finally:
        app.config["release"].set()
        worker.join(10)


def test_a_burst_of_new_requests_for_one_output_does_not_all_start_at_once():
    book = admission.CostBook(heavy_seconds=0.1)
    token = book.start("compare-results.children")  # the first, of unknown cost, runs
    assert book.is_heavy("compare-results.children")  # the next waits for a slot meanwhile
    book.finish("compare-results.children", token)
    book.record("compare-results.children", 0.0)  # timed now: its average decides from here on
    assert not book.is_heavy("compare-results.children")


def test_a_run_that_is_already_slow_marks_its_output_heavy():
    book = admission.CostBook(heavy_seconds=1e-9)
    book.record("x.children", 0.0)  # cheap so far
    assert not book.is_heavy("x.children")
    book.start("x.children")  # still running, and already past the threshold
    assert book.is_heavy("x.children")
