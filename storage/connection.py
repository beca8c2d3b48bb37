"""Opening SQLCipher databases with a raw key and the settings every Tumar database needs.

A raw 256-bit key (from HKDF) skips SQLCipher's own PBKDF2: the slow, memory-hard step
is Argon2id in the key slots, done once per unlock. Files are opened with mode=rw so a
missing database is an error, never a fresh empty one.

Two page layouts (`open_database(page_size=…, journal_mode=…)`):
- archive.db: SQLCipher's default 4 KiB pages and WAL. Records are small, read often and
  written in short transactions; WAL lets readers go on while one writes.
- media.db: 64 KiB cipher pages and a rollback journal (DELETE). Media arrive as 1 MiB
  chunks in one long transaction per file. Under WAL every page is written twice (to the
  WAL, then by the checkpoint); a rollback journal copies only pages that existed before
  the transaction, so appended chunk pages are written once, and a 64 KiB page costs one
  AES + HMAC pass where sixteen 4 KiB pages cost sixteen (measured on 1 MiB blobs:
  ≈ 180 MiB/s for 4 KiB + WAL, ≈ 430 MiB/s for 64 KiB + rollback journal). The price: a
  writer holds media.db's exclusive lock for its whole import, so nothing a reader must see
  during an import (thumbnails) lives there. SQLCipher needs `cipher_page_size` before it
  reads the first page, so the same size is given on every open, not just at creation.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import ArchiveBusy, DatabaseCorrupt, DiskFull

DatabaseError = sqlcipher3.DatabaseError
#: SQLCipher 4's page format (PBKDF2-SHA512 and HMAC-SHA512 defaults), pinned so that a
#: changed library default or a process-wide `cipher_default_compatibility` cannot make us
#: write an older, weaker format; the page HMAC is then chosen explicitly (PAGE_HMAC).
CIPHER_COMPATIBILITY = 4
#: How every page Tumar writes is authenticated (archive format 2). SQLCipher 4's default,
#: HMAC-SHA512, is twice the CPU of HMAC-SHA256 on x86 with SHA extensions (reading 1 GiB of
#: media: 2.0 s against 1.1 s), and that read is the floor under a backup. HMAC-SHA256 with
#: a 256-bit key and a full 32-byte tag per page is no weaker a check against a changed page.
PAGE_HMAC = "HMAC_SHA256"
#: every page HMAC a Tumar file can have, tried in this order on open: files of format-1
#: archives (and pages rekeyed in place since) keep SQLCipher 4's default. The key is already
#: proven by the key slot's AEAD, so a file that reads under neither is damaged, not locked.
PAGE_HMACS = (PAGE_HMAC, "HMAC_SHA512")


class Connection(sqlcipher3.Connection):
    """A sqlcipher3 connection that can run callbacks after each outermost COMMIT.

    The archive uses this to record its audit head outside the folder right after a
    write lands (storage.last_seen), so that losing committed data is noticed.
    """

    after_commit: list[Callable[[], None]]


# warm queries on SQLCipher cost what plain sqlite3 costs once pages stay decrypted in cache
RECORDS_CACHE_KIB = 256 * 1024
MEDIA_CACHE_KIB = 16 * 1024
MEDIA_PAGE_SIZE = 64 * 1024  # SQLite's largest page; fixed when media.db is created
_JOURNAL_MODES = ("WAL", "DELETE", "TRUNCATE")
#: a database file holds at least one page, and SQLite's smallest page is 512 bytes
SMALLEST_DATABASE = 512


def derive_subkey(master_key: bytes, archive_id: str, info: bytes) -> bytes:
    """A key for one purpose (named by `info`) from the master key: HKDF-SHA256 salted with
    the archive id, so no two purposes or archives share a key."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=archive_id.encode("ascii"), info=info
    ).derive(master_key)


def derive_db_key(master_key: bytes, archive_id: str, db_name: str) -> bytes:
    """One independent key per database file, so the files never share a keystream."""
    return derive_subkey(
        master_key, archive_id, f"tumar/{db_name}/sqlcipher-raw-key/v1".encode("ascii")
    )


