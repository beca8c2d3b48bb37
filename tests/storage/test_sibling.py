"""A second Archive on its own connections (for a worker thread) without a second KDF run,
and HLC order when both connections write as the same replica."""

from __future__ import annotations

from pathlib import Path

import pytest

from tumar.storage import keyslots
from tumar.storage.archive import Archive, unlock_key
from tumar.storage.errors import ArchiveLocked, WrongPassphrase
from tumar.storage.hlc import Timestamp
from tumar.storage.records import Person


def test_sibling_opens_without_the_kdf_and_sees_the_same_records(
    new_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = new_archive.repo.insert(Person(display_name="A"))

    def no_kdf(*args: object, **kwargs: object) -> None:
        raise AssertionError("the KDF ran again")

    monkeypatch.setattr(keyslots, "unwrap", no_kdf)
    with new_archive.open_sibling() as sibling:
        assert sibling.records_db is not new_archive.records_db
        assert sibling.replica_id == new_archive.replica_id
        assert sibling.repo.get(Person, person.id).display_name == "A"


def test_two_connections_of_one_replica_never_reuse_or_reorder_a_stamp(
    new_archive: Archive,
) -> None:
    """With a stuck wall clock each connection's own clock alone would hand out the same
    stamps; re-reading the stored high-water mark in the write transaction prevents it."""
    sibling = new_archive.open_sibling()
    try:
        for archive in (new_archive, sibling):
            archive.clock._wall = lambda: 1_700_000_000_000
        stamps = []
        for i in range(6):
            writer = (new_archive, sibling)[i % 2]
            stamps.append(writer.repo.insert(Person(display_name=f"P{i}")).hlc)
    finally:
        sibling.close()
    parsed = [Timestamp.parse(s) for s in stamps]
    assert parsed == sorted(parsed)
    assert len(set(stamps)) == len(stamps)


def test_closed_archive_forgets_its_key(new_archive: Archive) -> None:
    new_archive.close()
    with pytest.raises(ArchiveLocked):
        new_archive.open_sibling()
    assert "master" not in repr(new_archive).lower()


def test_unlock_key_rejects_a_wrong_passphrase_before_any_database(
    tmp_path: Path, new_archive: Archive, passphrase: str
) -> None:
    folder = new_archive.folder
    new_archive.close()
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    with pytest.raises(WrongPassphrase):
        unlock_key(folder, "not the passphrase at all")
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    header, master = unlock_key(folder, passphrase)
    with Archive.open_with_key(folder, header, master) as again:
        assert again.archive_id == header.archive_id
