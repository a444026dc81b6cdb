"""The application cache, created here and bound to the Flask server in create_app(); Redis fail-fast.

Memoized loaders take the data version as their first argument, so an import changes every key at once
in every worker (Redis is shared; the simple cache is per process).

Every Redis connection of the app (this cache, the request limits, the sign-in throttles) is made by
`redis_options()`: a connect and answer timeout (`REDIS_TIMEOUT_SECONDS`), no retries, and one circuit
breaker per process. After a failure (refused, reset, or a Redis that accepts connections and never
answers) every Redis call fails at once for `PAUSE` seconds without touching the socket, and the
failure is logged once per pause, not as a traceback per call. Pages are then served uncached, and the
limiters count in memory (flask-limiter's fallback), so Redis down or hung costs a request at most one
timeout per pause.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from flask_caching import Cache
from flask_caching.backends.rediscache import RedisCache
from redis.backoff import NoBackoff
from redis.connection import Connection, SSLConnection, UnixDomainSocketConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

log = logging.getLogger(__name__)

cache = Cache()

PAUSE = 10.0  # seconds without Redis after a failure


class RedisSkipped(RedisConnectionError):
    """Redis is not asked while the breaker is open (it failed less than PAUSE seconds ago)."""


class Breaker:
    """A circuit breaker: open for `pause` seconds after a failure, logged once per opening."""

    def __init__(self, pause: float) -> None:
        self.pause = pause
        self.open_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        """True while Redis is being skipped after a failure."""
        return time.monotonic() < self.open_until

    def trip(self, error: BaseException) -> None:
        """Skip Redis for `pause` seconds; log once per opening."""
        with self._lock:
            if self.is_open:
                return
            self.open_until = time.monotonic() + self.pause
        log.warning("Redis unavailable (%s): skipped for %.0f s", type(error).__name__, self.pause)

    def close(self) -> None:
        """Ask Redis again from the next call on."""
        self.open_until = 0.0


breaker = Breaker(PAUSE)
# What a Redis that is away or hung raises (redis-py's own, or the socket's); not a command's error.
_OUTAGES = (RedisConnectionError, RedisTimeoutError, OSError)


class _Guarded:
    """A redis-py connection that fails at once while the breaker is open and trips it on an outage."""

    def _guard(self, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if breaker.is_open:
            raise RedisSkipped(f"Redis skipped for up to {breaker.pause:.0f} s after a failure")
        try:
            return call(*args, **kwargs)
        except RedisSkipped:
            raise
        except _OUTAGES as error:
            breaker.trip(error)
            raise

    def connect_check_health(self, *args: Any, **kwargs: Any) -> Any:
        return self._guard(super().connect_check_health, *args, **kwargs)  # type: ignore[misc]

    def send_packed_command(self, *args: Any, **kwargs: Any) -> Any:
        return self._guard(super().send_packed_command, *args, **kwargs)  # type: ignore[misc]

    def read_response(self, *args: Any, **kwargs: Any) -> Any:
        return self._guard(super().read_response, *args, **kwargs)  # type: ignore[misc]


class GuardedConnection(_Guarded, Connection):
    """TCP (redis://)."""


class GuardedSSLConnection(_Guarded, SSLConnection):
    """TLS (rediss://)."""


class GuardedUnixConnection(_Guarded, UnixDomainSocketConnection):
    """Unix socket (unix://)."""


def redis_options(url: str, *, timeout: float) -> dict[str, Any]:
    """Keyword arguments for `redis.from_url(url, ...)`: timeouts, no retries, the breaker."""
    scheme = url.split("://", 1)[0].lower()
    connection_class = {"rediss": GuardedSSLConnection, "unix": GuardedUnixConnection}.get(
        scheme, GuardedConnection
    )
    return {
        "socket_timeout": timeout,
        "socket_connect_timeout": timeout,
        # redis-py retries three times by default: a hung Redis would cost four timeouts, not one.
        "retry": Retry(NoBackoff(), 0),
        "connection_class": connection_class,
    }


class BreakerRedisCache(RedisCache):
    """flask-caching's RedisCache on guarded connections: while Redis is away every call is a miss."""

    @classmethod
    def factory(cls, app: Any, config: dict[str, Any], args: list[Any], kwargs: dict[str, Any]) -> RedisCache:
        config = dict(config)
        timeout = float(config.pop("CACHE_REDIS_TIMEOUT", 0.25))
        config["CACHE_OPTIONS"] = redis_options(config["CACHE_REDIS_URL"], timeout=timeout)
        return super().factory(app, config, args, kwargs)

    @property
    def is_open(self) -> bool:
        """True while Redis is being skipped after a failure."""
        return breaker.is_open


def _guarded(name: str, fallback: Callable[..., Any]) -> Callable[..., Any]:
    method = getattr(RedisCache, name)

    def call(self: BreakerRedisCache, *args: Any, **kwargs: Any) -> Any:
        if breaker.is_open:
            return fallback(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except (RedisError, OSError) as error:  # an outage has tripped it already: then a no-op
            breaker.trip(error)
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
