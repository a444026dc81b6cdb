"""Signed-in publishing pages under /quan-tri: accounts, sign-in, upload -> preview -> publish, audit.

One pipeline, two doors: uploads go through dashboard.ingest exactly like the command line.
May import: csv_output, db, domain, ingest, config, i18n, web, views (the methodology table a preview
shows).
Nothing public links here; nothing here is cached or framed.
"""

from __future__ import annotations

import logging
import os

import flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from sqlalchemy import Engine

from dashboard import db
from dashboard.admin import sessions
from dashboard.admin.views import login_manager, make_blueprint
from dashboard.config import Settings
from dashboard.web import limits

log = logging.getLogger(__name__)


class MissingSecretKey(RuntimeError):
    """Production needs a fixed SECRET_KEY: sessions are signed with it."""


def _secret_key(settings: Settings) -> str:
    if settings.secret_key:
        return settings.secret_key
    if settings.production:
        raise MissingSecretKey(
            "SECRET_KEY is not set: the publishing pages sign sessions with it. Set it (e.g. "
            "`python -c 'import secrets; print(secrets.token_hex(32))'`) in the production environment."
        )
    log.warning("SECRET_KEY is not set: a random key is used, so sign-ins end when this process stops")
    return os.urandom(32).hex()


def install(server: flask.Flask, settings: Settings, *, engine: Engine | None = None) -> None:
    """Wire the publishing pages into the server: sessions, sign-in limits, CSRF, routes."""
    engine = engine or db.get_engine(settings.database_url)
    server.secret_key = _secret_key(settings)
    server.config.setdefault("DASHBOARD_SETTINGS", settings)  # upload size, read per request
    server.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=settings.production,
        SESSION_COOKIE_NAME="qnit_session",
    )
    sessions.install(
        server, idle_seconds=settings.session_idle_seconds, max_seconds=settings.session_max_seconds
    )
    # Counted in Redis when there is one, so every worker sees the same attempts; per real client (the
    # remote address behind the trusted proxy, web.proxy); fail-fast and in memory while Redis is away.
    limiter = Limiter(
        key_func=get_remote_address,
        app=server,
        **limits.storage(settings),
        key_prefix="qnit-admin",
        swallow_errors=True,
        in_memory_fallback_enabled=True,
    )
    server.register_blueprint(
        make_blueprint(
            engine,
            uploads_dir=settings.instance_dir / "uploads",
            limiter=limiter,
            templates_dir=settings.data_dir / "templates",
        )
    )
    login_manager(engine).init_app(server)
