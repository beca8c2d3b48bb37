"""Unlocking must fail loudly and precisely, and never write anything, for every bad input."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.templates import Templates
from tumar.storage import keyslots, slot_registry
from tumar.storage.archive import Archive, change_passphrase
from tumar.storage.connection import derive_db_key, open_database
from tumar.storage.errors import (
    ArchiveExists,
    DatabaseCorrupt,
    HeaderCorrupt,
    InvalidInput,
    KdfParametersRejected,
    MediaUnavailable,
    NotAnArchive,
    SchemaTooNew,
    UnsupportedFormat,
    WrongPassphrase,
)
from tumar.storage.header import read_header
from tumar.storage.kdf import fast_params
from tumar.storage.records import Person

PASS = "correct horse battery staple"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below `folder` with its SHA-256: equal snapshots mean nothing was written."""
    result = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root, name)
            result[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def _someone(archive: Archive) -> None:
    archive.repo.insert(Person(display_name="Someone"))


@pytest.fixture
def archive_dir(tmp_path: Path, templates: Templates) -> Path:
    """A closed archive holding one person: this test's own copy of one made once."""
    return templates.get("unlock-errors", _someone, PASS).copy_to(tmp_path / "case.tumar")


def edit_header(folder: Path, change) -> None:
    path = folder / "tumar.json"
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def assert_refused(folder: Path, error: type[Exception], match: str, secret: str = PASS) -> None:
    before = snapshot(folder)
    with pytest.raises(error, match=match):
        Archive.open(folder, secret)
    assert snapshot(folder) == before


def test_correct_passphrase_opens(archive_dir: Path) -> None:
    with Archive.open(archive_dir, PASS) as archive:
        assert [p.display_name for p in archive.repo.find(Person)] == ["Someone"]


def test_wrong_passphrase_is_clear_and_changes_nothing(archive_dir: Path) -> None:
    assert_refused(
        archive_dir, WrongPassphrase, "^The passphrase does not open this archive$", "wrong one!"
    )


def test_missing_folder_and_missing_header(tmp_path: Path) -> None:
    with pytest.raises(NotAnArchive, match="no archive folder"):
        Archive.open(tmp_path / "nowhere", PASS)
    assert not (tmp_path / "nowhere").exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(NotAnArchive, match="tumar.json is missing"):
        Archive.open(tmp_path / "empty", PASS)
    assert list((tmp_path / "empty").iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"\xff\xfe\x00garbage", b"[]", b'{"format": "something-else"}'],
)
def test_corrupt_header(archive_dir: Path, content: bytes) -> None:
    (archive_dir / "tumar.json").write_bytes(content)
    assert_refused(archive_dir, HeaderCorrupt, "header|tumar.json")


def test_header_without_slots(archive_dir: Path) -> None:
    edit_header(archive_dir, lambda d: d.update(slots=[]))
    assert_refused(archive_dir, HeaderCorrupt, "no usable key slots")


def test_header_with_damaged_slot(archive_dir: Path) -> None:
    edit_header(archive_dir, lambda d: d["slots"][0].update(wrapped_key="!!notbase64"))
    assert_refused(archive_dir, HeaderCorrupt, "wrapped_key")


def test_header_from_newer_format(archive_dir: Path) -> None:
    edit_header(archive_dir, lambda d: d.update(format_version=3))
    assert_refused(archive_dir, UnsupportedFormat, "newer Tumar")


@pytest.mark.parametrize(
    ("field", "value", "match"),
    [
        ("memory_kib", 64 * 1024 * 1024, "64 GiB|65536 MiB"),
        ("time_cost", 10**6, "1000000 KDF passes"),
        ("parallelism", 4096, "parallelism 4096"),
        ("memory_kib", "lots", "not a number"),
        ("name", "scrypt", "unknown key-derivation"),
    ],
)
def test_hostile_kdf_parameters_are_capped(archive_dir: Path, field, value, match) -> None:
    """Checked before any derivation runs: a 64 GiB / 10^6-pass header never starts."""

    def change(data: dict) -> None:
        for slot in data["slots"]:
            slot["kdf"][field] = value

    edit_header(archive_dir, change)
    assert_refused(archive_dir, KdfParametersRejected, match)


def test_slot_copied_from_another_archive_does_not_open(tmp_path: Path, archive_dir: Path) -> None:
    other, _ = Archive.create(tmp_path / "other.tumar", PASS, fast_params())
    other.close()
    foreign = json.loads((tmp_path / "other.tumar" / "tumar.json").read_text())["slots"]
    edit_header(archive_dir, lambda d: d.update(slots=foreign))
    assert_refused(archive_dir, HeaderCorrupt, "passphrase is right, but the key slots")
    assert_refused(archive_dir, WrongPassphrase, "does not open", secret="not the passphrase")


