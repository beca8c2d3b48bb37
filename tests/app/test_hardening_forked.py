"""Process hardening applied for real in a forked child of the test process (the state it
changes is process-wide), so it runs in-process for mutation testing too; the spawned-CLI
checks are in tests/e2e/test_process_hardening.py and tests/app/test_env_secrets.py."""

from __future__ import annotations

import ctypes
import os
import resource
import sys
from collections.abc import Callable

import pytest

from tumar.app import hardening

PR_SET_NAME = 15  # prctl: the process name /proc/self/stat shows in brackets

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")


def in_child(work: Callable[[], str]) -> str:
    """Run `work` in a forked child and return what it returned (or its error)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_end)
            try:
                out = work()
            except BaseException as exc:  # noqa: BLE001 - reported to the parent
                out, code = f"error {type(exc).__name__}: {exc}", 1
            os.write(write_end, "\n".join([out, *_mutmut_hits()]).encode())
        finally:
            os._exit(code)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    out, *hits = b"".join(chunks).decode().split("\n")
    _mutmut_hits().update(hits)
    return out


def _mutmut_hits() -> set[str]:
    """The functions mutmut saw called, when the tests run under it. mutmut only runs a test
    against the mutants of functions it saw that test call, and it sees calls in the test
    process only: the child hands its calls back so these tests count for mutation testing."""
    state = sys.modules.get("mutmut.state")
    return state.state()._stats if state is not None else set()


def test_harden_process_applies_everything_it_promises() -> None:
    def work() -> str:
        before = hardening.is_dumpable()
        missing = hardening.harden_process()
        mask, core = os.umask(0), resource.getrlimit(resource.RLIMIT_CORE)
        return f"{before} {hardening.is_dumpable()} {core} {mask:o} {missing}"

    assert in_child(work) == "True False (0, 0) 77 []"


def initial_environment() -> list[bytes]:
    with open("/proc/self/environ", "rb") as fh:
        return fh.read().split(b"\0")


def test_taken_secret_leaves_both_environments() -> None:
    """PATH stands in for a secret that was in the environment when the process started."""

    def work() -> str:
        before = initial_environment()
        if not any(e.startswith(b"PATH=") for e in before):  # else nothing could fail below
            return "PATH is not in the initial environment: this test cannot check anything"
        value = hardening.take_env_secret("PATH")
        after = initial_environment()
        gone = "PATH" not in os.environ and not any(e.startswith(b"PATH=") for e in after)
        kept = [e for e in before if e and not e.startswith(b"PATH=")] == [e for e in after if e]
        return f"{value is not None} {gone} {kept} {hardening.take_env_secret('PATH')}"

    assert in_child(work) == "True True True None"


def test_scrub_matches_whole_names_only() -> None:
    def work() -> str:
        before = initial_environment()
        if not any(e.startswith(b"PATH=") for e in before):
            return "PATH is not in the initial environment: this test cannot check anything"
        hardening._scrub_initial_environment(b"ATH=")  # a suffix of PATH=, not a name
        return str(initial_environment() == before)

    assert in_child(work) == "True"


def test_helper_programs_get_a_minimal_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSTEMROOT", "C:\\Windows")  # passed on only on Windows
    assert hardening.minimal_env() == {"PATH": os.defpath, "LC_ALL": "C"}


def test_harmless_calls_in_this_process() -> None:
    """The same functions called where they change nothing, so mutation testing (which only
    sees calls made in the test process itself) runs the forked tests above for them."""
    assert hardening.is_dumpable() in (True, False)
    assert hardening.take_env_secret("TUMAR_TEST_NEVER_SET") is None
    before = initial_environment()
    hardening._scrub_initial_environment(b"TUMAR_TEST_NEVER_SET=")
    assert initial_environment() == before


def test_scrub_reaches_the_first_and_last_variable_under_any_process_name() -> None:
    """The first variable sits at offset 0 of the block (no NUL before it), the last one
    ends at the block's end; a process name with ")" in it must not shift the fields read
    from /proc/self/stat. A secret already gone from os.environ is not looked for."""

    def work() -> str:
        libc = ctypes.CDLL(None)
        libc.prctl(PR_SET_NAME, b"tumar) x (y", 0, 0, 0)
        before = [e for e in initial_environment() if e]
        first, last = (e.split(b"=", 1)[0].decode() for e in (before[0], before[-1]))
        popped = before[1].split(b"=", 1)[0].decode()
        for name in (first, last):  # whatever os.environ holds now, the secret is "set"
            os.environ[name] = "x"
        os.environ.pop(popped, None)
        absent = hardening.take_env_secret(popped)
        taken = [hardening.take_env_secret(name) for name in (first, last)]
        after = [e for e in initial_environment() if e]
        return f"{absent} {taken} {after == before[1:-1]}"

    assert in_child(work) == "None ['x', 'x'] True"


def test_what_could_not_be_applied_is_named() -> None:
    """harden_process never raises: a refused setting is reported in plain words (shown by
    `tumar doctor`). The refusals are made by replacing the platform call in the child."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("refused")

    class RefusingLibc:
        def prctl(self, *_args: object) -> int:
            return -1

    def work() -> str:
        resource.setrlimit = refuse  # type: ignore[assignment]
        failing = hardening.harden_process()
        ctypes.CDLL = lambda *_a, **_k: RefusingLibc()  # type: ignore[misc, assignment]
        refused = hardening.harden_process()
        ctypes.CDLL = refuse  # type: ignore[misc, assignment]
        missing_libc = hardening.harden_process()
        return repr([failing, refused, missing_libc])

    core = "core dumps could not be disabled"
    dump = "process could not be made non-dumpable"
    assert in_child(work) == repr([[core], [core, dump], [core, dump]])
