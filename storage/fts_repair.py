"""Switching the search index off when it is damaged, and rebuilding it from nothing.

The index is derived data: damage there must not stop anyone from saving a record. But
SQLCipher refuses every further statement on a connection that met a page failing its
HMAC (sqlcipher/sqlcipher#617), so a write whose index update hits a damaged page cannot
simply skip that step: the write is lost with its connection. What happens instead:
the Repository raises SearchIndexDamaged, the Archive reconnects and records
`search_stale` in meta, and from then on writes leave the index alone (the CLI repeats
the command once, which now succeeds) and search asks for `tumar reindex`.

`rebuild_from_scratch` drops and recreates every search table. When the index's own
pages are damaged, DROP TABLE cannot free them (it must read them), so their schema
entries are removed directly. Either way damaged pages may be left in the file, unused
(DROP frees a damaged page without reading it): the file is then rewritten without them
(storage.archive_files.rewrite_database; VACUUM cannot, it reads every old page).
"""

from __future__ import annotations

from collections.abc import Callable

from . import fts
from .connection import Connection, DatabaseError, is_damage, transaction
from .errors import DatabaseDamaged
from .migrations import m0003_search
from .readable import Reader, count_readable
from .records import BY_TABLE

STALE_KEY = "search_stale"
#: everything m0003 creates: tables, FTS5 shadow tables, the view and the indexes
_SEARCH_OBJECTS = "name LIKE 'search\\_%' ESCAPE '\\' OR tbl_name LIKE 'search\\_%' ESCAPE '\\'"


def is_stale(conn: Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (STALE_KEY,)).fetchone()
    return row is not None and row[0] == "1"


def mark_stale(conn: Connection) -> None:
    with transaction(conn):
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, '1') "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (STALE_KEY,),
        )


def _drop(conn: Connection) -> None:
    for name in ("search_grams_vocab", "search_grams", "search_words"):
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.execute("DROP VIEW IF EXISTS search_cjk")
    conn.execute("DROP TABLE IF EXISTS search_doc")


def _create_and_fill(conn: Connection, progress: fts.Progress | None) -> int:
    for statement in m0003_search.STATEMENTS:
        conn.execute(statement)
    conn.execute("DELETE FROM meta WHERE key = ?", (STALE_KEY,))
    return fts.rebuild(conn, progress)


def _forget_damaged(conn: Connection) -> None:
    """Remove the search objects from the schema without reading their pages."""
    conn.execute("PRAGMA writable_schema = ON")
    try:
        with transaction(conn):
            conn.execute(f"DELETE FROM sqlite_master WHERE {_SEARCH_OBJECTS}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


def _require_readable_records(reconnect: Callable[[], Connection]) -> None:
    """The damage must be in the index alone: rebuilding needs every record readable."""
    reader = Reader(reconnect)
    for table in BY_TABLE:
        scan = count_readable(reader, table)
        if not scan.complete:
            raise DatabaseDamaged(
                f"The search index cannot be rebuilt: archive.db {scan.describe()}. Run "
                "`tumar verify` and restore from a backup, or copy what is readable with "
                "`tumar salvage`"
            )


def rebuild_from_scratch(
    conn: Connection,
    reconnect: Callable[[], Connection],
    rewrite: Callable[[], Connection],
    progress: fts.Progress | None = None,
) -> int:
    """Drop and recreate the search tables, index every record, clear the stale mark.

    Normally one transaction (a cancel keeps the old index). After damage, `reconnect()`
    gives a fresh connection (the old one is poisoned) and the search objects are
    forgotten; the stale mark stays until the new index is committed. Damaged pages left
    unused by either path are then dropped by `rewrite()` (archive_files.rewrite_database).
    Returns the number of documents indexed.
    """
    damaged = False
    try:
        with transaction(conn):
            _drop(conn)
            count = _create_and_fill(conn, progress)
    except DatabaseError as exc:
        if not is_damage(exc):
            raise
        damaged = True
    if damaged:
        _require_readable_records(reconnect)
        conn = reconnect()
        mark_stale(conn)
        _forget_damaged(conn)
        conn = reconnect()  # reload the schema without the forgotten objects
        with transaction(conn):
            count = _create_and_fill(conn, progress)
    if damaged or _has_damaged_pages(conn):
        rewrite()
    return count


def _has_damaged_pages(conn: Connection) -> bool:
    """A page failing its authentication, e.g. one a plain DROP freed without reading."""
    return bool(conn.execute("PRAGMA cipher_integrity_check").fetchall())
