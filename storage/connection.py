"""Opening SQLCipher databases with a raw key and the settings every Tumar database needs.

A raw 256-bit key (from HKDF) skips SQLCipher's own PBKDF2: the slow, memory-hard step
is Argon2id in the key slots, done once per unlock. Files are opened with mode=rw so a
missing database is an error, never a fresh empty one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import sqlcipher3
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import DatabaseCorrupt

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError

# warm queries on SQLCipher cost what plain sqlite3 costs once pages stay decrypted in cache
RECORDS_CACHE_KIB = 256 * 1024
MEDIA_CACHE_KIB = 16 * 1024


def derive_db_key(master_key: bytes, archive_id: str, db_name: str) -> bytes:
    """One independent key per database file, so the files never share a keystream."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=archive_id.encode("ascii"),
        info=f"tumar/{db_name}/sqlcipher-raw-key/v1".encode("ascii"),
    ).derive(master_key)


def key_pragma(raw_key: bytes) -> str:
    return f"\"x'{raw_key.hex()}'\""


def open_database(path: Path, raw_key: bytes, *, create: bool, cache_kib: int) -> Connection:
    """Open (or with create=True, create) an encrypted database and verify the key."""
    path = Path(path)
    if create and path.exists():
        raise DatabaseCorrupt(f"{path.name} already exists; refusing to overwrite it")
    if not create and not path.is_file():
        raise DatabaseCorrupt(f"The archive is incomplete: {path.name} is missing")
    mode = "rwc" if create else "rw"
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=True)
    try:
        if create:
            # owner-only, like the header; SQLite gives -wal/-shm files the same mode
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {key_pragma(raw_key)}")
            conn.execute("PRAGMA user_version = 0")
            os.chmod(path, 0o600)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key_pragma(raw_key)}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError:
            raise DatabaseCorrupt(
                f"{path.name} cannot be opened: it is not this archive's encrypted database, "
                "or it is damaged"
            ) from None
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute(f"PRAGMA cache_size = {-int(cache_kib)}")
    except BaseException:
        conn.close()
        raise
    conn.row_factory = sqlcipher3.Row
    return conn


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
        # open, so it must be rolled back like any other failure
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
