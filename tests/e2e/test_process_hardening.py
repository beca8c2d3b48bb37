"""A running `tumar` really is hardened: no core dumps, not dumpable (so not ptrace-able),
and a private umask.

The CLI entry point `main()` runs in a child process exactly as the `tumar` script runs it;
`tumar note add` reads the note from standard input before anything else. The child's
stdin is wrapped so that its first read reports the process's dumpable flag and core limit
(a process-wide state that /proc does not show to root) and then blocks on the real pipe:
by then `main()` has run its start-up hardening. While it waits, the core limit and umask
are also read from outside, in /proc/PID.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PRELUDE = """
import io, os, resource, sys
from tumar.app.hardening import is_dumpable
from tumar.app.cli.main import main

class ReportingStdin(io.RawIOBase):
    reported = False
    def readable(self):
        return True
    def readinto(self, buffer):
        if not self.reported:
            self.reported = True
            core = resource.getrlimit(resource.RLIMIT_CORE)
            print("dumpable", is_dumpable(), "core", core, flush=True)
        return os.readv(0, [buffer])

sys.stdin = io.TextIOWrapper(io.BufferedReader(ReportingStdin()), encoding="utf-8")
sys.argv[0] = "tumar"
sys.exit(main())
"""


def core_limits(pid: int) -> list[str]:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max core file size"):
            return line.split()[4:6]
    raise AssertionError("no core limit line")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and prctl are Linux's")
def test_running_cli_has_no_core_dumps_and_is_not_dumpable(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TUMAR_")}
    env["TUMAR_PASSPHRASE"] = "not used"
    args = ["note", "add", "-a", str(tmp_path / "none.tumar"), "--case", "01900000"]
    child = subprocess.Popen(
        [sys.executable, "-c", PRELUDE, *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env,
    )  # fmt: skip
    try:
        assert child.stdin is not None and child.stdout is not None
        # returns once main() is reading the note, i.e. after start-up hardening
        assert child.stdout.readline().strip() == "dumpable False core (0, 0)"
        assert core_limits(child.pid) == ["0", "0"]
        status = Path(f"/proc/{child.pid}/status").read_text()
        assert "\nUmask:\t0077\n" in status  # anything it writes is for this user only
        _out, err = child.communicate("a note\n", timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 1 and "no archive folder" in err  # it went on normally
