"""Opening an archive whose databases are damaged, for `verify` and `salvage` only.

Archive.open needs archive.db's schema, its meta table and its migrations to be readable.
When they are not, these two commands still need to look inside: this opens both files
with the right keys, read-only, touching nothing that may be damaged, and says per file
why it could not be opened. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import archive as _archive
from .archive_conn import MEDIA_JOURNAL_MODE
from .archive_files import ARCHIVE_DB, MEDIA_DB
from .connection import (
    MEDIA_CACHE_KIB,
    MEDIA_PAGE_SIZE,
    RECORDS_CACHE_KIB,
    Connection,
    DatabaseError,
    derive_db_key,
    open_database,
)
from .errors import DatabaseCorrupt, TumarError
from .header import Header, read_header


@dataclass
class RawArchive:
    """Openers for both databases (read-only, a fresh connection per call) and, for each
    file that does not open at all, why."""

    folder: Path
    header: Header
    records_key: bytes
    media_key: bytes
    records_problem: str = ""
    media_problem: str = ""

    def records(self) -> Connection:
        return open_database(
            self.folder / ARCHIVE_DB, self.records_key, create=False,
            cache_kib=RECORDS_CACHE_KIB, read_only=True,
        )  # fmt: skip

    def media(self, any_thread: bool = False) -> Connection:
        return open_database(
            self.folder / MEDIA_DB, self.media_key, create=False, cache_kib=MEDIA_CACHE_KIB,
            page_size=MEDIA_PAGE_SIZE, journal_mode=MEDIA_JOURNAL_MODE, read_only=True,
            any_thread=any_thread,
        )  # fmt: skip


def _problem(opener: Callable[[], Connection], name: str) -> str:
    try:
        opener().close()
    except (DatabaseCorrupt, DatabaseError) as exc:
        return str(exc) if isinstance(exc, TumarError) else f"{name} is damaged ({exc})"
    return ""


def open_raw(folder: Path, secret: str) -> RawArchive:
    """Unlock (a wrong passphrase still raises WrongPassphrase); say which file opens."""
    folder = Path(folder)
    header = read_header(folder)
    master, _slot = _archive._unlock_master_key(header, secret)
    raw = RawArchive(
        folder, header,
        derive_db_key(master, header.archive_id, ARCHIVE_DB),
        derive_db_key(master, header.archive_id, MEDIA_DB),
    )  # fmt: skip
    raw.records_problem = _problem(raw.records, ARCHIVE_DB)
    raw.media_problem = _problem(raw.media, MEDIA_DB)
    return raw
