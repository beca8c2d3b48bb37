"""Hybrid logical clock: the merge order of edits made on laptops with unreliable clocks.

A timestamp is (wall milliseconds, counter, replica id). It never goes backwards on one
replica even if the system clock does, and after seeing a remote timestamp every local
one is greater, so "highest HLC wins" respects causality. The string form sorts like the
tuple, which lets SQL compare HLCs as text.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from .records import BY_TABLE

COUNTER_MAX = 0xFFFF
_PATTERN = re.compile(r"^(\d{13})-([0-9a-f]{4})-([0-9a-f]{32})$")


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    replica: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:04x}-{self.replica}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        match = _PATTERN.match(text) if isinstance(text, str) else None
        if not match:
            raise ValueError(f"not an HLC timestamp: {text!r}")
        return cls(int(match.group(1)), int(match.group(2), 16), match.group(3))


class Clock:
    """One per open archive; `now()` for local edits, `observe()` when merging remote ones."""

    def __init__(
        self, replica: str, last: Timestamp | None = None, wall: Callable[[], int] | None = None
    ) -> None:
        if not re.fullmatch(r"[0-9a-f]{32}", replica):
            raise ValueError("replica id must be 32 lowercase hex digits")
        self.replica = replica
        self._wall = wall or (lambda: int(time.time() * 1000))
        self._last_ms = last.wall_ms if last else 0
        self._counter = last.counter if last else 0

    def _advance(self, candidate_ms: int, candidate_counter: int) -> Timestamp:
        if candidate_counter > COUNTER_MAX:
            candidate_ms, candidate_counter = candidate_ms + 1, 0
        self._last_ms, self._counter = candidate_ms, candidate_counter
        return Timestamp(self._last_ms, self._counter, self.replica)

    def catch_up(self, seen: Timestamp) -> None:
        """Never hand out a stamp at or below `seen`: another connection of this same
        replica (a worker thread's) may have written it. Produces no stamp itself."""
        if (seen.wall_ms, seen.counter) > (self._last_ms, self._counter):
            self._last_ms, self._counter = seen.wall_ms, seen.counter

    def now(self) -> Timestamp:
        wall = self._wall()
        if wall > self._last_ms:
            return self._advance(wall, 0)
        return self._advance(self._last_ms, self._counter + 1)

    def observe(self, remote: Timestamp) -> Timestamp:
        """Fold in a timestamp from another replica; the result is after both."""
        wall = self._wall()
        top = max(wall, self._last_ms, remote.wall_ms)
        if top == self._last_ms == remote.wall_ms:
            counter = max(self._counter, remote.counter) + 1
        elif top == self._last_ms:
            counter = self._counter + 1
        elif top == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        return self._advance(top, counter)


def recover_last(conn, stored: str | None) -> Timestamp | None:
    """The clock's high-water mark from meta, or, when that value is damaged, the highest
    valid stamp any record carries (so the clock still never goes backwards)."""
    if stored is not None:
        try:
            return Timestamp.parse(stored)
        except ValueError:
            pass
    best: Timestamp | None = None
    for table in BY_TABLE:
        row = conn.execute(f"SELECT max(hlc) FROM {table}").fetchone()
        try:
            stamp = Timestamp.parse(row[0]) if row and row[0] else None
        except ValueError:
            continue
        if stamp is not None and (best is None or stamp > best):
            best = stamp
    return best
