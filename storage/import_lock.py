"""Who may be writing media right now: a shared lock on the archive folder per import.

An import commits its content to media.db first and its record to archive.db later (see
app.media.importer); between the two, the content looks exactly like what a crashed import
leaves behind. Age tells them apart badly (a long import's content is old). So every
import holds a *shared* flock on the archive folder from before its first chunk until its
last record is committed, and `media cleanup` removes unreferenced content only while it
holds the *exclusive* lock: if any import is running it refuses; if none is, every
unreferenced blob is really left over. The lock dies with its process, so a crashed
import never blocks cleanup. flock (not fcntl) locks belong to the open file description,
so SQLite's own POSIX locks on the database files are not disturbed, and two imports in
one process (the GUI) share the folder without blocking each other.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from .errors import ArchiveBusy

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; cleanup then keeps everything
    fcntl = None  # type: ignore[assignment]


def _open_folder(folder: Path) -> int:
    return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


@contextlib.contextmanager
def importing(folder: Path) -> Iterator[None]:
    """Held for the whole of an import (waits while a cleanup is running)."""
    if fcntl is None:
        yield
        return
    fd = _open_folder(folder)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def no_import_running(folder: Path) -> Iterator[None]:
    """Held while removing unreferenced content; ArchiveBusy when an import is running."""
    if fcntl is None:
        raise ArchiveBusy("Cleaning up media needs file locks, which this system lacks")
    fd = _open_folder(folder)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ArchiveBusy(
                "Another Tumar command is importing media into this archive; run "
                "`tumar media cleanup` again when it has finished"
            ) from None
        yield
    finally:
        os.close(fd)
