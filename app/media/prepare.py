"""Opening import sources, and preparing the next small file while the current one is stored.

A file of at most IN_MEMORY_MAX bytes is read whole into memory and described there (MIME
type, EXIF, thumbnail: describe.inspect_content) on one helper thread, while the import's
own thread writes the previous file to media.db and its record to archive.db. Decoding an
image costs more than encrypting and storing it, so doing the two side by side is most of
the import speed for photos. Nothing changes in what is stored or when:

- the bytes held in memory are the very bytes object the store hashes and inserts as chunks
  (MediaStore.write_bytes), so the description matches the content whose SHA-256 is recorded;
- a refusal found ahead (bomb, damaged image, empty file) is raised only inside that file's
  media.db transaction, which then rolls back, exactly where it was raised before;
- the "file changed while it was read" check still runs just before that commit;
- the helper thread never touches a database; only one file is prepared ahead, so memory
  stays bounded (two files of at most IN_MEMORY_MAX bytes plus one decoded thumbnail draft);
- larger files are only opened ahead; they stream into media.db as before and are described
  from their stored chunks inside their transaction.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

from tumar.storage.errors import TumarError
from tumar.storage.media_store import CHUNK_SIZE, read_full

from . import describe
from .describe import ContentFacts

IN_MEMORY_MAX = 16 * CHUNK_SIZE  # photos and short clips; larger files are streamed


class MediaImportError(TumarError):
    """One file could not be imported; the message starts with the file's name."""


def open_source(path: str, display: str) -> tuple[BinaryIO, os.stat_result]:
    """Open a regular file for reading without ever blocking on a FIFO or device."""
    before = os.stat(path)
    if stat.S_ISDIR(before.st_mode):
        raise MediaImportError(f"{display}: is a folder; give the files inside it instead")
    if not stat.S_ISREG(before.st_mode):
        raise MediaImportError(
            f"{display}: is not a regular file (a pipe, device or socket); copy it to a file first"
        )
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    opened = os.fstat(fd)
    if not stat.S_ISREG(opened.st_mode):  # swapped between stat() and open()
        os.close(fd)
        raise MediaImportError(f"{display}: stopped being a regular file while it was opened")
    return os.fdopen(fd, "rb", buffering=0), opened


def unchanged_check(source: BinaryIO, opened: os.stat_result, display: str) -> None:
    """Refuse a file that was written to while we read it: the hash would be of a mix."""
    now = os.fstat(source.fileno())
    read = source.tell()
    same = (now.st_size, now.st_mtime_ns) == (opened.st_size, opened.st_mtime_ns)
    if not same or read != now.st_size:
        raise MediaImportError(
            f"{display}: the file changed while it was being read "
            f"({opened.st_size} bytes when opened, {read} read, {now.st_size} now); "
            "nothing was stored, import it again once it is complete"
        )


@dataclass
class Prepared:
    """An opened source; for a small file also its bytes and what they are (or why not)."""

    source: BinaryIO
    opened: os.stat_result
    data: bytes | None = None  # None: too large to hold, stream it from `source`
    facts: ContentFacts | None = None
    refusal: MediaImportError | None = None


def prepare(path: str, display: str, name: str, keep_unreadable: bool) -> Prepared:
    """Open `path`; read and describe it if it is small. Runs on the helper thread."""
    source, opened = open_source(path, display)
    try:
        if opened.st_size > IN_MEMORY_MAX:
            return Prepared(source, opened)
        data = read_full(source, IN_MEMORY_MAX + 1)
        if len(data) > IN_MEMORY_MAX:  # it grew since stat(): stream it (and let it be refused)
            source.seek(0)
            return Prepared(source, opened)
        try:
            facts = describe.inspect_content(io.BytesIO(data), len(data), name, keep_unreadable)
        except describe.ContentRefused as exc:
            refusal = MediaImportError(f"{display}: {exc}")
            refusal.__cause__ = exc
            return Prepared(source, opened, data, refusal=refusal)
        return Prepared(source, opened, data, facts)
    except BaseException:
        source.close()
        raise


class Prefetcher:
    """Prepares file i+1 on one helper thread while file i is being stored."""

    def __init__(self, count: int, prepare_one: Callable[[int], Prepared]) -> None:
        self._count, self._prepare_one = count, prepare_one
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tumar-media-prepare")
        self._futures: dict[int, Future[Prepared]] = {}

    def _submit(self, index: int) -> None:
        if index < self._count and index not in self._futures:
            self._futures[index] = self._pool.submit(self._prepare_one, index)

    def take(self, index: int) -> Prepared:
        """File `index` prepared (raising what preparing it raised); starts the next one."""
        self._submit(index)
        self._submit(index + 1)
        return self._futures.pop(index).result()

    def close(self) -> None:
        """Wait for a preparation still running and close what it opened."""
        for future in self._futures.values():
            future.cancel()
            if not future.cancelled():
                with contextlib.suppress(BaseException):
                    future.result().source.close()
        self._futures.clear()
        self._pool.shutdown(wait=True)

    def __enter__(self) -> Prefetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
