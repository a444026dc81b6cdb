"""GET /health: database and cache state, for load balancers and people on call."""

from __future__ import annotations

import logging
import time

import flask
from redis.exceptions import RedisError
from sqlalchemy import text
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from dashboard import db, queries
from dashboard.cache import cache
from dashboard.i18n import LANGUAGES, t

log = logging.getLogger(__name__)


def _check_database() -> dict[str, object]:
    started = time.perf_counter()
    try:
        with queries.engine().connect() as connection:
            connection.execute(text("SELECT 1"))
        version = db.data_version(queries.engine())
    except SQLAlchemyError as error:
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "data_version": version, "ms": round(1000 * (time.perf_counter() - started), 2)}


def _check_cache(backend: str) -> dict[str, object]:
    started = time.perf_counter()
    raw = cache.cache  # the raw backend, not the wrapper: flask-caching swallows backend errors on purpose
    if getattr(raw, "is_open", False):  # the circuit breaker skips Redis for a while after a failure
        return {"ok": False, "backend": backend, "error": "unavailable, retrying soon"}
    try:
        raw.set("health:probe", started, timeout=10)
        ok = raw.get("health:probe") == started
    except (RedisError, OSError) as error:
        return {"ok": False, "backend": backend, "error": type(error).__name__}
    if not ok:
        return {"ok": False, "backend": backend, "error": "unavailable, retrying soon"}
    return {"ok": ok, "backend": backend, "ms": round(1000 * (time.perf_counter() - started), 2)}


def register(server: flask.Flask, *, cache_backend: str) -> None:
    """Add the /health route, and a 503 (not a 500) while the database restarts."""

    # A connection the server ended mid-request fails with either, depending on where it was caught.
    @server.errorhandler(OperationalError)
    @server.errorhandler(InterfaceError)
    def database_unavailable(error: OperationalError | InterfaceError) -> flask.Response:
        log.warning("database unavailable: %s", error.orig.__class__.__name__ if error.orig else error)
        # `messages` is what assets/outage.js shows in its banner, in the page's language.
        response = flask.jsonify(
            {
                "error": "database temporarily unavailable, try again in a moment",
                "messages": {lang: t("outage.retrying", lang) for lang in LANGUAGES},
            }
        )
        response.status_code = 503
        response.headers["Retry-After"] = "1"
        return response

    @server.get("/health")
    def health() -> flask.Response:
        database = _check_database()
        cache_state = _check_cache(cache_backend)
        # Without the cache the app still serves (uncached); without the database it cannot.
        status = "ok" if database["ok"] and cache_state["ok"] else "degraded" if database["ok"] else "down"
        response = flask.jsonify({"status": status, "database": database, "cache": cache_state})
        response.status_code = 503 if status == "down" else 200
        response.headers["Cache-Control"] = "no-store"
        return response
