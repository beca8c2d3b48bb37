"""Atomic file replacement: a reader sees the old file or the new one, never half of either.

The temp file lives in the destination folder so that rename() stays on one filesystem,
and both the file and the folder are fsynced so the rename survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(dest: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces `dest` only if the block finishes without error."""
    dest = Path(dest)
    tmp = dest.with_name(f".{dest.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
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
