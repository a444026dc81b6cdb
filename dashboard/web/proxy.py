"""Who a request comes from: behind `PROXY_HOPS` trusted proxies, the client they forwarded.

werkzeug's ProxyFix sets the request's remote address and scheme from the X-Forwarded-For and
X-Forwarded-Proto headers of that many proxies (nginx in the recipe: 1), so every limit, throttle and
audit entry sees the real client and redirects stay on https. With 0 (the default) those headers are
ignored: a client talking to the app directly cannot choose the address it is counted under. The app
must then be reachable only through the proxy (the recipe binds gunicorn to loopback).

Imports nothing of ours.
"""

from __future__ import annotations

import flask
from werkzeug.middleware.proxy_fix import ProxyFix


def install(server: flask.Flask, *, hops: int) -> None:
    """Believe the forwarding headers of `hops` proxies in front of the server (none when 0)."""
    if hops:
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
