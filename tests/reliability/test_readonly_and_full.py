"""A read-only archive can be read, searched, verified and exported; edits are refused with
the reason. A full disk gives one plain sentence. Both on real mounts (a read-only bind
mount, a tiny tmpfs), which needs root: skipped elsewhere (the CI container runs as root).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.media_support import random_file
from tests.conftest import PASSPHRASE
from tumar.app.media.importer import import_files
from tumar.storage.archive import Archive
from tumar.storage.kdf import fast_params
from tumar.storage.records import Person


def _mount(*args: str) -> bool:
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


@contextlib.contextmanager
def mounted(*args: str, target: Path) -> Iterator[Path]:
    target.mkdir(exist_ok=True)
    if os.geteuid() != 0 or not _mount(*args, str(target)):
        pytest.skip("needs root and mount (a real read-only or full filesystem)")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


@contextlib.contextmanager
def read_only_view(source: Path, target: Path) -> Iterator[Path]:
    with mounted("--bind", str(source), target=target) as view:
        if not _mount("-o", "remount,ro,bind", str(view)):
            pytest.skip("cannot remount read-only here")
        yield view


def make_archive(folder: Path, tmp: Path) -> tuple[str, str]:
    made, _code = Archive.create(folder, PASSPHRASE, fast_params())
    with made:
        person = made.repo.insert(Person(display_name="Qaisha Aqan"))
        media = import_files(made, [random_file(tmp / "clip.bin", 200_000)]).results[0].media
    return person.id, media.id


def one_line(result, *words: str) -> None:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_read_only_archive_reads_searches_verifies_exports(tmp_path, run_tumar) -> None:
    source = tmp_path / "src"
    source.mkdir()
    person_id, media_id = make_archive(source / "a.tumar", tmp_path)
    with read_only_view(source, tmp_path / "ro") as view:
        folder = view / "a.tumar"
        listed = run_tumar("person", "list", "-a", folder)
        assert listed.returncode == 0 and person_id in listed.stdout, listed.stderr
        found = run_tumar("search", "-a", folder, input="Qaisha")
        assert found.returncode == 0 and person_id in found.stdout, found.stderr
        checked = run_tumar("verify", folder)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        exported = run_tumar(
            "media", "export", "--original", media_id, tmp_path / "out.bin", "-a", folder
        )
        assert exported.returncode == 0, exported.stderr
        added = run_tumar("person", "add", "-a", folder, input="Tilek Tabarikuly")
        assert added.returncode == 1
        one_line(added, "read-only", "not changed")
        assert sorted(os.listdir(folder)) == ["archive.db", "media.db", "tumar.json"]


def test_full_disk_is_one_plain_sentence(tmp_path, run_tumar) -> None:
    with mounted("-t", "tmpfs", "-o", "size=3m", "tmpfs", target=tmp_path / "small") as disk:
        folder = disk / "a.tumar"
        _person, media_id = make_archive(folder, tmp_path)
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for block in (65536, 4096, 512):  # fill the disk to the last byte it gives
                with contextlib.suppress(OSError):
                    while os.write(fd, b"\0" * block) == block:
                        pass
        finally:
            os.close(fd)
        listed = run_tumar("person", "list", "-a", folder)  # not even the -shm fits
        assert listed.returncode == 1
        one_line(listed, "the disk is full")
        os.truncate(filler, filler.stat().st_size - 40 * 1024)  # room for the -shm only
        added = run_tumar("person", "add", "-a", folder, input="Tilek Tabarikuly " * 4000)
        assert added.returncode == 1
        one_line(added, "The disk is full", "not saved")
        assert ": :" not in added.stderr and "because of the disk" not in added.stderr
        exported = run_tumar(
            "media", "export", "--original", media_id, disk / "copy.bin", "-a", folder
        )
        assert exported.returncode == 1
        one_line(exported, "The disk is full")
        filler.unlink()
        shutil.rmtree(folder)


def test_failed_checkpoint_is_reported_and_retried_at_the_next_unlock(tmp_path) -> None:
    """Records committed to archive.db-wal survive a checkpoint that fails on a full disk:
    close says so (never silently), the next unlock folds them in, nothing is lost."""
    with mounted("-t", "tmpfs", "-o", "size=16m", "tmpfs", target=tmp_path / "small") as disk:
        folder = disk / "a.tumar"
        Archive.create(folder, PASSPHRASE, fast_params())[0].close()
        archive = Archive.open(folder, PASSPHRASE)
        archive.records_db.execute("PRAGMA wal_autocheckpoint = 0")
        ids = [
            archive.repo.insert(Person(display_name=f"Person {i} " + "w" * 500)).id
            for i in range(80)
        ]
        filler = disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for block in (65536, 4096, 512):
                with contextlib.suppress(OSError):
                    while os.write(fd, b"\0" * block) == block:
                        pass
        finally:
            os.close(fd)
        warnings: list[str] = []
        archive.on_warning = warnings.append
        archive.close()
        assert len(warnings) == 1 and "archive.db-wal" in warnings[0], warnings
        assert (folder / "archive.db-wal").stat().st_size > 0
        filler.unlink()
        with Archive.open(folder, PASSPHRASE) as reopened:
            assert reopened.wal_was_pending and not reopened.warnings
            assert {p.id for p in reopened.repo.find(Person)} == set(ids)
        assert not (folder / "archive.db-wal").exists()
        shutil.rmtree(folder)
