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
