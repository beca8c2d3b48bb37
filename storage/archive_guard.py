"""The last-seen audit head kept beside an open archive (storage.last_seen): checked at
unlock, moved forward after every committed write and on close. A mixin of
storage.archive.Archive, kept apart so each module stays small.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from .connection import Connection
from .header import Header
from .last_seen import HeadGuard, LastSeenUnreadable, guards_of, reseal_legacy, state_key


class GuardedHead:
    """Adds `head_guard` handling to Archive (fields declared on Archive)."""

    folder: Path
    header: Header
    records_db: Connection
    replica_id: str
    read_only: bool
    warnings: list[str]
    head_guard: HeadGuard | None
    _master_key: bytes

    def attach_guard(self, state_dir: Path | None) -> None:
        """Check the head against this computer's record, then keep the record current
        after every write and on close. None: keep no record (tests, benchmarks)."""
        if state_dir is None:
            return
        aid = self.header.archive_id
        guard = HeadGuard(Path(state_dir), aid, self.replica_id, [state_key(self._master_key, aid)])
        problem = guard.problem(self.records_db)
        if problem is not None:
            self.warnings.append(problem)
        self.use_guard(guard)
        if problem is None and not self.read_only:
            with contextlib.suppress(OSError, LastSeenUnreadable):
                guard.advance(self.records_db)

    def use_guard(self, guard: HeadGuard) -> None:
        self.head_guard = guard
        self.records_db.after_commit.append(self._advance_after_write)

    def _advance_after_write(self) -> None:
        """Runs after a COMMIT: a full disk here must not fail a write that has landed."""
        if self.head_guard is None:
            return
        try:
            self.head_guard.advance(self.records_db)
        except (OSError, LastSeenUnreadable) as exc:
            self.warnings.append(f"could not record the audit head outside the archive: {exc}")

    def advance_on_close(self) -> None:
        if self.head_guard is not None and not self.read_only:
            with contextlib.suppress(Exception):
                self.head_guard.advance(self.records_db)


def reseal_head(state_dir: Path, archive_id: str, new: bytes, old: bytes) -> None:
    """Re-encrypt the last-seen head under the new master key after a rekey: the file of
    whichever replica the old key wrote (a rekey does not open the database to ask)."""
    keys = [state_key(new, archive_id), state_key(old, archive_id)]
    for guard in guards_of(Path(state_dir), archive_id, keys):
        with contextlib.suppress(OSError, LastSeenUnreadable):
            seen = guard.read()
            if seen is not None:
                guard.write(seen)
    reseal_legacy(Path(state_dir), archive_id, keys)


AfterCommit = Callable[[], None]
