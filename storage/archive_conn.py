"""The connections of an unlocked archive: media.db opened late or not at all, fresh
connections after damage, separate readers for checks, the rewrite that drops damaged
pages. A mixin of storage.archive.Archive, kept apart so each module stays small.

SQLCipher refuses every statement on a connection once it has met a page failing its
HMAC (sqlcipher/sqlcipher#617): after damage the only way on is a new connection.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from . import fts_repair, schema
from .archive_files import (
    ARCHIVE_DB,
    MEDIA_DB,
    media_problem,
    rewrite_database,
)
from .archive_files import migrate as migrate_db
from .connection import (
    MEDIA_CACHE_KIB,
    MEDIA_PAGE_SIZE,
    RECORDS_CACHE_KIB,
    Connection,
    DatabaseError,
    derive_db_key,
    open_database,
)
from .errors import ArchiveBusy, ArchiveLocked, DatabaseCorrupt, MediaUnavailable, TumarError
from .header import Header
from .repository import Repository

MEDIA_JOURNAL_MODE = "DELETE"


def open_media_db(
    folder: Path, key: bytes, *, create: bool, read_only: bool = False,
    busy_timeout_ms: int = 5000, immutable: bool = False,
) -> Connection:  # fmt: skip
    """media.db with its layout: the same page size on create and on every open."""
    return open_database(
        folder / MEDIA_DB,
        key,
        create=create,
        cache_kib=MEDIA_CACHE_KIB,
        page_size=MEDIA_PAGE_SIZE,
        journal_mode=MEDIA_JOURNAL_MODE,
        read_only=read_only,
        busy_timeout_ms=busy_timeout_ms,
        immutable=immutable,
    )


class ArchiveConnections:
    """Connection handling shared by every Archive (see storage.archive)."""

    folder: Path
    header: Header
    records_db: Connection
    media_conn: Connection | None
    repo: Repository
    media_problem: str
    read_only: bool
    on_warning: Callable[[str], None] | None
    warnings: list[str]
    _master_key: bytes
    _media_busy: bool

    def _key(self, name: str) -> bytes:
        if not self._master_key:
            raise ArchiveLocked("The archive is locked; unlock it again")
        return derive_db_key(self._master_key, self.header.archive_id, name)

    @property
    def media_db(self) -> Connection:
        """media.db, opened on first use when an import held it at unlock time."""
        if self.media_conn is None and self._media_busy:
            self.media_conn = open_media_db(
                self.folder,
                self._key(MEDIA_DB),
                create=False,
                read_only=self.read_only,
                immutable=self.read_only,
            )  # ArchiveBusy again after the busy timeout: "another command is importing"
            self._media_busy = False
            migrate_db(self.media_conn, schema.MEDIA_MIGRATIONS, MEDIA_DB, self.read_only)
        if self.media_conn is None:
            raise MediaUnavailable(self.media_problem)
        return self.media_conn

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        if self.on_warning is not None:
            self.on_warning(message)

    def reconnect(self) -> Connection:
        """A fresh archive.db connection in place of the current one: after SQLCipher met a
        damaged page, the connection that read it refuses every statement (sqlcipher#617)."""
        hooks = list(getattr(self.records_db, "after_commit", []))  # e.g. the last-seen head
        with contextlib.suppress(Exception):
            self.records_db.close()
        self.records_db = open_database(
            self.folder / ARCHIVE_DB, self._key(ARCHIVE_DB), create=False,
            cache_kib=RECORDS_CACHE_KIB, read_only=self.read_only, immutable=self.read_only,
        )  # fmt: skip
        self.records_db.after_commit = hooks
        self.repo.conn = self.records_db
        return self.records_db

    def rewrite_records(self) -> Connection:
        """Rewrite archive.db without its unused (possibly damaged) pages; reconnected."""
        with contextlib.suppress(Exception):
            self.records_db.close()
        rewrite_database(self.folder / ARCHIVE_DB, self._key(ARCHIVE_DB), RECORDS_CACHE_KIB)
        return self.reconnect()

    def reconnect_media(self) -> Connection:
        """reconnect() for media.db: one damaged chunk must not cost the other media."""
        if self.media_conn is not None:
            with contextlib.suppress(Exception):
                self.media_conn.close()
        self.media_conn = None
        self.media_conn = open_media_db(
            self.folder,
            self._key(MEDIA_DB),
            create=False,
            read_only=self.read_only,
            immutable=self.read_only,
        )
        return self.media_conn

    def reader(self, name: str = ARCHIVE_DB, read_only: bool = True) -> Connection:
        """A separate connection, so a check that meets damage spoils only itself
        (read_only=False for FTS5's integrity-check, which is phrased as an INSERT)."""
        read_only = read_only or self.read_only
        if name == ARCHIVE_DB:
            return open_database(
                self.folder / ARCHIVE_DB, self._key(ARCHIVE_DB), create=False,
                cache_kib=RECORDS_CACHE_KIB, read_only=read_only, immutable=self.read_only,
            )  # fmt: skip
        return open_media_db(
            self.folder, self._key(MEDIA_DB), create=False, read_only=read_only,
            immutable=self.read_only,
        )  # fmt: skip

    def index_damaged(self) -> None:
        """A write met damage in the search index: mark it stale so writes go on without it."""
        fts_repair.mark_stale(self.reconnect())
        self.repo.search_enabled = False

    def _open_media(self, run_migrations: bool = True) -> None:
        try:
            self.media_conn = open_media_db(
                self.folder, self._key(MEDIA_DB), create=False, read_only=self.read_only,
                immutable=self.read_only, busy_timeout_ms=0,
            )  # fmt: skip
        except ArchiveBusy:
            self._media_busy = True  # an import is running: try again when media are needed
            return
        except (DatabaseCorrupt, DatabaseError) as exc:
            self.media_problem = media_problem(exc)
            return
        try:
            if run_migrations:
                migrate_db(self.media_conn, schema.MEDIA_MIGRATIONS, MEDIA_DB, self.read_only)
        except TumarError:
            self.media_conn.close()
            self.media_conn = None
            raise
        except DatabaseError as exc:
            self.media_conn.close()
            self.media_conn = None
            self.media_problem = media_problem(exc)
