"""Promises of the storage layer that a test could previously not see broken: one key per
database file, and the hybrid logical clock restored on reopen even when the wall clock
is behind what was stored (after a clock reset, or a laptop whose battery died)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tumar.storage import keyslots
from tumar.storage.archive import ARCHIVE_DB, MEDIA_DB, Archive
from tumar.storage.connection import (
    MEDIA_PAGE_SIZE,
    derive_db_key,
    open_database,
)
from tumar.storage.errors import DatabaseCorrupt
from tumar.storage.header import read_header
from tumar.storage.hlc import Clock, Timestamp
from tumar.storage.kdf import fast_params
from tumar.storage.records import Person
from tumar.storage.repository import Repository

PASS = "correct horse battery staple"
DAY_MS = 24 * 3600 * 1000


def master_key(folder: Path) -> tuple[bytes, str]:
    header = read_header(folder)
    slot = next(s for s in header.slots if s.kind == "passphrase")
    master = keyslots.unwrap(slot, keyslots.normalise_passphrase(PASS), header.archive_id)
    assert master is not None
    return master, header.archive_id


def test_each_database_has_its_own_key(tmp_path: Path) -> None:
    folder = tmp_path / "k.tumar"
    Archive.create(folder, PASS, fast_params())[0].close()
    master, archive_id = master_key(folder)
    records_key = derive_db_key(master, archive_id, ARCHIVE_DB)
    media_key = derive_db_key(master, archive_id, MEDIA_DB)
    assert records_key != media_key and len(records_key) == len(media_key) == 32
    assert derive_db_key(master, archive_id, ARCHIVE_DB) == records_key  # deterministic
    assert derive_db_key(master, "0" * 8 + archive_id[8:], ARCHIVE_DB) != records_key
    assert master not in (records_key, media_key)
    with pytest.raises(DatabaseCorrupt, match="archive.db cannot be opened"):
        open_database(folder / ARCHIVE_DB, media_key, create=False, cache_kib=1024)
    with pytest.raises(DatabaseCorrupt, match="media.db cannot be opened"):
        open_database(
            folder / MEDIA_DB, records_key, create=False, cache_kib=1024,
            page_size=MEDIA_PAGE_SIZE, journal_mode="DELETE",
        )  # fmt: skip
    # and each opens under its own key
    for name, key, extra in ((ARCHIVE_DB, records_key, {}),
                             (MEDIA_DB, media_key, {"page_size": MEDIA_PAGE_SIZE,
                                                    "journal_mode": "DELETE"})):  # fmt: skip
        open_database(folder / name, key, create=False, cache_kib=1024, **extra).close()


def test_clock_is_restored_on_reopen_when_the_wall_clock_is_behind(tmp_path: Path) -> None:
    folder = tmp_path / "h.tumar"
    archive, _ = Archive.create(folder, PASS, fast_params())
    with archive:
        # written while the wall clock said tomorrow (a clock later set right again)
        tomorrow = Clock(archive.replica_id, wall=lambda: int(time.time() * 1000) + DAY_MS)
        stored = Timestamp.parse(
            Repository(archive.records_db, tomorrow).insert(Person(display_name="A")).hlc
        )
    with Archive.open(folder, PASS) as again:
        assert again.clock.now() > stored
        later = Timestamp.parse(again.repo.insert(Person(display_name="B")).hlc)
        assert later > stored and later.wall_ms == stored.wall_ms
