"""The job runner and the session: results on the GUI thread, one-line errors, cancel,
and a worker thread with its own connections writing alongside the GUI thread's."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from PySide6.QtCore import QThread

from tumar.app import people
from tumar.app.jobs import CancelToken, JobCancelled, Progress
from tumar.storage.errors import ArchiveLocked, InvalidInput
from tumar.storage.records import Person
from tumar.widgets.jobs import JobRunner


def _gui_thread() -> QThread:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_async_job_runs_off_the_gui_thread_and_reports_back_on_it(qtbot) -> None:
    runner = JobRunner()
    seen: dict[str, object] = {}

    def job(progress: Progress, cancel: CancelToken) -> int:
        seen["worker"] = threading.get_ident()
        seen["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        for i in range(3):
            progress(i + 1, 3, "step")
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is _gui_thread()

    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.run(job, title="Count", on_done=done)
    assert seen["value"] == 42
    assert seen["on_gui"] is True
    assert seen["worker"] != threading.get_ident()
    assert not runner.busy
    if sys.platform.startswith("linux"):  # background work yields the CPU to the event loop
        assert seen["nice"] > os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_errors_are_one_line_and_cancel_reaches_on_error(qtbot) -> None:
    runner = JobRunner(synchronous=True)
    errors: list[str] = []

    def bad(progress: Progress, cancel: CancelToken) -> None:
        raise InvalidInput("That date is not a date; write it like 2019-10")

    def bug(progress: Progress, cancel: CancelToken) -> None:
        raise KeyError("secret record text")

    runner.run(bad, title="Bad", on_error=errors.append)
    runner.run(bug, title="Bug", on_error=errors.append)
    assert errors[0] == "That date is not a date; write it like 2019-10"
    assert "KeyError" in errors[1] and "secret record text" not in errors[1]
    assert all("\n" not in e and "Traceback" not in e for e in errors)


def test_cancel_stops_a_running_job_and_on_done_is_not_called(qtbot) -> None:
    runner = JobRunner()
    gate = threading.Event()
    results: list[object] = []
    errors: list[str] = []

    def slow(progress: Progress, cancel: CancelToken) -> str:
        gate.set()
        while True:  # a job polls its token between safe points
            cancel.raise_if_cancelled()
            threading.Event().wait(0.001)

    handle = runner.run(slow, title="Slow", on_done=results.append, on_error=errors.append)
    assert gate.wait(10)
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        handle.cancel()
    assert results == [] and errors and errors[0].startswith("Cancelled")


def test_detached_jobs_reach_no_callback_after_lock(qtbot) -> None:
    runner = JobRunner()
    gate, release = threading.Event(), threading.Event()
    calls: list[object] = []

    def job(progress: Progress, cancel: CancelToken) -> str:
        gate.set()
        release.wait(10)
        return "data"

    runner.run(job, title="Job", on_done=calls.append, on_error=calls.append)
    assert gate.wait(10)
    runner.cancel_all(detach=True)
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        release.set()
    assert calls == []


def test_worker_archive_writes_beside_the_gui_archive_with_ordered_hlc(
    qtbot, session_factory
) -> None:
    session = session_factory(synchronous=False)
    gui_first = people.add_person(session.archive, "Gui First").person

    def job(progress: Progress, cancel: CancelToken) -> list[str]:
        with session.worker_archive() as archive:
            return [people.add_person(archive, f"Worker {i}").person.hlc for i in range(5)]

    got: list[list[str]] = []
    with qtbot.waitSignal(session.runner.finished, timeout=20_000):
        session.runner.run(job, title="Write", on_done=got.append)
    gui_after = people.add_person(session.archive, "Gui After").person
    stamps = [gui_first.hlc, *got[0], gui_after.hlc]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    names = {p.display_name for p in session.archive.repo.find(Person)}
    assert {"Gui First", "Gui After", "Worker 0", "Worker 4"} <= names


def test_lock_closes_the_archive_and_refuses_worker_archives(qtbot, session_factory) -> None:
    session = session_factory()
    with qtbot.waitSignal(session.locked, timeout=1000):
        session.lock()
    assert not session.is_open
    with pytest.raises(ArchiveLocked), session.worker_archive():
        pass
    with pytest.raises(ArchiveLocked):
        _ = session.archive


def test_job_cancelled_from_app_protocol_maps_to_cancelled_message(qtbot) -> None:
    runner = JobRunner(synchronous=True)
    errors: list[str] = []

    def job(progress: Progress, cancel: CancelToken) -> None:
        raise JobCancelled()

    runner.run(job, title="X", on_error=errors.append)
    assert errors == [runner.cancelled_message()]


def test_status_bar_shows_the_running_job_and_cancels_it(qtbot) -> None:
    from tumar.widgets.status import JobStatus

    runner = JobRunner()
    status = JobStatus(runner)
    qtbot.addWidget(status)
    reported, release = threading.Event(), threading.Event()

    def job(progress: Progress, cancel: CancelToken) -> None:
        progress(3, 10, "file.jpg")
        reported.set()
        while not cancel.cancelled:
            release.wait(0.01)
        cancel.raise_if_cancelled()

    with qtbot.waitSignal(runner.progress, timeout=10_000):
        runner.run(job, title="Importing photos")
    assert reported.wait(10)
    assert not status.isHidden()
    assert status.bar.maximum() == 10 and status.bar.value() == 3
    assert "Importing photos" in status.title.text()
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        status.cancel_button.click()
    assert status.isHidden() and not runner.busy
