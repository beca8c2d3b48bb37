"""The archive's files: media.db missing, empty or damaged, one media item damaged, an
empty archive.db, committed changes left in archive.db-wal, a media.db held by an import.

All through the real `tumar` command on real files.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.reliability.damage import flip
from tumar.storage.archive import Archive
from tumar.storage.connection import derive_db_key, open_database
from tumar.storage.header import read_header
from tumar.storage.kdf import fast_params
from tumar.storage.keyslots import normalise_passphrase, unwrap


@pytest.fixture(scope="module")
def with_media(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[int]]:
    """An archive with three 1.5 MiB media items; their ids and where each one's chunks
    end in media.db (sizes after each import)."""
    from tests.app.media_support import random_file
    from tumar.app.media.importer import import_files

    base = tmp_path_factory.mktemp("media")
    folder = base / "m.tumar"
    made, _code = Archive.create(folder, PASSPHRASE, fast_params())
    ids, ends = [], []
    with made:
        for n in range(3):
            path = random_file(base / f"f{n}.bin", 3 << 19, seed=n + 1)
            report = import_files(made, [path])
            ids.append(report.results[0].media.id)
            ends.append((folder / "media.db").stat().st_size)
    return folder, ids, ends


def copy_of(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.tumar"
    shutil.copytree(source, target)
    return target


def stderr_line(result, *words: str) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("damage", ["missing", "empty", "flipped"])
def test_media_db_unusable_leaves_records_working(with_media, tmp_path, run_tumar, damage) -> None:
    folder = copy_of(with_media[0], tmp_path)
    media_db = folder / "media.db"
    if damage == "missing":
        media_db.unlink()
    elif damage == "empty":
        media_db.write_bytes(b"")
    else:
        flip(media_db, 100)  # page 1: the file no longer opens
    added = run_tumar("person", "add", "-a", folder, input="Qaisha Aqan")
    assert added.returncode == 0, added.stderr
    stderr_line(added, "Media are unavailable", "records work")
    listed = run_tumar("media", "list", "-a", folder)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3
    exported = run_tumar("media", "export", "--original", with_media[1][0], tmp_path, "-a", folder)
    assert exported.returncode == 1
    stderr_line(exported, "Media are unavailable")
    assert run_tumar("verify", folder).returncode == 3
    if damage == "empty":
        assert media_db.stat().st_size == 0  # never written into
    if damage == "missing":
        assert not media_db.exists()


def test_one_damaged_media_item_costs_only_that_item(with_media, tmp_path, run_tumar) -> None:
    source, ids, ends = with_media
    folder = copy_of(source, tmp_path)
    flip(folder / "media.db", (ends[0] + ends[1]) // 2)  # inside the second item's chunks
    out = tmp_path / "out"
    out.mkdir()
    results = [run_tumar("media", "export", "--original", i, out, "-a", folder) for i in ids]
    assert results[0].returncode == 0 and results[2].returncode == 0
    assert results[1].returncode != 0
    stderr_line(results[1], ids[1], "damaged page", "other media are not affected")
    check = run_tumar("verify", folder)
    assert check.returncode == 3
    failing = [line for line in check.stdout.splitlines() if line.startswith("FAIL: media ")]
    assert len(failing) == 1 and ids[1] in failing[0]


def test_empty_archive_db_is_refused_like_a_missing_one(with_media, tmp_path, run_tumar) -> None:
    folder = copy_of(with_media[0], tmp_path)
    (folder / "archive.db").write_bytes(b"")
    listed = run_tumar("person", "list", "-a", folder)
    assert listed.returncode == 1
    stderr_line(listed, "archive.db is empty")
    assert (folder / "archive.db").stat().st_size == 0
    assert sorted(os.listdir(folder)) == ["archive.db", "media.db", "tumar.json"]


def _keys(folder: Path) -> tuple[bytes, bytes]:
    header = read_header(folder)
    slot = next(s for s in header.slots if s.kind == "passphrase")
    master = unwrap(slot, normalise_passphrase(PASSPHRASE), header.archive_id)
    assert master is not None
    return (
        derive_db_key(master, header.archive_id, "archive.db"),
        derive_db_key(master, header.archive_id, "media.db"),
    )


def test_pending_wal_is_reported_by_verify_and_folded_in(tmp_path, run_tumar) -> None:
    """A crash leaves committed records only in archive.db-wal: verify says so, the next
    unlock folds them into archive.db, and nothing is lost."""
    folder = tmp_path / "w.tumar"
    Archive.create(folder, PASSPHRASE, fast_params())[0].close()
    child = (
        "import os, sys\n"
        "from tumar.storage.archive import Archive\n"
        "from tumar.storage.records import Person\n"
        f"a = Archive.open({str(folder)!r}, {PASSPHRASE!r})\n"
        "a.records_db.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "p = a.repo.insert(Person(display_name='Survivor'))\n"
        "print(p.id, flush=True)\n"
        "os._exit(0)  # like a crash: no close, no checkpoint\n"
    )
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True)
    survivor = done.stdout.strip()
    assert (folder / "archive.db-wal").stat().st_size > 0
    check = run_tumar("verify", folder)
    assert check.returncode == 0, check.stdout
    assert "NOTE: archive.db-wal held committed changes" in check.stdout
    assert not (folder / "archive.db-wal").exists()
    listed = run_tumar("person", "list", "-a", folder)
    assert survivor in listed.stdout


def test_media_db_locked_by_an_import_says_so_and_records_go_on(with_media, tmp_path, run_tumar):
    folder = copy_of(with_media[0], tmp_path)
    _records_key, media_key = _keys(folder)
    holder = open_database(
        folder / "media.db", media_key, create=False, cache_kib=1024, page_size=64 * 1024,
        journal_mode="DELETE",
    )  # fmt: skip
    holder.execute("BEGIN EXCLUSIVE")  # what a long import's transaction holds
    try:
        added = run_tumar("person", "add", "-a", folder, input="Qaisha Aqan")
        assert added.returncode == 0, added.stderr
        assert added.stderr == ""
        exported = run_tumar(
            "media", "export", "--original", with_media[1][0], tmp_path, "-a", folder
        )
        assert exported.returncode == 1
        line = stderr_line(exported, "another Tumar command")
        assert "damaged" not in line
    finally:
        holder.execute("ROLLBACK")
        holder.close()
