"""Redis behind a circuit breaker: after a failure it is skipped for a while and logged once (issue 15)."""

from __future__ import annotations

import logging
import socket

from flask import Flask

from dashboard.cache import BreakerRedisCache, Cache, breaker
from dashboard.config import Settings


def _bound_cache(url: str):
    settings = Settings.from_env({"CACHE_REDIS_URL": url})
    app = Flask(__name__)
    cache = Cache()
    cache.init_app(app, config=settings.cache_config)
    return app, cache


def test_a_hung_redis_is_asked_once_per_pause_and_logged_once(silent_redis, closed_breaker, caplog):
    app, cache = _bound_cache(f"redis://127.0.0.1:{silent_redis.port}/4")
    assert isinstance(cache.cache, BreakerRedisCache)
    with app.app_context(), caplog.at_level(logging.WARNING, logger="dashboard.cache"):
        results = [cache.get(f"k{n}") for n in range(50)] + [cache.set("k", 1) for _ in range(50)]
    assert results == [None] * 50 + [False] * 50
    assert len(silent_redis.accepted) == 1  # one timed-out attempt, then the circuit is open
    warnings = [r for r in caplog.records if r.name == "dashboard.cache"]
    assert len(warnings) == 1 and "Timeout" in warnings[0].getMessage()
    assert not [r for r in caplog.records if r.exc_info]  # no tracebacks


def test_an_unreachable_redis_is_a_miss_without_a_traceback(closed_breaker, caplog):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app, cache = _bound_cache(f"redis://127.0.0.1:{port}/4")

    @cache.memoize()
    def square(x):
        return x * x

    with app.app_context(), caplog.at_level(logging.DEBUG):
        assert [square(n) for n in range(20)] == [n * n for n in range(20)]
    assert not [r for r in caplog.records if r.exc_info]
    assert len([r for r in caplog.records if r.name == "dashboard.cache"]) == 1
    breaker.close()  # the pause is over: Redis is tried again
    with app.app_context():
        assert cache.cache.is_open is False
        cache.get("again")
        assert cache.cache.is_open is True
