"""One unlocked archive as the window sees it: the GUI thread's Archive, the job runner,
and a way for worker threads to get their own connections.

SQLCipher connections belong to the thread that opened them. `archive` is for the GUI
thread (quick reads, single writes); a job that reads or writes a lot opens
`worker_archive()` on its own thread. That reuses the master key held in memory by the open
archive (no second KDF run). Both connections write as the same replica; their HLC stamps
stay ordered because every write re-reads the stored high-water mark inside its
transaction (storage.repository.Repository._tick).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tumar.app import lifecycle
from tumar.storage.archive import Archive
from tumar.storage.errors import ArchiveLocked

from .jobs import JobRunner


class Session(QObject):
    changed = Signal(str)  # record kind written ("person", "case", "*"…): lists refresh
    locked = Signal()

    def __init__(
        self,
        archive: Archive,
        runner: JobRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._archive: Archive | None = archive
        self.folder: Path = Path(archive.folder)
        self.runner = runner if runner is not None else JobRunner(self)

    @classmethod
    def from_key(
        cls, key: lifecycle.UnlockedKey, runner: JobRunner | None = None,
        parent: QObject | None = None,
    ) -> Session:  # fmt: skip
        """Open the databases on this (GUI) thread with a key unwrapped on a worker."""
        return cls(lifecycle.open_with_key(key), runner, parent)

    @property
    def archive(self) -> Archive:
        if self._archive is None:
            raise ArchiveLocked("The archive is locked; unlock it again")
        return self._archive

    @property
    def is_open(self) -> bool:
        return self._archive is not None

    @contextlib.contextmanager
    def worker_archive(self) -> Iterator[Archive]:
        """Own connections for the calling (worker) thread, closed on exit."""
        sibling = self.archive.open_sibling()
        try:
            yield sibling
        finally:
            sibling.close()

    def notify_changed(self, kind: str) -> None:
        if self._archive is not None:
            self.changed.emit(kind)

    def lock(self) -> None:
        """Close the archive and forget its key; running jobs are cancelled and their
        results dropped. Emits `locked` once."""
        if self._archive is None:
            return
        self.runner.cancel_all(detach=True)
        archive, self._archive = self._archive, None
        archive.close()
        self.locked.emit()
