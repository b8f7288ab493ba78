"""Definitions read recently, reused for a few seconds per process.

Units, parent links, forms and rules change a few times a year, yet every page and save read them:
the unit tree alone is 17 ms a request at province scale. Each process may reuse what it read for
`KEHOACH_DEFINITIONS_MAX_AGE` seconds (default 5; 0 in tests: always re-read), so an edit to the
definitions reaches pages, checks and scope within that delay (decision 0009). Values, statuses and
permissions of users are never memoised here.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from django.conf import settings

V = TypeVar("V")
_ALL: weakref.WeakSet[Recent[object]] = weakref.WeakSet()


def definitions_max_age() -> float:
    """Seconds a process may reuse the definitions it read (setting KEHOACH_DEFINITIONS_MAX_AGE)."""
    return float(getattr(settings, "KEHOACH_DEFINITIONS_MAX_AGE", 5.0))


class Recent(Generic[V]):
    """A small per-process memo: `get(key, load)` returns what `load` gave for `key` less than the
    max age ago, else loads again. Bounded: cleared when it holds more than `size` keys."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._held: dict[Hashable, tuple[float, V]] = {}
        self._lock = threading.Lock()
        _ALL.add(self)  # type: ignore[arg-type]  # invariant V: any memo may be cleared

    def get(self, key: Hashable, load: Callable[[], V]) -> V:
        max_age = definitions_max_age()
        if max_age > 0:
            with self._lock:
                held = self._held.get(key)
            if held is not None and time.monotonic() - held[0] < max_age:
                return held[1]
        value = load()  # outside the lock: two threads may both load; the last one is kept
        with self._lock:
            if len(self._held) >= self._size:
                self._held.clear()
            self._held[key] = (time.monotonic(), value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._held.clear()


def clear_all() -> None:
    """Forget every memo of this process (tests: a memo must not outlive the database it read)."""
    for memo in list(_ALL):
        memo.clear()
