"""Limits and heavy-work slots shared by several workers: one budget through Redis, a hung Redis costs the
limits one timeout, and a worker that dies gives its slot back."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

import pytest

from dashboard.web import admission
from tests.support.limited_app import limited_app


@pytest.mark.skipif(not os.environ.get("CACHE_REDIS_URL"), reason="needs Redis (CACHE_REDIS_URL)")
def test_workers_share_one_budget_through_redis():
    # Two apps stand for two gunicorn workers; a fresh budget name keeps runs apart.
    rate = f"{8 + uuid.uuid4().int % 1000}/minute"
    budget = int(rate.split("/")[0])
    first = limited_app(rate_limit=rate, cache_redis_url=os.environ["CACHE_REDIS_URL"]).test_client()
    second = limited_app(rate_limit=rate, cache_redis_url=os.environ["CACHE_REDIS_URL"]).test_client()
    clients = [first, second] * budget
    answers = [c.post("/_dash-update-component").status_code for c in clients[: budget + 2]]
    assert answers.count(200) == budget and answers[-2:] == [429, 429]


def test_slots_are_shared_by_every_worker_and_freed_when_one_dies(tmp_path):
    """Two Admissions on one folder stand for two workers; a dead worker's slot comes back."""
    first = admission.Admission(tmp_path, slots=1, queue=0)
    second = admission.Admission(tmp_path, slots=1, queue=0)
    assert first.enter() is not None
    assert second.enter() is None  # the other worker holds the machine's only slot
    script = (
        "import fcntl, os, sys; d = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); "
        "fcntl.flock(d, fcntl.LOCK_EX); os._exit(0)"
    )
    other = admission.Admission(tmp_path / "other", slots=1, queue=0)
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "other" / "slot-0.lock")], check=True)
    assert other.enter() is not None  # the process died holding it: the kernel released the lock


@pytest.mark.timeout(60)
def test_a_hung_redis_costs_the_limits_one_timeout_and_they_count_in_memory(silent_redis):
    client = limited_app(rate_limit="5/minute", cache_redis_url=silent_redis.url).test_client()
    answers, timings = [], []
    for _ in range(7):
        started = time.perf_counter()
        answers.append(client.post("/_dash-update-component").status_code)
        timings.append(time.perf_counter() - started)
    assert answers == [200] * 5 + [429] * 2
    assert len(silent_redis.accepted) == 1  # one connection timed out; the breaker skipped Redis after it
    print(f"callbacks with a hung Redis: first {timings[0]:.3f} s, then at most {max(timings[1:]):.3f} s")
