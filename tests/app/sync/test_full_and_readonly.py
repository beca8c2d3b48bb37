"""A full disk while writing a bundle, and a read-only sync stick, on real small filesystems.

Both need a tmpfs mount (root, as on the project's CI); elsewhere they are skipped.
"""

from __future__ import annotations

import errno
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.mounts import small_tmpfs
from tumar.app.sync import export, folder
from tumar.storage.errors import InvalidInput
from tumar.storage.records import Person, Testimony

from .support import join, new_archive, snapshot


@pytest.fixture
def stick(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path / "stick", "96k") as mount_point:
        yield mount_point


def test_disk_full_leaves_no_half_bundle(tmp_path: Path, stick: Path) -> None:
    a, _ = new_archive(tmp_path / "a.tumar")
    with a:
        p = a.repo.insert(Person(display_name="Witness"))
        # random-looking text does not compress; encrypted, it fills the 96 KiB stick
        a.repo.insert(
            Testimony(witness_id=p.id, text=" ".join(str(i * 7919) for i in range(40_000)))
        )
        before = snapshot(a)
        with pytest.raises(OSError) as caught:
            folder.sync(a, stick)
        assert caught.value.errno in (errno.ENOSPC, errno.EFBIG)
        assert list(stick.iterdir()) == []  # no half file, no temp file
        assert snapshot(a) == before


def test_read_only_stick_changes_nothing(tmp_path: Path, stick: Path) -> None:
    a, _ = new_archive(tmp_path / "a.tumar")
    with a:
        p = a.repo.insert(Person(display_name="Witness"))
        with join(a, tmp_path, "b") as b:
            b.repo.insert(Person(display_name="New on B", notes=str(p.id)))
            export.write_bundle(b, stick / f"{b.replica_id}{folder.SUFFIX}")
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        before = snapshot(a)
        with pytest.raises(InvalidInput, match="not writable"):
            folder.sync(a, stick)
        assert snapshot(a) == before
