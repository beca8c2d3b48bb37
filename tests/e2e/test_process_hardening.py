"""A running `tumar` really is hardened: no core dumps, not dumpable (so not ptrace-able).

The CLI entry point `main()` runs in a child process exactly as the `tumar` script runs it,
and blocks reading its passphrase from a FIFO. Opening the FIFO's other end returns only
once `main()` has opened it, i.e. after start-up hardening. While it waits, the core limit
is read from /proc/PID/limits, and a watcher thread started before `main()` reports the
process's dumpable flag (a process-wide property that /proc does not show to root).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# A watcher thread waits for a line on stdin, then reports on the process it lives in.
PRELUDE = """
import resource, sys, threading
from tumar.app.hardening import is_dumpable
from tumar.app.cli.main import main

def watch():
    sys.stdin.readline()
    print("dumpable", is_dumpable(), "core", resource.getrlimit(resource.RLIMIT_CORE), flush=True)

threading.Thread(target=watch, daemon=True).start()
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
    fifo = tmp_path / "passphrase"
    os.mkfifo(fifo, 0o600)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TUMAR_")}
    args = ["person", "list", "-a", str(tmp_path / "none.tumar"), "--passphrase-file", str(fifo)]
    child = subprocess.Popen(
        [sys.executable, "-c", PRELUDE, *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env,
    )  # fmt: skip
    try:
        with open(fifo, "w") as writer:  # returns once main() has opened the FIFO
            assert core_limits(child.pid) == ["0", "0"]
            status = Path(f"/proc/{child.pid}/status").read_text()
            assert "\nUmask:\t0077\n" in status  # anything it writes is for this user only
            assert child.stdin is not None and child.stdout is not None
            child.stdin.write("report\n")
            child.stdin.flush()
            assert child.stdout.readline().strip() == "dumpable False core (0, 0)"
            writer.write("some passphrase\n")
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 1 and "no archive folder" in err  # it went on normally
