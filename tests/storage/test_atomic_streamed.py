"""A long file written through atomic_writer(streamed=True): the kernel is asked to write it
back as it grows, and what lands under the final name is exactly what was written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tumar.storage.atomic import WRITEBACK_STEP, atomic_writer


def test_a_streamed_file_lands_whole_and_private(tmp_path: Path) -> None:
    block = os.urandom(1 << 20)
    blocks = 2 * WRITEBACK_STEP // len(block) + 3  # past two write-back points, and a tail
    dest = tmp_path / "long.bin"
    with atomic_writer(dest, streamed=True) as fh:
        for i in range(blocks):
            fh.write(block[i:] + block[:i])
        fh.write(b"tail")
    data = dest.read_bytes()
    assert len(data) == blocks * len(block) + 4
    assert all(data[i << 20 : (i + 1) << 20] == block[i:] + block[:i] for i in range(blocks))
    assert data.endswith(b"tail")
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["long.bin"]


def test_a_failed_streamed_write_leaves_nothing(tmp_path: Path) -> None:
    dest = tmp_path / "long.bin"
    with pytest.raises(RuntimeError), atomic_writer(dest, streamed=True) as fh:
        fh.write(os.urandom(WRITEBACK_STEP + 1))
        raise RuntimeError("cancelled")
    assert list(tmp_path.iterdir()) == []


def _dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    import subprocess
    import sys

    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return int(child.stdout)


def test_stale_temps_of_the_given_names_are_removed_when_their_writer_is_gone(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    from tumar.storage.atomic import remove_stale_temps

    alive = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)  # fmt: skip
    dead = _dead_pid()
    stale = tmp_path / f".mine.tumar-bundle.tmp-{dead}"
    writing = tmp_path / f".mine.tumar-bundle.tmp-{alive.pid}"  # a writer still at work
    other = tmp_path / f".theirs.tumar-bundle.tmp-{dead}"  # another laptop's name
    odd = tmp_path / ".mine.tumar-bundle.tmp-x1"
    final = tmp_path / "mine.tumar-bundle"
    for path in (stale, writing, other, odd, final):
        path.write_bytes(b"age-encryption.org/v1 ...")
    assert remove_stale_temps(tmp_path, "mine.tumar-bundle") == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (writing, other, odd, final)
    )
    assert remove_stale_temps(tmp_path, "mine.tumar-bundle") == []
    alive.communicate(b"")


def test_an_interrupted_writer_leaves_a_temp_that_the_next_cleanup_finds(tmp_path: Path) -> None:
    """What a pulled stick leaves: the temp could not be unlinked. Simulated by a writer
    process killed mid-write (SIGKILL runs no cleanup at all)."""
    import subprocess
    import sys

    from tumar.storage.atomic import remove_stale_temps

    dest = tmp_path / "r.tumar-bundle"
    code = (
        "import os, sys\n"
        "from tumar.storage.atomic import atomic_writer\n"
        f"with atomic_writer({str(dest)!r}) as fh:\n"
        "    fh.write(b'x' * 1000); fh.flush(); os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    (left,) = tmp_path.iterdir()
    assert left.name.startswith(".r.tumar-bundle.tmp-")
    assert remove_stale_temps(tmp_path, "r.tumar-bundle") == [left]
    assert list(tmp_path.iterdir()) == []
