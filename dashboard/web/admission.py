"""A bounded queue for heavy work (uncached callbacks and downloads), with slots shared by all workers.

A worker has a few threads; if every one of them builds an XLSX or a six-unit comparison, a visitor's
cached request waits behind them for seconds, and CPU-bound work on more threads than the machine has
cores only slows everything down. Here at most `slots` heavy requests run at once on the machine (by
default one core fewer than it has, so one core is always left for cached answers), at most `queue`
more per worker wait briefly for a slot, and any more are answered 503 with Retry-After at once.
Downloads always take a slot; a callback only once its uncached answers have proved slow (CostBook).

The slots are `flock` locks on files under the instance folder: shared by every gunicorn worker, and
released by the kernel if a worker dies holding one (a counter in shared memory would leak). Imports
nothing of ours but i18n.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

import flask

from dashboard.i18n import LANGUAGES, t

RETRY_AFTER_SECONDS = 2
CALLBACK_PATH = "/_dash-update-component"
_POLL = 0.02  # seconds between attempts while queued


class Busy(Exception):
    """Every heavy slot is taken and this worker's queue is full."""


class Admission:
    """`slots` heavy requests at once (machine-wide), `queue` more waiting up to `wait` s, others refused."""

    def __init__(self, folder: Path, *, slots: int, queue: int, wait: float = 5.0) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._paths = [folder / f"slot-{n}.lock" for n in range(slots)]
        self._queue = queue
        self._wait = wait
        self._waiting = 0
        self._lock = threading.Lock()

    def _try_slot(self) -> int | None:
        for path in self._paths:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                continue
            return descriptor
        return None

    def enter(self) -> int | None:
        """A held slot (give it back with `leave`), waiting in the queue if there is room; None if refused."""
        slot = self._try_slot()
        if slot is not None:
            return slot
        with self._lock:
            if self._waiting >= self._queue:
                return None
            self._waiting += 1
        try:
            deadline = time.monotonic() + self._wait
            while time.monotonic() < deadline:
                time.sleep(_POLL)
                slot = self._try_slot()
                if slot is not None:
                    return slot
            return None
        finally:
            with self._lock:
                self._waiting -= 1

    @staticmethod
    def leave(slot: int) -> None:
        os.close(slot)  # closing the descriptor releases its lock


class CostBook:
    """How long each callback's uncached answers take here (a moving average per output).

    Only callbacks that have proved heavy (the comparison of six units, not a page's layout) queue for
    a slot; a view never seen before that renders in milliseconds is never refused. Until an output's
    first answer is timed, a second request for it queues while the first runs, and any request whose
    run has already taken longer than the threshold marks it heavy at once (a burst of new, slow
    requests cannot all start together). Per worker, bounded by the registered outputs (the request
    guard refuses any other).
    """

    def __init__(self, *, heavy_seconds: float = 0.1, weight: float = 0.3) -> None:
        self._seconds: dict[str, float] = {}
        self._running: dict[str, dict[int, float]] = {}
        self._heavy = heavy_seconds
        self._weight = weight
        self._lock = threading.Lock()

    def is_heavy(self, output: str) -> bool:
        """Whether a request for this output should wait for a heavy slot."""
        with self._lock:
            running = self._running.get(output, {})
            if output not in self._seconds:
                return bool(running)
            oldest = min(running.values(), default=None)
            late = oldest is not None and time.perf_counter() - oldest >= self._heavy
            return late or self._seconds[output] >= self._heavy

    def start(self, output: str) -> int:
        """Note a run of `output` that begins now; its token for `finish`."""
        token = threading.get_ident()
        with self._lock:
            self._running.setdefault(output, {})[token] = time.perf_counter()
        return token

    def finish(self, output: str, token: int) -> None:
        """Fold a finished run's duration into the output's average."""
        with self._lock:
            started = self._running.get(output, {}).pop(token, None)
            if started is None:
                return
        self.record(output, time.perf_counter() - started)

    def record(self, output: str, seconds: float) -> None:
        """Fold a duration into the output's average."""
        with self._lock:
            before = self._seconds.get(output)
            self._seconds[output] = seconds if before is None else before + self._weight * (seconds - before)


_FLAG = "_heavy_slot"
_TIMED = "_callback_timed"


def admit() -> None:
    """Hold a heavy slot until the request ends (its streamed body included), or raise Busy."""
    if flask.g.get(_FLAG) is not None:
        return
    admission: Admission = flask.current_app.extensions["admission"]
    slot = admission.enter()
    if slot is None:
        raise Busy
    setattr(flask.g, _FLAG, slot)


def install(server: flask.Flask, folder: Path, *, slots: int, queue: int) -> Admission:
    """Attach the queue; `admit()` in a view or hook takes a slot, teardown gives it back.

    Register after the response memo's hook: a callback it answers never reaches `admit` here.
    """
    admission = Admission(folder, slots=slots, queue=queue)
    server.extensions["admission"] = admission
    costs = CostBook()

    @server.before_request
    def admit_heavy_callbacks() -> None:
        if flask.request.path != CALLBACK_PATH or flask.request.method != "POST":
            return
        output = (flask.request.get_json(silent=True) or {}).get("output")  # checked by the request guard
        if costs.is_heavy(output):
            admit()
        setattr(flask.g, _TIMED, (output, costs.start(output)))

    @server.teardown_request
    def release(_error: BaseException | None) -> None:
        timed = flask.g.pop(_TIMED, None)
        if timed is not None:
            costs.finish(*timed)
        slot = flask.g.pop(_FLAG, None)
        if slot is not None:
            admission.leave(slot)

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
