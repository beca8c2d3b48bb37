"""Process hardening applied for real in a forked child of the test process (the state it
changes is process-wide), so it runs in-process for mutation testing too; the spawned-CLI
checks are in tests/e2e/test_process_hardening.py and tests/app/test_env_secrets.py."""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable

import pytest

from tumar.app import hardening

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
            os.write(write_end, out.encode())
        finally:
            os._exit(code)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode()


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
        value = hardening.take_env_secret("PATH")
        after = initial_environment()
        gone = "PATH" not in os.environ and not any(e.startswith(b"PATH=") for e in after)
        kept = [e for e in before if e and not e.startswith(b"PATH=")] == [e for e in after if e]
        return f"{value is not None} {gone} {kept} {hardening.take_env_secret('PATH')}"

    assert in_child(work) == "True True True None"


def test_scrub_matches_whole_names_only() -> None:
    def work() -> str:
        before = initial_environment()
        hardening._scrub_initial_environment(b"ATH=")  # a suffix of PATH=, not a name
        return str(initial_environment() == before)

    assert in_child(work) == "True"


def test_helper_programs_get_a_minimal_environment() -> None:
    assert hardening.minimal_env() == {"PATH": os.defpath, "LC_ALL": "C"}


def test_harmless_calls_in_this_process() -> None:
    """The same functions called where they change nothing, so mutation testing (which only
    sees calls made in the test process itself) runs the forked tests above for them."""
    assert hardening.is_dumpable() in (True, False)
    assert hardening.take_env_secret("TUMAR_TEST_NEVER_SET") is None
    before = initial_environment()
    hardening._scrub_initial_environment(b"TUMAR_TEST_NEVER_SET=")
    assert initial_environment() == before
