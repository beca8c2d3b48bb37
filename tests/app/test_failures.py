"""app.failures on errors the OS and SQLite really raise, and the CLI's sentence for each."""

from __future__ import annotations

import os
import resource
import signal
from pathlib import Path

import pytest
import sqlcipher3

from tumar.app.cli.errors_text import os_error_message
from tumar.app.failures import Failure, classify


def _raised(call) -> BaseException:
    with pytest.raises(BaseException) as caught:
        call()
    return caught.value


def test_a_file_past_the_drives_limit(tmp_path: Path) -> None:
    """EFBIG, as a FAT32 stick gives past 4 GB (here RLIMIT_FSIZE, which gives the same)."""
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, old_limit[1]))
    try:
        with open(tmp_path / "big", "wb", buffering=0) as fh:
            exc = _raised(lambda: fh.write(b"\0" * 8192) and fh.write(b"\0" * 8192))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert isinstance(exc, OSError) and classify(exc) is Failure.TOO_LARGE
    assert os_error_message(exc).startswith("The file is too large for this drive (a FAT32")


def test_a_drive_that_stops_answering() -> None:
    """EIO, as a pulled stick or a failing drive gives (here a read the kernel refuses)."""
    with open("/proc/self/mem", "rb", buffering=0) as fh:
        exc = _raised(lambda: os.pread(fh.fileno(), 1, 0))
    assert isinstance(exc, OSError) and classify(exc) is Failure.DRIVE_GONE
    exc.filename = "/media/stick/photo.jpg"
    assert os_error_message(exc) == (
        "A drive stopped answering (/media/stick/photo.jpg): pulled out, or failing; plug it "
        "in again or use another drive"
    )


def test_sqlite_full_and_damaged(tmp_path: Path) -> None:
    conn = sqlcipher3.connect(":memory:")
    conn.execute("PRAGMA max_page_count = 3")
    conn.execute("CREATE TABLE t (x)")
    full = _raised(lambda: conn.execute("INSERT INTO t VALUES (?)", (b"\0" * 100_000,)))
    assert classify(full) is Failure.DISK_FULL
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    damaged = _raised(lambda: sqlcipher3.connect(str(junk)).execute("SELECT * FROM sqlite_master"))
    assert classify(damaged) is Failure.DAMAGED


def test_others_keep_their_own_words(tmp_path: Path) -> None:
    missing = _raised(lambda: open(tmp_path / "missing", "rb"))  # noqa: SIM115
    assert classify(missing) is None
    assert os_error_message(missing) == f"No such file or directory: {tmp_path / 'missing'}"
    assert classify(ValueError("x")) is None and classify(OSError("no errno")) is None
