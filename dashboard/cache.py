"""The application cache, created here and bound to the Flask server in create_app().

Memoized loaders take the data version as their first argument, so an import changes every key at once
in every worker (Redis is shared; the simple cache is per process).

Redis behind a circuit breaker: after a failure (refused, reset, or a Redis that accepts connections and
never answers) every cache call is a miss for `PAUSE` seconds without touching the socket, and the
failure is logged once per pause, not as a traceback per call. Pages are then served uncached.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from flask_caching import Cache
from flask_caching.backends.rediscache import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

cache = Cache()

PAUSE = 10.0  # seconds without Redis after a failure


class BreakerRedisCache(RedisCache):
    """flask-caching's RedisCache that skips Redis for a while after a failure (a circuit breaker)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.open_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        """True while Redis is being skipped after a failure."""
        return time.monotonic() < self.open_until

    def trip(self, error: Exception) -> None:
        """Skip Redis for PAUSE seconds; log once per opening."""
        with self._lock:
            if self.is_open:
                return
            self.open_until = time.monotonic() + PAUSE
        log.warning("cache unavailable (%s): served uncached for %.0f s", type(error).__name__, PAUSE)


def _guarded(name: str, fallback: Callable[..., Any]) -> Callable[..., Any]:
    method = getattr(RedisCache, name)

    def call(self: BreakerRedisCache, *args: Any, **kwargs: Any) -> Any:
        if self.is_open:
            return fallback(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except (RedisError, OSError) as error:
            self.trip(error)
            return fallback(*args, **kwargs)

    call.__name__ = name
    return call


_FALLBACKS: dict[str, Callable[..., Any]] = {
    "get": lambda *_a, **_k: None,
    "get_many": lambda *keys: [None] * len(keys),
    "has": lambda *_a, **_k: False,
    "set": lambda *_a, **_k: False,
    "add": lambda *_a, **_k: False,
    "set_many": lambda *_a, **_k: [],
    "delete": lambda *_a, **_k: False,
    "delete_many": lambda *_a, **_k: [],
    "clear": lambda *_a, **_k: False,
    "inc": lambda *_a, **_k: None,
    "dec": lambda *_a, **_k: None,
}
for _name, _fallback in _FALLBACKS.items():
    setattr(BreakerRedisCache, _name, _guarded(_name, _fallback))
