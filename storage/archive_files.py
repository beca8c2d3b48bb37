"""The archive's files as the operating system sees them: read-only disks, the WAL file,
schema upgrades that a read-only archive cannot take, and why media.db may be unusable.

Kept apart from storage.archive (unlock and lifecycle) so each stays small.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from . import schema
from .atomic import fsync_dir
from .connection import Connection, DatabaseError, key_pragma, open_database
from .errors import ArchiveReadOnly, TumarError

ARCHIVE_DB = "archive.db"
MEDIA_DB = "media.db"


def is_read_only_folder(folder: Path) -> bool:
    """A read-only mount, or a folder/database this user may not write."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    paths = [folder, folder / ARCHIVE_DB]
    return not all(os.access(p, os.W_OK) for p in paths if p.exists())


def migrate(conn: Connection, migrations: tuple, name: str, read_only: bool) -> None:
    if not read_only:
        schema.migrate(conn, migrations, name)
    elif schema.check_not_newer(conn, migrations, name) < schema.latest(migrations):
        raise ArchiveReadOnly(
            f"{name} needs upgrading to this Tumar's format, but the archive is read-only; "
            "copy the archive folder to a writable disk first"
        )


def media_problem(exc: BaseException) -> str:
    reason = str(exc) if isinstance(exc, TumarError) else "media.db is damaged"
    return (
        f"Media are unavailable ({reason.rstrip('.')}); records work as usual. "
        "Run `tumar verify` and restore media.db from a backup"
    )


def wal_pending(folder: Path) -> bool:
    """archive.db-wal holds committed changes not yet in archive.db (checked before
    opening: a crash or a failed checkpoint at close leaves it so)."""
    wal = Path(folder) / f"{ARCHIVE_DB}-wal"
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def checkpoint(conn: Connection) -> str | None:
    """Fold archive.db-wal into archive.db; a one-line problem if that failed.

    Committed records may live only in the -wal file until this succeeds (after a crash,
    or when the disk was full at close), so a failure is reported, never swallowed, and
    retried at the next unlock.
    """
    try:
        # a reader in another process may keep part of the WAL (busy=1): the last
        # connection to close folds the rest, so only an error is a problem
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except DatabaseError as exc:
        return (
            f"Your changes are saved in {ARCHIVE_DB}-wal but could not be folded into "
            f"{ARCHIVE_DB} ({exc}); keep the whole archive folder together (never delete "
            f"{ARCHIVE_DB}-wal). Tumar retries the next time the archive is opened"
        )
    return None


def rewrite_database(path: Path, key: bytes, cache_kib: int) -> None:
    """Replace `path` by a copy of everything its tables and indexes hold, encrypted with
    the same key: pages no table uses any more (a search index dropped after damage) are
    left behind. VACUUM cannot do this: it reads every old page, damaged ones included.

    The copy is written beside the file (so nothing leaves the folder, and it is
    encrypted from its first page), fsynced, then renamed over the original. The caller
    must have closed its own connections; other Tumar processes must not be running.
    """
    tmp = path.with_name(f".{path.name}.rewrite-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    conn = open_database(path, key, create=False, cache_kib=cache_kib)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"ATTACH DATABASE ? AS rewrite KEY {key_pragma(key)}", (str(tmp),))
        # an attached file gets SQLCipher's default page HMAC, not the one this file has
        page_hmac = conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0]
        conn.execute(f"PRAGMA rewrite.cipher_hmac_algorithm = {page_hmac}")
        conn.execute("SELECT sqlcipher_export('rewrite')").fetchall()
        conn.execute(f"PRAGMA rewrite.user_version = {version}")
        conn.execute("DETACH DATABASE rewrite")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        conn.close()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    conn.close()
    os.chmod(tmp, 0o600)
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)
