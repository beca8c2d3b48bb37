"""Start-up hardening really applies in a fresh process (core dumps off, not dumpable)."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import resource
from tumar.app.hardening import harden_process, is_dumpable
assert is_dumpable() is True, "a fresh process should start dumpable"
missing = harden_process()
print(resource.getrlimit(resource.RLIMIT_CORE), is_dumpable(), missing)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux-only")
def test_harden_process_disables_core_dumps_and_ptrace() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=True
    )
    assert proc.stdout.strip() == "(0, 0) False []"
