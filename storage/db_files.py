"""The two database files of an archive and how each is opened (its layout and key).

Shared by unlock (storage.archive) and by rekey (storage.rekey_journal), which must open
the same files under an old and a new master key. See storage.connection for why the two
layouts differ.
"""

from __future__ import annotations

from pathlib import Path

from .connection import (
    MEDIA_CACHE_KIB,
    MEDIA_PAGE_SIZE,
    RECORDS_CACHE_KIB,
    Connection,
    derive_db_key,
    open_database,
)

ARCHIVE_DB = "archive.db"
MEDIA_DB = "media.db"
MEDIA_JOURNAL_MODE = "DELETE"
#: name -> (page size, cache KiB, journal mode)
LAYOUT = {
    ARCHIVE_DB: (None, RECORDS_CACHE_KIB, "WAL"),
    MEDIA_DB: (MEDIA_PAGE_SIZE, MEDIA_CACHE_KIB, MEDIA_JOURNAL_MODE),
}


def open_db(
    folder: Path,
    name: str,
    master: bytes,
    archive_id: str,
    *,
    create: bool = False,
    journal_mode: str | None = None,
) -> Connection:
    """One of the archive's databases with its layout: the same page size on create and on
    every open (SQLCipher cannot read a 64 KiB-page file without being told)."""
    page_size, cache_kib, default_journal = LAYOUT[name]
    return open_database(
        Path(folder) / name,
        derive_db_key(master, archive_id, name),
        create=create,
        cache_kib=cache_kib,
        page_size=page_size,
        journal_mode=journal_mode or default_journal,
    )