def test_plain_sqlite_file_instead_of_archive_db(archive_dir: Path) -> None:
    db = archive_dir / "archive.db"
    db.unlink()
    plain = sqlite3.connect(db)
    plain.execute("CREATE TABLE person (id TEXT)")
    plain.commit()
    plain.close()
    assert_refused(archive_dir, DatabaseCorrupt, "archive.db cannot be opened")


def test_random_bytes_instead_of_archive_db(archive_dir: Path) -> None:
    (archive_dir / "archive.db").write_bytes(os.urandom(64 * 1024))
    assert_refused(archive_dir, DatabaseCorrupt, "archive.db cannot be opened")


def test_random_bytes_instead_of_media_db_leaves_records_reachable(archive_dir: Path) -> None:
    (archive_dir / "media.db").write_bytes(os.urandom(8192))
    before = snapshot(archive_dir)
    with Archive.open(archive_dir, PASS) as archive:
        assert "media.db cannot be opened" in archive.media_problem
        assert [p.display_name for p in archive.repo.find(Person)] == ["Someone"]
        with pytest.raises(MediaUnavailable, match="Media are unavailable"):
            _ = archive.media_db
    assert snapshot(archive_dir)["media.db"] == before["media.db"]


def test_missing_database_is_not_recreated(archive_dir: Path) -> None:
    (archive_dir / "archive.db").unlink()
    assert_refused(archive_dir, DatabaseCorrupt, "archive.db is missing")
    assert not (archive_dir / "archive.db").exists()


def test_newer_schema_is_refused(archive_dir: Path) -> None:
    header = read_header(archive_dir)
    slot = next(s for s in header.slots if s.kind == "passphrase")
    master = keyslots.unwrap(slot, keyslots.normalise_passphrase(PASS), header.archive_id)
    assert master is not None
    key = derive_db_key(master, header.archive_id, "archive.db")
    conn = open_database(archive_dir / "archive.db", key, create=False, cache_kib=1024)
    conn.execute("PRAGMA user_version = 99")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert_refused(archive_dir, SchemaTooNew, "schema version 99, newer")


def test_init_refuses_existing_archive_and_non_empty_folder(archive_dir: Path, tmp_path: Path):
    before = snapshot(archive_dir)
    with pytest.raises(ArchiveExists):
        Archive.create(archive_dir, PASS, fast_params())
    assert snapshot(archive_dir) == before
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "holiday.jpg").write_bytes(b"not ours")
    with pytest.raises(ArchiveExists):
        Archive.create(busy, PASS, fast_params())
    assert sorted(p.name for p in busy.iterdir()) == ["holiday.jpg"]


def test_init_into_empty_folder_and_short_passphrase(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="at least 8"):
        Archive.create(tmp_path / "short.tumar", "short", fast_params())
    assert not (tmp_path / "short.tumar").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    archive, _ = Archive.create(empty, PASS, fast_params())
    archive.close()
    assert sorted(p.name for p in empty.iterdir()) == ["archive.db", "media.db", "tumar.json"]
    assert {oct(p.stat().st_mode & 0o777) for p in empty.iterdir()} == {"0o600"}


def test_recovery_code_opens_in_any_spelling(tmp_path: Path) -> None:
    archive, code = Archive.create(tmp_path / "a.tumar", PASS, fast_params())
    archive.close()
    assert len(code.replace("-", "")) == 32
    sloppy = code.lower().replace("-", " ")
    Archive.open(tmp_path / "a.tumar", sloppy).close()


def test_change_passphrase_rewrites_only_the_slot(tmp_path: Path) -> None:
    folder = tmp_path / "a.tumar"
    archive, code = Archive.create(folder, PASS, fast_params())
    archive.close()
    before = snapshot(folder)
    old_header = read_header(folder)
    change_passphrase(folder, PASS, "a much newer passphrase", fast_params())
    after = snapshot(folder)
    # media.db is untouched; archive.db only learns the new slot id (storage.slot_registry)
    assert after["media.db"] == before["media.db"]
    assert after["tumar.json"] != before["tumar.json"]
    new_header = read_header(folder)
    with Archive.open(folder, "a much newer passphrase") as reopened:
        assert reopened.warnings == []
        known = {d["id"] for d in slot_registry.known(reopened.records_db) or []}
    assert known == {s.slot_id for s in new_header.slots}
    recovery = [s for s in new_header.slots if s.kind == "recovery"]
    assert recovery == [s for s in old_header.slots if s.kind == "recovery"]
    assert sorted(p.name for p in folder.iterdir()) == ["archive.db", "media.db", "tumar.json"]
    with pytest.raises(WrongPassphrase):
        Archive.open(folder, PASS)
    Archive.open(folder, "a much newer passphrase").close()
    Archive.open(folder, code).close()
    # a forgotten passphrase is replaced with the recovery code
    change_passphrase(folder, code, "third passphrase here", fast_params())
    Archive.open(folder, "third passphrase here").close()
    with pytest.raises(WrongPassphrase):
        change_passphrase(folder, "not it at all", "whatever whatever", fast_params())
