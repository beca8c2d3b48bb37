"""Atomic file replacement: a reader sees the old file or the new one, never half of either.

The temp file lives in the destination folder so that rename() stays on one filesystem,
and both the file and the folder are fsynced so the rename survives a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import itertools
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

#: what fsync of a folder gives where the filesystem cannot do it (some network shares
#: and FUSE mounts, VirtualBox shared folders): the rename is then that filesystem's to keep
_NO_DIR_SYNC = {errno.EINVAL, errno.ENOTSUP, errno.ENOSYS}


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable. Where the filesystem cannot sync a folder, the
    file itself was already synced: a backup onto such a share failed after it had been
    written in full."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _NO_DIR_SYNC:
            raise
    finally:
        os.close(fd)


#: how much a long file may hold unwritten before the kernel is asked to start on it
WRITEBACK_STEP = 8 << 20


class StreamedFile:
    """A file written for minutes (a 5 GB backup) that the kernel writes out as it grows.

    Left alone, Linux keeps gigabytes of it dirty in memory and the final fsync then waits
    for all of it at once (≈ 0.5 s per GiB here, a third of a backup's time; longer on a
    USB stick). Every WRITEBACK_STEP bytes this asks for the part written so far to be
    written back now, without waiting (POSIX_FADV_DONTNEED starts the writeback and drops
    pages already written, so a backup also does not push the rest of the page cache out).
    The fsync stays: it is what makes the file durable; it just has little left to do.
    """

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self._written = self._pushed = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        written = self._fh.write(data)
        self._written += written
        if self._written - self._pushed >= WRITEBACK_STEP and hasattr(os, "posix_fadvise"):
            self._fh.flush()
            os.posix_fadvise(
                self._fh.fileno(), self._pushed, self._written - self._pushed,
                os.POSIX_FADV_DONTNEED,
            )  # fmt: skip
            self._pushed = self._written
        return written

    def flush(self) -> None:
        self._fh.flush()

    def fileno(self) -> int:
        return self._fh.fileno()


class _Writer:
    """Who writes a temp file: this process, told apart from an earlier one with the same
    pid. Why the token: in a pid namespace (Flatpak, a container) every run of Tumar gets
    the same few pids, so a temp file named by pid alone, left by a power cut, looked like
    this process's own: the next write of that file failed ("File exists") on every run,
    and no cleanup would touch it. A forked child draws its own token."""

    def __init__(self) -> None:
        self.renew()

    def renew(self) -> None:
        self.token = secrets.token_hex(4)
        self.count = itertools.count()

    def temp_name(self, dest: Path) -> Path:
        """Unique per process and per write (two threads may write the same file)."""
        stem = _stem(dest.name)
        return dest.with_name(f".{stem}.tmp-{os.getpid()}-{self.token}-{next(self.count)}")


#: the longest file name most filesystems take, in bytes
NAME_MAX = 255
#: what a temp name adds to its file's: ".", ".tmp-", a pid, a token, a count
_TEMP_ROOM = 48


def _stem(name: str) -> str:
    """`name` as its temp files carry it: cut, on a character boundary, where the temp name
    would pass NAME_MAX (a photo named with a long Cyrillic title, 2 bytes a letter, could
    not be exported although its own name fit)."""
    room = NAME_MAX - _TEMP_ROOM
    if len(os.fsencode(name)) <= room:
        return name
    kept, used = [], 0
    for char in name:
        used += len(os.fsencode(char))
        if used > room:
            break
        kept.append(char)
    return "".join(kept)


_writer = _Writer()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_writer.renew)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _writer_gone(suffix: str) -> bool:
    """Whether the writer named by a temp file's suffix (`PID-TOKEN-N`, or `PID` as
    versions before the token wrote it) can no longer finish it."""
    pid, _, token = suffix.partition("-")
    if not pid.isdigit():
        return False  # not a name atomic_writer makes
    if int(pid) == os.getpid():  # this pid, another process: an earlier run
        return token.split("-", 1)[0] != _writer.token
    return not _running(int(pid))


def remove_stale_temps(folder: Path, name_glob: str) -> list[Path]:
    """Delete what an interrupted atomic_writer left for files named like `name_glob` in
    `folder` (a power cut or a pulled stick: the temp file could not be removed), when the
    process that wrote it is gone. Why: on a USB stick or a Syncthing share a stale temp of
    a full backup is hundreds of megabytes, copied to every laptop, forever. Only the
    caller's own names are given, so another laptop's file is never touched."""
    removed = []
    for path in Path(folder).glob(f".{name_glob}.tmp-*"):
        if not _writer_gone(path.name.rsplit(".tmp-", 1)[1]) or not path.is_file():
            continue
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


@contextlib.contextmanager
def atomic_writer(dest: Path, mode: int = 0o600, *, streamed: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces `dest` only if the block finishes without error.
    `streamed`: a long file, written back while it grows (StreamedFile).

    What an interrupted write of the same file left (its writer gone) is removed first: a
    media copy or a dossier cut off by a power cut would otherwise stay beside it, hidden,
    for good. A folder where that is not allowed does not stop the write."""
    dest = Path(dest)
    with contextlib.suppress(OSError):
        remove_stale_temps(dest.parent, glob.escape(_stem(dest.name)))
    tmp = _writer.temp_name(dest)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield StreamedFile(fh) if streamed else fh  # type: ignore[misc]
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(dest.parent)


def atomic_write_bytes(dest: Path, data: bytes, mode: int = 0o600) -> None:
    with atomic_writer(dest, mode) as fh:
        fh.write(data)
