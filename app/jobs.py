"""The one background-job protocol: a job is a callable taking `progress` and a cancel token.

Jobs know nothing of threads or Qt. The CLI and tests call them directly (synchronously);
the GUI's adapter runs the same callable on a worker thread and turns `progress` into
signals. Cancellation is cooperative: a job checks the token between safe points and
raises JobCancelled, which its own transaction handling turns into "nothing changed".
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol, TypeVar

from tumar.storage.errors import TumarError

T = TypeVar("T")

Progress = Callable[[int, int, str], None]


class JobCancelled(TumarError):
    def __init__(self) -> None:
        super().__init__("Cancelled; nothing from the unfinished step was kept")


class CancelToken:
    """Thread-safe flag the UI sets and the job polls."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise JobCancelled()


class Job(Protocol[T]):
    def __call__(self, progress: Progress, cancel: CancelToken) -> T: ...


def no_progress(done: int, total: int, text: str) -> None:
    return None


def run_sync(job: Job[T], progress: Progress | None = None, cancel: CancelToken | None = None) -> T:
    """Run a job on the calling thread: what the CLI does, and what tests use."""
    return job(progress or no_progress, cancel or CancelToken())
