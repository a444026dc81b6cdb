"""Per-client limits on the requests that cost work, shared by every worker (flask-limiter).

One budget per client in cost units (`RATE_LIMIT`, e.g. "240/minute"): an uncached callback costs 1, a
CSV/JSON/GeoJSON download 4, an XLSX download 12 (building one takes seconds of CPU). Pages, static
files, health and callbacks answered from the response memo cost nothing (the memo's hook answers
before this one). Counts live in Redis when it is configured, so three workers give one client one
budget; on the embedded default they live in this process. If Redis fails or hangs, its connection
times out once and the breaker skips it (dashboard.cache.redis_options), and flask-limiter counts in
memory until it is back rather than failing or slowing the request. The sign-in throttles
(dashboard.admin) count in the same storage, made by `storage()`.

The client is the request's remote address: the real client behind the trusted proxies (web.proxy).

Imports nothing of ours but config, cache and admission.
"""

from __future__ import annotations

import time
from typing import Any, TypedDict

import flask
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from flask_limiter.util import get_remote_address

from dashboard.cache import redis_options
from dashboard.config import Settings
from dashboard.web.admission import CALLBACK_PATH

DOWNLOAD_PREFIX = "/api/v1/"
COSTS = {"xlsx": 12, "csv": 4, "json": 4, "geojson": 4}
RETRY_AFTER_SECONDS = 10


class LimiterStorage(TypedDict, total=False):
    """flask-limiter's storage keyword arguments."""

    storage_uri: str
    storage_options: dict[str, Any]


def storage(settings: Settings) -> LimiterStorage:
    """flask-limiter's storage arguments: Redis (shared by every worker, fail-fast) or this process."""
    if not settings.cache_redis_url:
        return {"storage_uri": "memory://"}
    return {
        "storage_uri": settings.cache_redis_url,
        "storage_options": redis_options(settings.cache_redis_url, timeout=settings.redis_timeout),
    }


def request_cost() -> int:
    """What this request costs the client's budget; 0 for requests that are cheap to answer."""
    request = flask.request
    if request.path == CALLBACK_PATH:
        return 1 if request.method == "POST" else 0
    if request.path.startswith(DOWNLOAD_PREFIX) and request.method in ("GET", "HEAD"):
        return COSTS.get(request.path.rsplit(".", 1)[-1], 0)
    return 0


def install(server: flask.Flask, settings: Settings) -> Limiter | None:
    """Register the limiter; call after the response memo's hook, so that memo hits cost nothing."""
    if settings.rate_limit is None:
        return None
    limiter = Limiter(
        key_func=get_remote_address,
        application_limits=[settings.rate_limit],
        application_limits_cost=lambda: max(1, request_cost()),
        application_limits_exempt_when=lambda: request_cost() == 0,
        **storage(settings),
        strategy="moving-window",
        key_prefix="qnit-limits",
        swallow_errors=True,  # a limiter fault must never turn a request into a 500
        in_memory_fallback_enabled=True,
        in_memory_fallback=[settings.rate_limit],
    )
    limiter.init_app(server)

    @server.errorhandler(RateLimitExceeded)
    def too_many_requests(error: RateLimitExceeded) -> flask.Response:
        response = flask.jsonify(
            {
                "error": {
                    "status": 429,
                    "message": f"too many requests from this address ({error.description})",
                }
            }
        )
        response.status_code = 429
        current = limiter.current_limit
        wait = current.reset_at - int(time.time()) if current is not None else RETRY_AFTER_SECONDS
        response.headers["Retry-After"] = str(max(1, wait))
        response.headers["Cache-Control"] = "no-store"
        return response

    return limiter
