"""Streaming age decryption from recipients' identities, through pyrage.

pyrage's streaming call takes a reader and a writer and runs to the end, while a bundle is
consumed (tar reading) incrementally. A bounded in-memory pipe joins the two: pyrage runs
on a helper thread, the database work stays on the caller's thread (SQLite connections
belong to one thread). At most PIPE_DEPTH blocks are queued, so memory stays a few MiB
however big the bundle is; plaintext never touches the disk. (Writing does not use pyrage:
see age_stream and age_x25519.)
"""

from __future__ import annotations

import contextlib
import io
import queue
import threading
from collections.abc import Callable
from typing import BinaryIO

import pyrage

from .handover import put_until

PIPE_DEPTH = 4  # blocks of up to BLOCK bytes: a few MiB in flight
#: pyrage writes its plaintext 8 KiB at a time; each block handed over costs the reader a
#: wait for the GIL (held meanwhile by whichever thread runs Python), so the writer side
#: gathers 1 MiB first: a restore at 100k testimonies waited 7.4 s for 81,000 8 KiB blocks
BLOCK = 1 << 20
_EOF = b""


class PipeClosed(Exception):
    """The other end stopped (error or cancel); the pending work is abandoned."""


class Pipe:
    """Single-producer single-consumer byte pipe with a bounded queue of blocks."""

    def __init__(self) -> None:
        self._queue: queue.Queue[bytes] = queue.Queue(PIPE_DEPTH)
        self._pending = memoryview(b"")  # the rest of the current block, never copied
        self._gathered = bytearray()  # writer side: not yet handed over
        self._aborted = threading.Event()
        self._ended = False

    def abort(self) -> None:
        self._aborted.set()

    def _put(self, data: bytes) -> None:
        if not put_until(self._queue, data, self._aborted.is_set):
            raise PipeClosed()

    def _get(self) -> bytes:
        while True:
            if self._aborted.is_set():
                raise PipeClosed()
            try:
                return self._queue.get(timeout=0.05)
            except queue.Empty:
                continue

    # writer side
    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._gathered += data
        if len(self._gathered) >= BLOCK:
            self._put(bytes(self._gathered))
            self._gathered.clear()
        return len(data)

    def close_writer(self) -> None:
        """Hand over what is gathered, then the end (after an error too: the reader then
        meets the end early, and the error is raised from join)."""
        if self._gathered:
            with contextlib.suppress(PipeClosed):
                self._put(bytes(self._gathered))
            self._gathered.clear()
        self._put(_EOF)

    # reader side
    def readinto(self, buffer: bytearray | memoryview) -> int:
        """One copy, straight from the queued block into the caller's buffer."""
        wanted = len(buffer)
        while not self._pending and not self._ended and wanted:
            block = self._get()
            if block == _EOF:
                self._ended = True
            else:
                self._pending = memoryview(block)
        take = min(wanted, len(self._pending))
        buffer[:take] = self._pending[:take]
        self._pending = self._pending[take:]
        return take


class _PipeRaw(io.RawIOBase):
    """io adapter so pyrage and tarfile see ordinary file objects."""

    def __init__(self, pipe: Pipe, *, reading: bool) -> None:
        super().__init__()
        self._pipe, self._reading = pipe, reading

    def readable(self) -> bool:
        return self._reading

    def writable(self) -> bool:
        return not self._reading

    def readinto(self, buffer) -> int:  # type: ignore[override]
        return self._pipe.readinto(buffer)

    def write(self, data) -> int:  # type: ignore[override]
        return self._pipe.write(data)


class _Worker:
    """Runs one pyrage call on a thread and hands its exception back to the caller."""

    def __init__(self, target: Callable[[], None], pipe: Pipe) -> None:
        self.error: BaseException | None = None

        def run() -> None:
            try:
                target()
            except BaseException as exc:  # re-raised on the caller's thread in join()
                self.error = exc
                pipe.abort()  # the caller's side must not wait for a reader that is gone

        self._thread = threading.Thread(target=run, name="tumar-age", daemon=True)
        self._thread.start()

    def join(self) -> BaseException | None:
        self._thread.join()
        return self.error


class DecryptingReader(io.RawIOBase):
    """File object yielding the plaintext of an age file, decrypted as it is read.

    An authentication failure (wrong key, truncation, flipped byte) surfaces as an
    exception from read() at the point it is found, or from finish() at the end.
    """

    def __init__(self, source: BinaryIO, identities: list[str]) -> None:
        super().__init__()
        parsed = [pyrage.x25519.Identity.from_str(i) for i in identities]
        self._pipe = Pipe()
        sink = _PipeRaw(self._pipe, reading=False)

        def run() -> None:
            try:
                pyrage.decrypt_io(source, sink, parsed)
            finally:
                self._pipe.close_writer()

        self._worker = _Worker(run, self._pipe)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        try:
            n = self._pipe.readinto(buffer)
        except PipeClosed:
            n = 0
        if n == 0:
            error = self._worker.join()
            if error is not None:
                raise error
        return n

    def abandon(self) -> None:
        self._pipe.abort()
        self._worker.join()
