"""How long a publisher stays signed in: an idle timeout and an absolute lifetime (settings).

The session cookie is signed and carries when the publisher signed in and when they were last seen.
Before every publishing request a session past either limit is ended (Flask-Login signs it out) and the
sign-in page says so; otherwise "last seen" moves on. Flask's PERMANENT_SESSION_LIFETIME, which also
bounds the cookie's signature, is set to the absolute lifetime (Flask's default is 31 days).
"""

from __future__ import annotations

import time
from datetime import timedelta

import flask
from flask_login import logout_user

SIGNED_IN_AT = "signed_in_at"
SEEN_AT = "seen_at"
ENDED = "session_ended"
BLUEPRINT = "admin"


def now() -> float:
    """The sessions' clock (seconds since the epoch)."""
    return time.time()


def start() -> None:
    """Call right after login_user: the session's clocks start now."""
    started = now()
    flask.session[SIGNED_IN_AT] = started
    flask.session[SEEN_AT] = started


def ended() -> bool:
    """Whether this request's session was just ended for its age (shown once, on the sign-in page)."""
    return bool(flask.session.pop(ENDED, False))


def install(server: flask.Flask, *, idle_seconds: int, max_seconds: int) -> None:
    """End publishing sessions idle for `idle_seconds` or older than `max_seconds`."""
    server.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=max_seconds)

    # On the server, not the blueprint: it must run before the blueprint's guard looks at the user.
    @server.before_request
    def _end_old_sessions() -> None:
        request = flask.request
        if request.blueprint != BLUEPRINT or request.endpoint == f"{BLUEPRINT}.static":
            return
        session = flask.session
        if "_user_id" not in session:  # Flask-Login's key: nobody is signed in
            return
        current = now()
        signed_in, seen = session.get(SIGNED_IN_AT, 0.0), session.get(SEEN_AT, 0.0)
        if current - seen > idle_seconds or current - signed_in > max_seconds:
            logout_user()
            session.clear()
            session[ENDED] = True
            return
        session[SEEN_AT] = current