def key_pragma(raw_key: bytes) -> str:
    return f"\"x'{raw_key.hex()}'\""


def open_database(
    path: Path,
    raw_key: bytes,
    *,
    create: bool,
    cache_kib: int,
    page_size: int | None = None,
    journal_mode: str = "WAL",
    read_only: bool = False,
    busy_timeout_ms: int = 5000,
    any_thread: bool = False,
    immutable: bool = False,
) -> Connection:
    """Open (or with create=True, create) an encrypted database and verify the key.

    `page_size` (bytes, a power of two 512…65536; None = SQLCipher's 4 KiB default) is set
    as `cipher_page_size` right after the key, before anything is read or written: it must
    be the size the file was created with. `journal_mode` is WAL, DELETE or TRUNCATE.
    `read_only` opens with mode=ro and changes no setting stored in the file (an archive on
    a read-only stick can still be read, searched, verified and exported). A file another
    Tumar process holds locked raises ArchiveBusy after `busy_timeout_ms`, not "damaged".
    `immutable` (with read_only) is for files on a read-only disk: SQLite then needs no
    -shm file (it could not create one there) and takes no locks.
    """
    path = Path(path)
    if page_size is not None and (
        page_size < 512 or page_size > 65536 or page_size & (page_size - 1)
    ):
        raise ValueError(f"page_size must be a power of two from 512 to 65536, not {page_size}")
    if journal_mode.upper() not in _JOURNAL_MODES:
        raise ValueError(f"journal_mode must be one of {', '.join(_JOURNAL_MODES)}")
    if create and path.exists():
        raise DatabaseCorrupt(f"{path.name} already exists; refusing to overwrite it")
    if not create and not path.is_file():
        raise DatabaseCorrupt(f"The archive is incomplete: {path.name} is missing")
    if not create and (size := path.stat().st_size) < SMALLEST_DATABASE:
        # SQLCipher treats an empty file, or one too short to hold its 16-byte salt, as a new
        # database and would write a fresh empty one over it
        shown = "is empty" if size == 0 else f"is cut short ({size} bytes)"
        raise DatabaseCorrupt(f"The archive is incomplete: {path.name} {shown}")
    mode = "rwc" if create else ("ro" if read_only else "rw")
    uri = f"file:{quote(os.fsencode(path.resolve()))}?mode={mode}"  # any bytes in a path
    if read_only and immutable:
        uri += "&immutable=1"
    for attempt, page_hmac in enumerate((PAGE_HMAC,) if create else PAGE_HMACS):
        # any_thread: one thread at a time, but not the one that opened it (a reader thread)
        conn = sqlcipher3.connect(
            uri, uri=True, isolation_level=None, check_same_thread=not any_thread,
            factory=Connection,
        )  # fmt: skip
        conn.after_commit = []
        try:
            if create:
                apply_key(conn, raw_key, page_size, page_hmac)
                conn.execute("PRAGMA user_version = 0")  # the first write fixes the layout
                # owner-only, like the header; SQLite gives -wal/-shm/-journal files this mode
                os.chmod(path, 0o600)
            apply_key(conn, raw_key, page_size, page_hmac)
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            if not _reads(conn, path, last=attempt == len(PAGE_HMACS) - 1 or create):
                conn.close()
                continue
            _settle(conn, path, journal_mode, read_only, cache_kib)
        except BaseException:
            conn.close()
            raise
        conn.row_factory = sqlcipher3.Row
        return conn
    raise AssertionError("unreachable: the last attempt raises")  # pragma: no cover


