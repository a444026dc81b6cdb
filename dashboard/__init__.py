"""Quảng Ngãi IT-application and e-documents transparency dashboard.

`create_app()` is the only wiring point: Flask server, Dash pages, cache, database, API, headers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import dash
import flask
from sqlalchemy.exc import OperationalError

from dashboard import db, queries
from dashboard.cache import cache
from dashboard.config import Settings
from dashboard.web import (
    admission,
    first_visit,
    health,
    limits,
    page_guard,
    plotly_bundle,
    proxy,
    rendered,
    security,
    static,
    validation,
)

log = logging.getLogger(__name__)


def _prepare_database(settings: Settings) -> None:
    engine = db.get_engine(settings.database_url)
    from dashboard.db import migrate
    from dashboard.ingest.importer import build_all, is_empty

    try:
        migrate.check_schema(engine)  # an older schema is upgraded from the command line only, never silently
        if settings.build_on_start and is_empty(engine):
            report = build_all(engine, settings.data_dir)
            log.info("built the database from %s: %s rows", settings.data_dir, sum(report.rows.values()))
        from dashboard.geo.maps import prepare_map_layers

        prepare_map_layers(engine, settings)  # the maps' layers, ready before any request
    except OperationalError as error:
        # Start anyway: /health says "down" and pages say "retrying" until the database is there.
        log.error("database unavailable at start, serving 503 until it is back: %s", error.orig or error)
    queries.bind(engine, settings)


def request_hooks(settings: Settings) -> list[tuple[str, Callable[[dash.Dash], object]]]:
    """Every hook a request passes, in the order create_app installs them (test_request_hooks.py checks).

    Flask runs before-request hooks in this order and after-request hooks in the reverse order, so an
    early entry sees a request first and its response last.
    """
    from dashboard.components import shell

    def heavy_slots(app: dash.Dash) -> object:
        folder = settings.instance_dir / "heavy-slots"
        return admission.install(app.server, folder, slots=settings.heavy_slots, queue=settings.heavy_queue)

    return [
        # The HTML page: <html lang>, title, loading frame.
        ("html page", shell.install),
        # The partial plotly.js at Dash's own URL; it answers that one GET and reads no body.
        ("plotly bundle", plotly_bundle.install),
        # Checks callback bodies before anything parses them.
        ("request guard", validation.install_request_guard),
        # A remembered answer before limits and slots; its after-hook, run after those of every hook
        # below, keeps the response as they finished it (headers, compression).
        ("response memo", rendered.install_for_callbacks),
        # After the memo: a remembered answer costs nothing.
        ("limits", lambda app: limits.install(app.server, settings)),
        # After the limits: a refused client takes no slot.
        ("heavy slots", heavy_slots),
        ("security headers", security.install),
        # After security: it never touches HTML, whose inline scripts are hashed there.
        ("static files", static.install),
        # Last, so its after-hook runs first: an unknown page's (or unit's) 200 is a no-store 404 for all
        # the others.
        ("page guard", lambda app: page_guard.install(app.server, known=shell.known_path)),
    ]


def create_app(settings: Settings | None = None) -> dash.Dash:
    """Build the Dash app and its Flask server."""
    settings = settings or Settings.from_env()
    server = flask.Flask(__name__, instance_path=str(settings.instance_dir))
    server.config["DASHBOARD_SETTINGS"] = settings
    server.config["MAX_CONTENT_LENGTH"] = 64 * 1024  # publishers' uploads get more (admin, MAX_UPLOAD_MB)
    proxy.install(server, hops=settings.proxy_hops)  # the real client and scheme behind nginx
    server.config["TRUSTED_HOSTS"] = list(settings.trusted_hosts) or None
    cache.init_app(server, config=settings.cache_config)
    _prepare_database(settings)
    server.teardown_request(queries.release_snapshot)
    from dashboard.api import blueprint as api_blueprint
    from dashboard.api import feeds_blueprint
    from dashboard.geo.maps import register_geo_routes

    server.register_blueprint(api_blueprint)
    server.register_blueprint(feeds_blueprint)
    from dashboard import reports

    server.register_blueprint(reports.blueprint)
    from dashboard import admin

    admin.install(server, settings)
    register_geo_routes(server, settings)
    health.register(server, cache_backend="redis" if settings.cache_redis_url else "simple")

    app = dash.Dash(
        __name__,
        server=server,
        use_pages=True,
        assets_folder=str(settings.assets_dir),
        # Bootstrap is vendored under assets/vendor and listed first so that site.css can override it: the
        # rules our markup can use (scripts/bootstrap_subset.py), 6 KB instead of 23 KB as brotli.
        external_stylesheets=["/assets/vendor/bootstrap.subset.min.css"],
        assets_ignore=r"bootstrap\.(subset\.)?min\.css",
        title="Minh bạch CNTT Quảng Ngãi",
        update_title=None,  # no "Updating..." flashing in the tab; pages set their own titles
        suppress_callback_exceptions=True,
        serve_locally=True,
        compress=False,
    )
    from dashboard.components import grid, shell

    grid.load_on_demand()  # pages without a grid never fetch its bundle (assets/grid-loader.js)
    first_visit.install()  # no polyfill, no DataTable bundle on any page
    app.layout = shell.layout
    for _name, install in request_hooks(settings):
        install(app)
    # Dash completes its set-up (callback map, page router) in before-request hooks of the first request,
    # without a lock: two threads of a fresh worker could dispatch before it is done and answer 500.
    # Running the hooks here does it before any worker is forked or any visitor arrives (and, unlike a
    # real request, leaves the Flask app open to more routes).
    with server.test_request_context("/_dash-layout"):
        server.preprocess_request()
    page_guard.clean_page_queries()
    from dashboard.components import page_meta

    page_meta.install(app)  # after the pages are registered (the hooks above import them)
    return app
