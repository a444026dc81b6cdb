"""A small Flask app with the per-client limiter and the heavy-work queue, and routes shaped like the real
ones, for the limits tests in tests/pure/web and tests/database/web."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import flask

from dashboard.config import Settings
from dashboard.web import admission, limits, proxy


def limited_app(**overrides) -> flask.Flask:
    """A small app with the limiter and the queue, and routes shaped like the real ones."""
    settings = Settings.from_env({}, **overrides)
    app = flask.Flask(__name__)
    proxy.install(app, hops=settings.proxy_hops)
    limits.install(app, settings)
    folder = Path(tempfile.mkdtemp(prefix="heavy-slots-"))
    admission.install(app, folder, slots=settings.heavy_slots, queue=settings.heavy_queue)
    release, holding = threading.Event(), threading.Event()
    app.config["release"], app.config["holding"] = release, holding

    @app.get("/api/v1/<name>.<fmt>")
    def download(name, fmt):
        admission.admit()
        if name == "slow":
            holding.set()
            release.wait(10)
        return "rows"

    @app.post("/_dash-update-component")
    def callback():
        return "{}"

    @app.get("/xep-hang")
    def page():
        return "page"

    return app