def apply_key(conn: sqlcipher3.Connection, raw_key: bytes, page_size: int | None,
              page_hmac: str) -> None:  # fmt: skip
    """The key and page format, before anything is read: SQLCipher cannot tell a file's page
    size or HMAC from the file itself."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key_pragma(raw_key)}")
    conn.execute(f"PRAGMA cipher_compatibility = {CIPHER_COMPATIBILITY}")
    if page_size:
        conn.execute(f"PRAGMA cipher_page_size = {int(page_size)}")
    conn.execute(f"PRAGMA cipher_hmac_algorithm = {page_hmac}")


def readable_page_hmac(
    path: Path, raw_key: bytes, page_size: int | None, candidates: tuple[str, ...] = PAGE_HMACS
) -> str | None:
    """The first of `candidates` the file's first page reads under with this key, on a bare
    connection (no Tumar settings, nothing written but a hot journal's roll-back); None if
    none does."""
    for page_hmac in candidates:
        conn = sqlcipher3.connect(str(path), isolation_level=None)
        try:
            apply_key(conn, raw_key, page_size, page_hmac)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return page_hmac
        except sqlcipher3.DatabaseError:
            continue
        finally:
            conn.close()
    return None


def _reads(conn: sqlcipher3.Connection, path: Path, *, last: bool) -> bool:
    """Whether the first page reads; False lets the caller try the next page HMAC. A busy
    or full disk is said as such at once; an unreadable file only after the last try."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        if is_disk_full(exc) or "disk i/o" in str(exc).lower():
            raise DiskFull(
                f"{path.name} cannot be opened: the disk is full or cannot be written "
                f"({exc}); free some space and try again"
            ) from None
        if is_busy(exc):
            raise ArchiveBusy(
                f"{path.name} is in use by another Tumar command (an import or a long "
                "change); try again when it has finished"
            ) from None
        if not last:
            return False
        raise DatabaseCorrupt(
            f"{path.name} cannot be opened: it is not this archive's encrypted database, "
            "or it is damaged"
        ) from None
    return True


def _settle(conn: sqlcipher3.Connection, path: Path, journal_mode: str, read_only: bool,
            cache_kib: int) -> None:  # fmt: skip
    """The per-connection settings every Tumar database runs with."""
    if read_only:  # nothing is written; an immutable file reports no WAL at all
        applied = journal_mode
    else:
        applied = conn.execute(f"PRAGMA journal_mode = {journal_mode.upper()}").fetchone()[0]
    if str(applied).upper() != journal_mode.upper():
        raise DatabaseCorrupt(
            f"{path.name} could not be switched to journal mode {journal_mode} "
            f"(still {applied}); is it open in another program?"
        )
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = {-int(cache_kib)}")


def is_busy(exc: BaseException) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED, and SQLITE_PROTOCOL (a WAL reader that lost the lock race
    many times in a row on a very busy machine): another connection holds the file, nothing is
    damaged, trying again works."""
    text = str(exc).lower()
    return isinstance(exc, sqlcipher3.OperationalError) and any(
        word in text for word in ("locked", "busy", "locking protocol")
    )


def is_damage(exc: BaseException) -> bool:
    """SQLITE_CORRUPT / SQLITE_NOTADB and FTS5's reaction to a corrupt shadow table."""
    text = str(exc).lower()
    return isinstance(exc, sqlcipher3.DatabaseError) and any(
        word in text
        for word in ("malformed", "not a database", "corrupt", "vtable constructor failed")
    )


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, sqlcipher3.DatabaseError) and "full" in str(exc).lower()


def is_read_only(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlcipher3.DatabaseError) and "readonly" in text.replace("-", "")


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: all of a change or none of it."""
    if conn.in_transaction:
        yield conn  # nested use joins the outer transaction
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        # deferred foreign keys are checked here; a failed COMMIT leaves the transaction
        # open, so it must be rolled back like any other failure. After SQLITE_FULL, SQLite
        # may already have rolled back by itself: a second ROLLBACK would raise and hide
        # the real error, hence the in_transaction check.
        conn.execute("COMMIT")
    except BaseException:
        # a connection that met a damaged page refuses even ROLLBACK (sqlcipher#617); its
        # uncommitted changes die with it, so the original error is the one to report
        with contextlib.suppress(sqlcipher3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        raise
    for callback in getattr(conn, "after_commit", ()):
        callback()
