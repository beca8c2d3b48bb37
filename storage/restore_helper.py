"""The Python half of a restore, run in a second process beside the connection's thread.

A restore is two kinds of work: SQLite's (inserting, indexing, encrypting: C, which gives
the GIL up while it runs) and Python's (parsing each part, checking and hashing every
version, folding the words of every search document). With both on threads of one
process, the Python half held the GIL ≈ 21 s at 100k testimonies and the connection's
thread, which needs the GIL between its statements, waited for it: the restore used
barely more than one core of two. Here the Python half runs in its own interpreter, so
the two halves really run side by side.

What crosses: a records part's bytes in (pickled with the bound `Part.parse` that reads
them), the part's rows out as JSON (storage/bulk_fresh.py); later one chunk of rows as
JSON in and its search documents as JSON out (storage/fts_bulk.py), all as UTF-8 bytes;
and an audit part's entries in, vetted (storage/audit_chains.py). Record content goes
through the pipe between the two processes only: never argv, the environment or the disk.
The process is started with "spawn" (a fresh interpreter: no copy of the parent's
threads, Qt state or open databases), has no database connection, keeps this replica's
audit chain, the other chains' heads and a fold cache for one restore, and ends with it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import types
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from . import audit_chains, bulk, bulk_fresh, fts_bulk, json_rows
from .audit import GENESIS
from .errors import TumarError
from .search_text import FoldCache

T = TypeVar("T")


class HelperStopped(TumarError):
    """The helper process died (killed, or out of memory): the restore cannot go on."""


class _State:
    """What the helper keeps for one restore: this replica's audit chain as the parts
    extend it, the other replicas' chains being vetted, and a fold cache."""

    def __init__(self, chain: bulk.Chain, own_device: str) -> None:
        self.chain, self.cache = chain, FoldCache()
        # a restore's archive is new: no other replica's chain is held yet
        self.chains = audit_chains.ChainImport(own_device, lambda _device: (0, GENESIS))

    def prepare(self, lines: list[Any] | Callable[[], list[Any]]) -> bulk_fresh.Batch:
        return bulk_fresh.prepare(self.chain, lines)

    def vet_chains(
        self, lines: list[Any] | Callable[[], list[Any]]
    ) -> tuple[int, bytes, list[tuple]]:
        rows, repeats = self.chains.vet(lines() if callable(lines) else lines)
        return len(rows), json_rows.encode(rows), repeats

    def build(self, kind: str, rows_json: bytes, extra: Any) -> tuple[int, bytes]:
        return fts_bulk.build(kind, rows_json, extra, self.cache)


_state: _State | None = None  # in the helper process only


@contextlib.contextmanager
def _without_main() -> Iterator[None]:
    """While the helper starts, __main__ is an empty module. multiprocessing's "spawn" runs
    the parent's main script again in the child (as __mp_main__): the window's launcher
    would import Qt there, and a script without an `if __name__ == "__main__"` guard would
    start a second restore. The helper needs nothing from it."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _adopt(chain: bulk.Chain, own_device: str) -> None:
    global _state
    _state = _State(chain, own_device)
    parent = multiprocessing.parent_process()
    if parent is not None:
        # Ctrl-C reaches the terminal's whole process group: the restore's process answers
        # it (one line, the folder removed) and stops this one; here it only printed a
        # traceback under that line
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        threading.Thread(target=_end_with, args=(parent.sentinel,), daemon=True).start()


def _end_with(parent_sentinel: int) -> None:
    """The helper ends when the restore's process does, however that ends (killed too):
    nothing else would stop it, and it holds decrypted records in memory."""
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


def _run(task: str, *args: Any) -> Any:
    """A task, in the helper process, on its state."""
    assert _state is not None
    return getattr(_state, task)(*args)


class RestoreHelper:
    """One helper process for one restore; its tasks run one at a time, in order (so the
    audit chain links the parts in bundle order).

    Where no process can be started (multiprocessing needs a writable /dev/shm for its
    locks, which a snap's confinement or a locked-down container denies), the tasks run
    on one thread of this process instead: the same work, in the same order, slower (the
    two halves then share the GIL). Without that, such a restore failed, and said the
    bundle was damaged."""

    def __init__(self, chain: bulk.Chain, own_device: str) -> None:
        self.in_process: _State | None = None
        self._pool: Executor
        try:
            self._pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("spawn"), initializer=_adopt,
                initargs=(chain, own_device),
            )  # fmt: skip
        except (OSError, NotImplementedError, ImportError):  # no working sem_open here
            # a copy, as the process would have had: the caller's chain stays as it was
            self.in_process = _State(dataclasses.replace(chain), own_device)
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="tumar-restore")
            self.pid = os.getpid()
            return
        with _without_main():  # the process starts with the first task, now
            self.pid = self.result(self._submit(os.getpid))

    def prepare(self, lines: list[Any] | Callable[[], list[Any]]) -> Future[bulk_fresh.Batch]:
        return self._task("prepare", lines)

    def vet_chains(
        self, lines: list[Any] | Callable[[], list[Any]]
    ) -> Future[tuple[int, bytes, list[tuple]]]:
        return self._task("vet_chains", lines)

    def build(self, kind: str, rows_json: bytes, extra: Any) -> Future[tuple[int, bytes]]:
        return self._task("build", kind, rows_json, extra)

    def _task(self, task: str, *args: Any) -> Future[Any]:
        if self.in_process is not None:
            return self._pool.submit(getattr(self.in_process, task), *args)
        return self._submit(_run, task, *args)

    def _submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool:
            raise _stopped() from None

    @staticmethod
    def result(future: Future[T]) -> T:
        """The task's result, or its exception (a refused version) raised here."""
        try:
            return future.result()
        except BrokenProcessPool:
            raise _stopped() from None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.in_process = None


def _stopped() -> HelperStopped:
    return HelperStopped(
        "The restore's helper process stopped (out of memory, or ended by the system); "
        "nothing was restored. Close other programs and try again"
    )
