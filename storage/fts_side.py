"""A restore's two full-text indexes, built by a second connection on the other core.

Why: SQLite runs a statement on the calling thread and allows one writer per file, so in
one connection FTS5's tokenising (≈ 18 CPU-s at 100k testimonies) waited behind writing
`search_doc`, and the restore's second core idled. Here the indexes are built in a side
database in the new archive's folder, by its own connection on its own thread, from the
same documents with the same doc_ids, while the restore's connection writes search_doc.

Nothing readable is left on disk: the side database is SQLCipher with a key made for it
and never stored; it lives in a folder that is not an archive yet (no header) and is
deleted after use or with the folder when the restore fails.

Installing copies the side's shadow tables (%_data, %_idx, %_docsize) over archive.db's
empty ones. The side tables are made by the very statements that made archive.db's
(migrations/m0003_search), so the copied index is the one FTS5 would have written there
(tests/app/sync/test_restore_search.py compares it with fts.rebuild's, entry for entry).
The copy runs on a third connection after the restore's transaction committed: FTS5 keeps
an index's structure cached per connection and reloads it when another connection has
changed the file (PRAGMA data_version). Copying through the restore's own connection,
which has used the index, would leave it a stale structure that its next write saves over
the copied index.
"""

from __future__ import annotations

import queue
import secrets
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .connection import Connection, key_pragma, open_database
from .handover import put_until
from .migrations import m0003_search

SIDE_DB = "search-build.db"
_INDEXES = ("search_words", "search_grams")
_SHADOWS = ("data", "idx", "docsize")
_CACHE_KIB = 64 * 1024
#: FTS5's in-memory term buffer per index before it writes a segment (default 1 MiB):
#: fewer, larger segments to merge at the end (≈ 20 % less CPU at 100k testimonies)
_HASH_BYTES = 64 * 1024 * 1024
_STOP = None
_LOADING = "('automerge', 'crisismerge', 'hashsize')"  # settings only while building


class SideIndex:
    """Feed it (doc_id, title, body, keys, nkeys, cjk) rows in doc_id order, then
    finish() and, once the restore's transaction has committed, install()."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / SIDE_DB
        self._key = secrets.token_bytes(32)
        self._queue: queue.Queue[Sequence[tuple[Any, ...]] | None] = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._done = False
        self._cancelled = False
        self._thread = threading.Thread(target=self._run, name="tumar-search-index", daemon=True)
        self._thread.start()

    def feed(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self._raise()
        self._put(rows)

    def finish(self) -> None:
        """Wait until both indexes are built, optimised and committed in the side file."""
        if not self._done:
            self._done = True
            self._put(_STOP)
            self._thread.join()
        self._raise()

    def install(self, archive_db: Path, db_key: bytes) -> None:
        """Copy the built indexes into archive.db (whose index must still be empty)."""
        self.finish()
        conn = open_database(
            archive_db, db_key, create=False, cache_kib=_CACHE_KIB, journal_mode="DELETE"
        )
        try:
            conn.execute("PRAGMA synchronous = OFF")  # restore.make_durable fsyncs it all
            attach = f"ATTACH DATABASE ? AS side KEY {key_pragma(self._key)}"
            conn.execute(attach, (str(self.path),))
            conn.execute("BEGIN IMMEDIATE")
            for table in _INDEXES:
                _same_config(conn, table)
                if conn.execute(f"SELECT 1 FROM main.{table}_docsize LIMIT 1").fetchone():
                    raise RuntimeError("install() needs an empty search index")
                for shadow in _SHADOWS:
                    name = f"{table}_{shadow}"
                    conn.execute(f"DELETE FROM main.{name}")
                    conn.execute(f"INSERT INTO main.{name} SELECT * FROM side.{name}")
            conn.execute("COMMIT")
            conn.execute("DETACH DATABASE side")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.close()
        self.discard()

    def discard(self) -> None:
        """Stop the builder if it still runs (a failed restore) and delete the side file."""
        if not self._done:
            self._done = self._cancelled = True
            self._put(_STOP)
            self._thread.join()
        for suffix in ("", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _put(self, item: Sequence[tuple[Any, ...]] | None) -> None:
        """Blocks while the builder is behind; returns at once when it has stopped (its
        error is raised by the next feed() or by finish())."""
        put_until(self._queue, item, lambda: not self._thread.is_alive(), poll=0.5)

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        try:
            conn = _open_side(self.path, self._key)
        except BaseException as exc:  # reported by the next feed() or finish()
            self._error = exc
            return
        try:
            self._build(conn)
        except BaseException as exc:
            self._error = exc
        finally:
            conn.close()

    def _build(self, conn: Connection) -> None:
        conn.execute("BEGIN")
        while (rows := self._queue.get()) is not _STOP:
            if self._cancelled:
                continue
            conn.executemany(
                "INSERT INTO search_words(rowid, title, body, keys, nkeys) VALUES (?, ?, ?, ?, ?)",
                [row[:5] for row in rows],
            )
            conn.executemany(
                "INSERT INTO search_grams(rowid, cjk) VALUES (?, ?)",
                [(row[0], row[5]) for row in rows if row[5]],
            )
        if self._cancelled:
            return
        for table in _INDEXES:
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            # back to a new archive's configuration, so install() finds them equal
            conn.execute(f"DELETE FROM {table}_config WHERE k IN {_LOADING}")
        conn.execute("COMMIT")


def _open_side(path: Path, key: bytes) -> Connection:
    conn = open_database(path, key, create=True, cache_kib=_CACHE_KIB, journal_mode="DELETE")
    # a scratch file under a forgotten key: no journal, no fsync, no zeroing of freed pages
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA secure_delete = OFF")
    for statement in m0003_search.STATEMENTS:
        conn.execute(statement)
    for table in _INDEXES:
        # merged once by 'optimize' at the end instead of while they grow
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 0)")
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('crisismerge', 2000)")
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {_HASH_BYTES})")
    return conn


def _same_config(conn: Connection, table: str) -> None:
    """The copied index is only valid under the same FTS5 configuration."""
    mine = sorted(tuple(r) for r in conn.execute(f"SELECT k, v FROM main.{table}_config"))
    side = sorted(tuple(r) for r in conn.execute(f"SELECT k, v FROM side.{table}_config"))
    if mine != side:
        raise RuntimeError(f"{table}: the side index was built with another configuration")
