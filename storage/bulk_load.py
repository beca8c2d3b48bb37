"""Loading a brand-new archive fast, then making it durable before it counts as saved.

Why this is safe only for a new archive: `tumar restore` writes into a folder that is not
yet an archive. Archive.create(unfinished=True) leaves out the header (tumar.json), and
without it nothing opens the folder as an archive ("tumar.json is missing"). So while the
load runs, archive.db may be written without a journal on disk and without fsync: a crash,
a full disk or kill -9 leaves at worst a folder that is refused as incomplete, never an
archive that opens with records missing. A load that fails deletes the folder.

Only after `make_durable` (the last commit is on disk, WAL and synchronous=FULL are back,
archive.db and the folder fsynced) is the header written, atomically; from then on the
archive behaves like any other (and a crash can lose nothing reported saved).

Why each setting: WAL writes every page twice (into -wal, then by the checkpoint) and a
commit of the whole load would fsync hundreds of megabytes; a MEMORY journal keeps the
undo copies of the few pages that existed before the load in memory (ROLLBACK still works
for a load that is refused part-way); synchronous=OFF leaves the ordering of writes to the
kernel until the one fsync at the end; a larger page cache lets most pages be encrypted
and written once, at the commit, instead of spilling and being rewritten.
"""

from __future__ import annotations

import os
from pathlib import Path

from .atomic import fsync_dir
from .connection import RECORDS_CACHE_KIB, Connection
from .errors import DatabaseCorrupt

#: page cache while loading (KiB); back to RECORDS_CACHE_KIB when done
LOAD_CACHE_KIB = 512 * 1024


def _journal(conn: Connection, mode: str) -> None:
    applied = conn.execute(f"PRAGMA journal_mode = {mode}").fetchone()[0]
    if str(applied).upper() != mode:
        raise DatabaseCorrupt(f"archive.db could not be switched to journal mode {mode}")


def relax(conn: Connection) -> None:
    """Fast, not crash-safe settings for an archive that has no header yet."""
    if conn.in_transaction:
        raise RuntimeError("relax() must run outside a transaction")
    _journal(conn, "MEMORY")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute(f"PRAGMA cache_size = {-LOAD_CACHE_KIB}")


def make_durable(conn: Connection, db_path: Path) -> None:
    """Back to Tumar's settings (WAL, synchronous=FULL) and everything on disk.

    Call after the load's COMMIT. The fsync goes through a descriptor of our own: on
    Linux it flushes every dirty page of the file, whichever descriptor wrote it."""
    if conn.in_transaction:
        raise RuntimeError("make_durable() must run after the load's commit")
    conn.execute("PRAGMA synchronous = FULL")
    _journal(conn, "WAL")
    conn.execute(f"PRAGMA cache_size = {-RECORDS_CACHE_KIB}")
    fd = os.open(db_path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_dir(Path(db_path).parent)
