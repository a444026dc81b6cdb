"""The data version as PostgreSQL pushes it: LISTEN/NOTIFY instead of a query per request.

`bump_data_version` (db.py) notifies CHANNEL in the import's transaction, so the signal leaves at its
commit. Each worker process keeps one listening connection in a daemon thread and re-reads the version
when signalled (and every REFRESH_SECONDS as a safety net), so the response memo can answer a repeated
request with no database round trip; a new version reaches every worker within milliseconds of the
commit. `current()` is None whenever the version is not known this way (SQLite, not connected yet, the
connection lost during a restart): callers then read it from the database as before.

May import: db. Used by rendered.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from sqlalchemy import Engine

from dashboard import db

log = logging.getLogger(__name__)

APPLICATION_NAME = "qn-data-version"
REFRESH_SECONDS = 30.0
RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0, 5.0)


class VersionWatch:
    """One listening thread per process (started lazily, again after a fork)."""

    def __init__(self) -> None:
        self._version: str | None = None
        self._engine: Engine | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()

    def current(self, engine: Engine) -> str | None:
        """The pushed version, or None when unknown (read it from the database then)."""
        if engine.dialect.name != "postgresql":
            return None
        if self._pid != os.getpid() or self._engine is not engine:
            self._start(engine)
        return self._version

    def _start(self, engine: Engine) -> None:
        with self._lock:
            if self._pid == os.getpid() and self._engine is engine:
                return
            self._pid, self._engine, self._version = os.getpid(), engine, None
            threading.Thread(
                target=self._run, args=(engine, self._pid), name="data-version", daemon=True
            ).start()

    def _stale(self, engine: Engine, pid: int) -> bool:
        return self._engine is not engine or self._pid != pid

    def _run(self, engine: Engine, pid: int) -> None:
        failures = 0
        while not self._stale(engine, pid):
            try:
                self._listen(engine, pid)
            except Exception as error:  # lost connection (restart, network): unknown until back
                if not self._stale(engine, pid):
                    self._version = None
                delay = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
                failures += 1
                log.warning("data-version listener: %s; reconnecting in %.1f s", error, delay)
                time.sleep(delay)
            else:
                failures = 0

    def _listen(self, engine: Engine, pid: int) -> None:
        # A connection of its own, detached from the pool: it is held for the life of the process.
        pooled = engine.raw_connection()
        connection = pooled.driver_connection
        pooled.detach()
        try:
            connection.autocommit = True
            connection.execute(f"SET application_name = '{APPLICATION_NAME}'")  # findable in pg_stat_activity
            connection.execute(f"LISTEN {db.DATA_VERSION_CHANNEL}")  # before the read: no signal is lost

            def read() -> None:
                row = connection.execute(db.DATA_VERSION_SQL).fetchone()
                if not self._stale(engine, pid):
                    self._version = (row[0] if row else None) or "0"

            read()
            while not self._stale(engine, pid):
                for _notify in connection.notifies(timeout=REFRESH_SECONDS, stop_after=1):
                    pass
                read()
        finally:
            connection.close()


watch = VersionWatch()
