"""Handing items to a worker thread through a bounded queue without waiting forever.

A producer blocked on a full queue must notice when its consumer has stopped (failed,
cancelled, finished), or a failure on one thread hangs the other. Used by the age
encryption thread (age_stream).
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def put_until(
    into: queue.Queue[T], item: T, stopped: Callable[[], bool], poll: float = 0.05
) -> bool:
    """Put `item` as soon as there is room; False (not put) once `stopped()` is true."""
    while not stopped():
        try:
            into.put(item, timeout=poll)
            return True
        except queue.Full:
            continue
    return False
