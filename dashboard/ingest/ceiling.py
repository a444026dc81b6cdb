"""Reading an untrusted file in a child process under a memory and a time ceiling: a file that would need
more is refused with a problem naming it, and the process that asked (a web worker) never grows.

The child is forked from a forkserver (one small single-threaded process started on first use), never from
the threaded worker itself; only the read table comes back. May import: parsing, tables.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from dashboard.ingest.parsing import ImportRejected, Problem, Row
from dashboard.ingest.tables import Limits, Table, read_table

MEMORY_CEILING = 1024 * 1024 * 1024  # bytes a read may add to the child's address space
TIME_CEILING = 120.0  # seconds
# Imported once in the forkserver, not per read. (Each child still runs the program's main script again,
# as multiprocessing does: gunicorn's is a few lines; `python -m` programs are not run again.)
_PRELOAD = ["dashboard.ingest.tables", "openpyxl"]


def _context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def _address_space() -> int:
    """Bytes of address space this process maps now (the first field of /proc/self/statm, in pages)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _packed(table: Table) -> tuple:
    """The table as plain tuples: every row has the same keys, and plain tuples pickle several times
    faster than Row objects (the transfer would otherwise cost more than the read)."""
    keys = tuple(table.rows[0].cells) if table.rows else ()
    rows = [(row.number, tuple(row.cells.values())) for row in table.rows]
    return table.header, keys, rows, table.header_row, table.header_rows, table.delimiter


def _unpacked(packed: tuple) -> Table:
    header, keys, rows, header_row, header_rows, delimiter = packed
    cells = [Row(number, dict(zip(keys, values, strict=True))) for number, values in rows]
    return Table(header, cells, header_row, header_rows, delimiter)


def _read_in_child(
    send: Connection,
    path: Path,
    is_header: Callable[[list[str]], bool] | None,
    near_miss: Callable | None,
    limits: Limits,
    memory: int,
) -> None:
    ceiling = _address_space() + memory
    _, hard = resource.getrlimit(resource.RLIMIT_AS)  # a lower limit set on the service stays in force
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        table = read_table(path, is_header=is_header, near_miss=near_miss, limits=limits)
        outcome: tuple[str, object] = ("table", _packed(table))
    except ImportRejected as rejected:
        outcome = ("rejected", rejected.problems)
    except MemoryError:
        outcome = ("memory", None)
    send.send(outcome)
    send.close()


def read_table_within(
    path: Path,
    *,
    is_header: Callable[[list[str]], bool] | None = None,
    near_miss: Callable | None = None,
    limits: Limits | None = None,
    memory: int = MEMORY_CEILING,
    seconds: float = TIME_CEILING,
) -> Table:
    """`tables.read_table` in a child process that may use at most `memory` more bytes and `seconds`;
    past either the file is refused (ImportRejected), whatever it holds."""
    context = _context()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_read_in_child,
        args=(send, path, is_header, near_miss, limits or Limits(), memory),
        daemon=True,
    )
    child.start()
    send.close()  # the child holds the only writing end: its death ends the wait below
    try:
        outcome = receive.recv() if receive.poll(seconds) else ("time", None)
    except EOFError:  # killed, or failed to allocate even the answer
        outcome = ("memory", None)
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    kind, value = outcome
    if kind == "table":
        return _unpacked(value)  # type: ignore[arg-type]
    if kind == "rejected":
        raise ImportRejected(value)  # type: ignore[arg-type]
    if kind == "time":
        message = f"reading the file took longer than {seconds:.0f} s: it is not a table we can read"
    else:
        message = (
            f"reading the file needs more than {memory // (1024 * 1024)} MB of memory: it is not a table "
            "we can read (save it again as a plain .xlsx or .csv, or split it)"
        )
    raise ImportRejected([Problem(path.name, None, None, None, "too-large", message)])
