"""TUMAR_PASSPHRASE leaves the environment once read; helper programs get a minimal one.

Observed on real processes: this interpreter's own /proc/self/environ, and a real ffprobe
started by a real `tumar media import`, which records its /proc/PID/environ while it runs.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.templates import init_copy

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux")
SECRET = "correct horse battery staple"

SELF_SCRIPT = """
import os
from tumar.app.hardening import harden_process
from tumar.app.cli import secrets
harden_process()
assert secrets.current_passphrase(None) == "correct horse battery staple"
with open("/proc/self/environ", "rb") as fh:
    block = fh.read()
print("TUMAR_PASSPHRASE" in os.environ, b"battery" in block, b"TUMAR_PASSPHRASE" in block)
"""


@linux_only
def test_passphrase_removed_from_own_environment_after_reading() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SELF_SCRIPT], capture_output=True, text=True, timeout=60,
        env={"PATH": "/usr/bin:/bin", "TUMAR_PASSPHRASE": SECRET, "KEEP": "1"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "False", "False"]


def _mp4_stub(path: Path) -> Path:
    ftyp = b"isom\x00\x00\x02\x00isomiso2avc1mp41"
    path.write_bytes(struct.pack(">I", 8 + len(ftyp)) + b"ftyp" + ftyp + b"\x00" * 64)
    return path


@linux_only
@pytest.mark.skipif(shutil.which("ffprobe") is None, reason="needs ffprobe (Debian ffmpeg)")
def test_ffprobe_child_environment_holds_no_passphrase(run_tumar, tmp_path: Path) -> None:
    """A real ffprobe behind a two-line shell wrapper that copies its own environ first."""
    seen = tmp_path / "ffprobe-environ"
    bindir = tmp_path / "bin"
    bindir.mkdir()
    wrapper = bindir / "ffprobe"
    wrapper.write_text(
        f'#!/bin/sh\n/bin/cat /proc/$$/environ > "{seen}"\nexec {shutil.which("ffprobe")} "$@"\n'
    )
    wrapper.chmod(0o755)
    folder = tmp_path / "a.tumar"
    init_copy(folder)
    path = f"{bindir}:/usr/bin:/bin"
    done = run_tumar(
        "media", "import", _mp4_stub(tmp_path / "clip.mp4"), "-a", folder,
        env={"PATH": path, "SCRIPT_EXPORTED": "Kaster Musakhan"},
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    environ = seen.read_bytes()  # the wrapper really ran as the import's child
    assert b"PATH=" in environ
    assert b"correct horse" not in environ and b"TUMAR_" not in environ
    assert b"Kaster" not in environ
