"""The process's memo of rendered views: least recently used first out, bounded by the bytes its values
take (estimated) and, per function, by a number of entries.

`cachetools.LRUCache(maxsize, getsizeof=...)` bounds a cache the same way, but cachetools is not in the
lock file; this is the small part of it needed here, with one budget shared by every memoized function
(a worker's memory is one budget) and a lock for gunicorn's threads.

May import: nothing of ours.
"""

from __future__ import annotations

import dataclasses
import pickle
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable

import pandas as pd

MISSING = object()  # what `get` returns for a key not held (None is a value a view may return)
_FRAMES = (pd.DataFrame, pd.Series)


def handed_out(value: object) -> object:
    """What a caller gets of a held value: a frame, and each frame field of a dataclass, as a shallow copy.

    Under pandas' copy-on-write (the only mode from pandas 3) a shallow copy costs about 10 µs and nothing
    done to it (a value set, a column added or dropped, a sort in place) reaches the held frame, so no
    caller can change what the next one reads. Other values are handed out as held: views return
    immutable records, strings and component trees that callers only read.
    """
    if isinstance(value, _FRAMES):
        return value.copy(deep=False)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        frames = {
            field.name: getattr(value, field.name).copy(deep=False)
            for field in dataclasses.fields(value)
            if isinstance(getattr(value, field.name), _FRAMES)
        }
        return dataclasses.replace(value, **frames) if frames else value
    return value


def estimate_size(value: object) -> int | None:
    """Bytes a value takes, estimated: a frame's own memory, else the length of its pickle (which counts
    every string and number once, without Python's per-object overhead: the memory used is a few times
    more). None when it cannot be pickled."""
    if isinstance(value, pd.DataFrame):
        return int(value.memory_usage(deep=True).sum())
    try:
        return len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


class SizedLRU:
    """Values by key, evicted least recently used first when their estimated sizes pass `budget` bytes
    or an owner (a memoized function) holds more than its `max_entries`."""

    def __init__(self, budget: int, *, sizeof: Callable[[object], int | None] = estimate_size) -> None:
        self.budget = budget
        self._sizeof = sizeof
        self._items: OrderedDict[tuple[Hashable, Hashable], tuple[object, int]] = OrderedDict()
        self._counts: Counter[Hashable] = Counter()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """Estimated bytes held."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)

    def get(self, owner: Hashable, key: Hashable) -> object:
        """The value held for (owner, key), now the most recently used; MISSING when none is."""
        with self._lock:
            item = self._items.get((owner, key))
            if item is None:
                return MISSING
            self._items.move_to_end((owner, key))
            return item[0]

    def put(self, owner: Hashable, key: Hashable, value: object, *, max_entries: int) -> None:
        """Hold a value, then evict until the budget and the owner's entry cap hold again. A value that
        cannot be sized, or is larger than the whole budget, is not held (it would evict everything)."""
        size = self._sizeof(value)  # outside the lock: pickling a page takes milliseconds
        if size is None or size > self.budget:
            return
        with self._lock:
            self._drop((owner, key))
            self._items[(owner, key)] = (value, size)
            self._counts[owner] += 1
            self._bytes += size
            while self._counts[owner] > max_entries:
                self._drop(next(k for k in self._items if k[0] == owner))
            while self._bytes > self.budget:
                self._drop(next(iter(self._items)))

    def clear(self, owner: Hashable | None = None) -> None:
        """Forget every value (of one owner, when given)."""
        with self._lock:
            for full_key in [k for k in self._items if owner is None or k[0] == owner]:
                self._drop(full_key)

    def _drop(self, full_key: tuple[Hashable, Hashable]) -> None:
        item = self._items.pop(full_key, None)
        if item is not None:
            self._counts[full_key[0]] -= 1
            self._bytes -= item[1]
