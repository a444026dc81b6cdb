"""Every URL the app links to is built here, so shared links stay stable. Imports nothing of ours.

Paths are pure functions of their arguments. `absolute()` is the one place an absolute URL (embed code,
citations, link previews, download metadata) gets its origin: PUBLIC_BASE_URL when it is set, otherwise
the request's own scheme and host, but only a host the app trusts (TRUSTED_HOSTS, or loopback names
when that is empty), and never a forged Host header: with no trusted origin the URL stays a path.
"""

from __future__ import annotations

from urllib.parse import urlencode

import flask
from werkzeug.sansio.utils import host_is_trusted

# Trusted for absolute URLs when TRUSTED_HOSTS is empty (development): the machine's own names.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1")

PAGE_PATHS = {
    "overview": "/",
    "rankings": "/xep-hang",
    "compare": "/so-sanh",
    "edocs": "/van-ban-dien-tu",
    "national": "/ca-nuoc",
    "methodology": "/phuong-phap",
    "data": "/du-lieu",
    "accessibility": "/tro-nang",
    "licence": "/giay-phep",
}


def with_query(path: str, **params: object) -> str:
    """Append non-empty parameters in a stable order; Vietnamese (the default) is never written."""
    if params.get("lang") == "vi":
        params.pop("lang")
    clean = {k: v for k, v in sorted(params.items()) if v not in (None, "", (), [])}
    for key, value in clean.items():
        if isinstance(value, list | tuple):
            clean[key] = ",".join(str(v) for v in value)
    return f"{path}?{urlencode(clean)}" if clean else path


def page(name: str, *, lang: str = "vi", **params: object) -> str:
    """URL of a named page."""
    return with_query(PAGE_PATHS[name], lang=lang, **params)


def unit_profile(code: str, *, lang: str = "vi", **params: object) -> str:
    """URL of a unit's profile page."""
    return with_query(f"/don-vi/{code}", lang=lang, **params)


def api(resource: str, fmt: str = "csv", **params: object) -> str:
    """URL of an open-data download."""
    return with_query(f"/api/v1/{resource}.{fmt}", **params)


ORIGIN_KEY = "dashboard.trusted_origin"


def origin() -> str:
    """The scheme and host absolute URLs start with ('' when there is no trusted one)."""
    if not flask.has_app_context():
        return ""
    app = flask.current_app
    settings = app.config.get("DASHBOARD_SETTINGS")  # absent in a bare Flask app (tests of the plumbing)
    base = settings.public_base_url if settings else None
    if base:
        return base
    if not flask.has_request_context():
        return ""
    # Every memo key of a request asks: work it out once per request (kept in its WSGI environ, which no
    # other request shares, unlike `g` under nested test request contexts).
    environ = flask.request.environ
    if ORIGIN_KEY not in environ:
        environ[ORIGIN_KEY] = _request_origin(app)
    return environ[ORIGIN_KEY]


def _request_origin(app: flask.Flask) -> str:
    request = flask.request
    # Flask has already refused (400) a host outside a non-empty TRUSTED_HOSTS; this check is for the
    # empty list, which accepts any host but must not let one into a page.
    trusted = app.config.get("TRUSTED_HOSTS") or LOOPBACK_HOSTS
    if not host_is_trusted(request.host, trusted):
        return ""
    return f"{request.scheme}://{request.host.lower()}{request.script_root}"


def absolute(path: str) -> str:
    """An absolute URL of a path on this site, on the trusted origin (see the module docstring)."""
    return origin() + path


def report_card(code: str, *, lang: str = "vi", year: int | None = None, pdf: bool = False) -> str:
    """URL of a unit's printable report card (HTML, or the same page as PDF)."""
    return with_query(f"/don-vi/{code}/the-diem" + (".pdf" if pdf else ""), lang=lang, nam=year)


def meeting_pack(*, group: str, year: int, lang: str = "vi", pdf: bool = False) -> str:
    """URL of the printable ranking of a group in a year (the meeting pack)."""
    return with_query("/xep-hang/ban-in" + (".pdf" if pdf else ""), lang=lang, group=group, year=year)


FEEDS = {"datasets": "/feeds/du-lieu.atom", "corrections": "/feeds/dinh-chinh.atom"}


def feed(name: str, *, lang: str = "vi") -> str:
    """URL of an Atom feed: new datasets or corrections."""
    return with_query(FEEDS[name], lang=lang)


def unit_feed(code: str, *, lang: str = "vi") -> str:
    """URL of the Atom feed of one unit's corrections."""
    return with_query(f"/feeds/dinh-chinh/{code}.atom", lang=lang)
