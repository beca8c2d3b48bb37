"""The Qt side of the one job protocol (app/jobs.py): run a job off the GUI thread.

A job is the same callable the CLI runs synchronously; here it runs on a QThreadPool worker
and its `progress` calls become signals. Results and errors always come back on the GUI
thread, so callbacks may touch widgets. Errors arrive as one line (the TumarError text),
never a traceback. Tests pass `synchronous=True` to run jobs inline and deterministically.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from tumar.app.jobs import CancelToken, Job, JobCancelled
from tumar.storage.errors import TumarError

from .failure_text import failure_line

T = TypeVar("T")

_Callbacks = tuple[Callable[[Any], None] | None, Callable[[str], None] | None]
PROGRESS_INTERVAL_S = 0.05  # a job may report per item; the GUI needs ~20 updates a second
BACKGROUND_NICE = 5  # worker threads yield the CPU to the GUI thread (Linux: per-thread nice)
SWITCH_INTERVAL_S = 0.001  # how soon a busy worker hands the GIL back to the GUI thread
_lowered = threading.local()


def _lower_this_thread() -> None:
    """Make the calling worker thread (and threads it starts) nicer than the GUI thread, so
    on a busy machine the event loop still gets the CPU first. Linux only; best effort."""
    if getattr(_lowered, "done", False) or not sys.platform.startswith("linux"):
        return
    _lowered.done = True
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + BACKGROUND_NICE)
    except (OSError, AttributeError):
        pass


class JobHandle:
    """What the caller keeps of a running job: its title and a way to stop it."""

    def __init__(self, job_id: int, title: str) -> None:
        self.job_id = job_id
        self.title = title
        self.token = CancelToken()
        self.done = False
        self.detached = False  # set on lock: the result must not reach any widget

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class _Bridge(QObject):
    """Signals emitted on the worker thread, delivered (queued) to the runner's slots."""

    progress = Signal(int, int, int, str)
    succeeded = Signal(int, object)
    failed = Signal(int, str)


class _Worker(QRunnable):
    def __init__(self, call: Callable[[], None]) -> None:
        super().__init__()
        self._call = call
        self.setAutoDelete(True)

    def run(self) -> None:
        self._call()


class JobRunner(QObject):
    """The single runner of background work for one window."""

    started = Signal(str)  # title
    progress = Signal(int, int, str)  # done, total, text
    finished = Signal()  # after on_done / on_error ran

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        if not synchronous and sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._ids = itertools.count(1)
        self._handles: dict[int, JobHandle] = {}
        self._callbacks: dict[int, _Callbacks] = {}
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self._on_progress)
        self._bridge.succeeded.connect(self._on_succeeded)
        self._bridge.failed.connect(self._on_failed)

    # ---- public ---------------------------------------------------------------------
    def run(
        self,
        job: Job[T],
        *,
        title: str,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> JobHandle:
        handle = JobHandle(next(self._ids), title)
        self._handles[handle.job_id] = handle
        self._callbacks[handle.job_id] = (on_done, on_error)
        self.started.emit(title)
        body = self._body(job, handle)
        if self.synchronous:
            body()
        else:
            self._pool.start(_Worker(body))
        return handle

    @property
    def busy(self) -> bool:
        return bool(self._handles)

    def current(self) -> JobHandle | None:
        """The most recently started job still running (what the status bar shows)."""
        return self._handles[max(self._handles)] if self._handles else None

    def cancel_all(self, *, detach: bool = False) -> None:
        """Stop every job; with detach (on lock) their results reach no callback."""
        for handle in list(self._handles.values()):
            handle.detached = handle.detached or detach
            handle.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until worker threads are idle (queued results still need the event loop)."""
        return self._pool.waitForDone(msecs)

    # ---- worker side ----------------------------------------------------------------
    def _body(self, job: Job[Any], handle: JobHandle) -> Callable[[], None]:
        bridge = self._bridge
        last = [0.0]

        def progress(done: int, total: int, text: str) -> None:
            now = time.monotonic()
            if done >= total or now - last[0] >= PROGRESS_INTERVAL_S:
                last[0] = now
                bridge.progress.emit(handle.job_id, int(done), int(total), str(text))

        def body() -> None:
            if not self.synchronous:
                _lower_this_thread()
            try:
                result = job(progress, handle.token)
            except JobCancelled:
                bridge.failed.emit(handle.job_id, self.cancelled_message())
            except TumarError as exc:
                bridge.failed.emit(handle.job_id, str(exc))
            except Exception as exc:  # a full disk, a pulled stick; or a bug: one line
                line = failure_line(exc)
                if line is None:
                    print(f"tumar: job failed: {type(exc).__name__}", file=sys.stderr)
                bridge.failed.emit(handle.job_id, line or self._unexpected(exc))
            else:
                bridge.succeeded.emit(handle.job_id, result)

        return body

    def cancelled_message(self) -> str:
        return self.tr("Cancelled. Nothing from the unfinished step was kept.")

    def _unexpected(self, exc: Exception) -> str:
        return self.tr("The task stopped because of an unexpected error ({name}).").format(
            name=type(exc).__name__
        )

    # ---- GUI side -------------------------------------------------------------------
    @Slot(int, int, int, str)
    def _on_progress(self, job_id: int, done: int, total: int, text: str) -> None:
        handle = self._handles.get(job_id)
        if handle is not None and not handle.detached:
            self.progress.emit(done, total, text)

    @Slot(int, object)
    def _on_succeeded(self, job_id: int, result: object) -> None:
        on_done, _ = self._finish(job_id)
        if on_done is not None:
            on_done(result)
        self.finished.emit()

    @Slot(int, str)
    def _on_failed(self, job_id: int, message: str) -> None:
        _, on_error = self._finish(job_id)
        if on_error is not None:
            on_error(message)
        self.finished.emit()

    def _finish(self, job_id: int) -> _Callbacks:
        handle = self._handles.pop(job_id, None)
        callbacks = self._callbacks.pop(job_id, (None, None))
        if handle is None or handle.detached:
            return None, None
        handle.done = True
        return callbacks
