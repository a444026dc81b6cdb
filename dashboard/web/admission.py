"""A bounded queue per worker for heavy work (uncached callbacks and downloads).

A worker has a few threads; if every one of them builds an XLSX or a six-unit comparison, a visitor's
cached request waits behind them for seconds. Here at most `slots` heavy requests run at once per
worker and at most `queue` wait (briefly) for a slot; any more are answered 503 with Retry-After at
once, leaving the other threads free for cheap requests. Imports nothing of ours but i18n.
"""

from __future__ import annotations

import threading

import flask

from dashboard.i18n import LANGUAGES, t

RETRY_AFTER_SECONDS = 2
CALLBACK_PATH = "/_dash-update-component"


class Busy(Exception):
    """Every heavy slot of this worker is taken and the queue is full."""


class Admission:
    """`slots` heavy requests at once, `queue` more waiting up to `wait` seconds, the rest refused."""

    def __init__(self, *, slots: int, queue: int, wait: float = 5.0) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._queue = queue
        self._wait = wait
        self._waiting = 0
        self._lock = threading.Lock()

    def enter(self) -> bool:
        """Take a slot (waiting in the queue if there is room); False when refused."""
        if self._slots.acquire(blocking=False):
            return True
        with self._lock:
            if self._waiting >= self._queue:
                return False
            self._waiting += 1
        try:
            return self._slots.acquire(timeout=self._wait)
        finally:
            with self._lock:
                self._waiting -= 1

    def leave(self) -> None:
        self._slots.release()


_FLAG = "_admitted_heavy"


def admit() -> None:
    """Hold a heavy slot until the request ends (its streamed body included), or raise Busy."""
    if flask.g.get(_FLAG):
        return
    admission: Admission = flask.current_app.extensions["admission"]
    if not admission.enter():
        raise Busy
    setattr(flask.g, _FLAG, True)


def install(server: flask.Flask, *, slots: int, queue: int) -> Admission:
    """Attach the worker's queue; `admit()` in a view or hook takes a slot, teardown gives it back.

    Register after the response memo's hook: a callback it answers never reaches `admit` here.
    """
    admission = Admission(slots=slots, queue=queue)
    server.extensions["admission"] = admission

    @server.before_request
    def admit_callbacks() -> None:
        if flask.request.path == CALLBACK_PATH and flask.request.method == "POST":
            admit()

    @server.teardown_request
    def release(_error: BaseException | None) -> None:
        if flask.g.pop(_FLAG, False):
            admission.leave()

    @server.errorhandler(Busy)
    def busy(_error: Busy) -> flask.Response:
        response = flask.jsonify(
            {
                "error": {"status": 503, "message": "busy, try again in a moment"},
                "messages": {lang: t("outage.busy", lang) for lang in LANGUAGES},
            }
        )
        response.status_code = 503
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response.headers["Cache-Control"] = "no-store"
        return response

    return admission
