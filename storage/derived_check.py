"""Derived data checked against the records it is derived from (for `tumar verify`).

The audit chain vouches for records, not for what is computed from them. A search
document rewritten with the key makes snippets show invented text while every record
still verifies; so the documents are rebuilt from the records here (the same builders
that write them, storage.fts) and compared. FTS5's own check of the indexes against the
documents is app.verify_damage.search_index_problem (on a connection of its own).

Why whole-table reads: looking each record up by id (the write path's way) cost three
queries per document, most of verify's time on a large archive. Here each record table is
read once, and the stored documents of each kind are read once in doc_id order beside it:
documents are written in the order their records were (ids are time-ordered, and a
rebuild writes in id order), so the stored row of the next expected document is almost
always the next row read, and the two are compared as they are. The few out of order are
met within a bounded look-ahead or fetched by id, so memory stays at that look-ahead
however long the texts are (no digest of every document kept; hashing both sides cost
more than the comparison itself).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import fts
from .connection import Connection
from .search_text import FoldCache

MAX_REPORTED = 20
#: stored rows read ahead of the expected document and kept for a later one, at most
LOOKAHEAD = 1000
_COLUMNS = ", ".join(f.name for f in fts.Doc.__dataclass_fields__.values())
StoredRow = tuple[Any, ...]


def same_values(stored: StoredRow, expected: tuple[Any, ...]) -> bool:
    """Column by column, value and type: '' differs from NULL, 1 from '1' and 1.0, and no
    two columns can trade characters (tuples compare position by position)."""
    return stored == expected and tuple(map(type, stored)) == tuple(map(type, expected))


class _StoredDocs:
    """The search_doc rows of one kind in doc_id order, handed out by record id.

    `compared`: record ids whose stored row was already compared (met by id): skipped when
    the scan reaches them. A row pushed out of the look-ahead is simply forgotten: if its
    record comes later it is fetched by id then, and a row no live record claims is found
    by SearchDocCheck.problems' pass over every record id."""

    def __init__(self, conn: Connection, kind: str, compared: set[str]) -> None:
        self._conn = conn
        cursor = conn.cursor()
        cursor.row_factory = None  # plain tuples, compared as they are
        self._rows = cursor.execute(
            f"SELECT {_COLUMNS} FROM search_doc WHERE kind = ? ORDER BY doc_id",  # noqa: S608
            (kind,),
        )
        self._ahead: dict[str, StoredRow] = {}  # insertion-ordered: oldest first
        self._compared = compared

    def close(self) -> None:
        """Free the scan's statement now: SQLite closes a connection only once its last
        statement is gone, and only the last connection to close removes the WAL."""
        self._rows.close()
        self._ahead.clear()

    def take(self, record_id: str) -> StoredRow | None:
        row = self._ahead.pop(record_id, None)
        if row is not None:
            return row
        for _ in range(LOOKAHEAD):
            row = next(self._rows, None)
            if row is None:
                break
            if row[1] == record_id:
                return row
            if row[1] in self._compared:
                continue
            self._ahead[row[1]] = row
            if len(self._ahead) > LOOKAHEAD:
                del self._ahead[next(iter(self._ahead))]
        cursor = self._conn.cursor()
        cursor.row_factory = None
        return cursor.execute(
            f"SELECT {_COLUMNS} FROM search_doc WHERE record_id = ?",  # noqa: S608
            (record_id,),
        ).fetchone()


class _Builder:
    """The document each live record should have, from rows fed in record-table order
    (person, case_file, event, testimony, note: fts.KIND_OF_TABLE's order), through the
    builders the write path uses. Names and which testimonies have translations are read
    up front; each translated testimony's texts by id (few have any)."""

    def __init__(self, conn: Connection, cache: FoldCache) -> None:
        self._conn = conn
        self.cache = cache
        self._names: dict[str, list[Any]] = {}
        for name in conn.execute(
            "SELECT person_id, name, folded, name_key FROM person_name WHERE deleted = 0"
            " ORDER BY person_id, hlc, id"
        ):
            self._names.setdefault(name["person_id"], []).append(name)
        self._translated = {
            r[0] for r in conn.execute("SELECT testimony_id FROM translation WHERE deleted = 0")
        }
        self._live_cases: set[str] = set()

    def build(self, table: str, row: fts.Row) -> fts.Doc | None:
        """None: a tombstone, an event of a deleted case, or a table without documents."""
        if table not in fts.KIND_OF_TABLE or row["deleted"]:
            return None
        if len(self.cache) > 200_000:
            self.cache.clear()
        if table == "testimony":
            record_id = row["id"]
            texts = (
                fts.translations_of(self._conn, record_id) if record_id in self._translated else []
            )
            return fts.testimony_doc(row, texts, self.cache)
        if table == "person":
            return fts.person_doc(row, self._names.get(row["id"], []), self.cache)
        if table == "case_file":
            self._live_cases.add(row["id"])
            return fts.case_doc(row, self.cache)
        if table == "event":
            return fts.event_doc(row, row["case_id"] in self._live_cases, self.cache)
        return fts.note_doc(row, self.cache)


def _live_rows(conn: Connection) -> Iterator[tuple[str, fts.Row]]:
    for table in fts.KIND_OF_TABLE:
        for row in conn.execute(f"SELECT * FROM {table} WHERE deleted = 0"):  # noqa: S608
            yield table, row


def _expected(conn: Connection, cache: FoldCache) -> Iterator[tuple[str, fts.Doc]]:
    """(record table, document) for every live record that has a document."""
    builder = _Builder(conn, cache)
    for table, row in _live_rows(conn):
        doc = builder.build(table, row)
        if doc is not None:
            yield table, doc


class SearchDocCheck:
    """Each record fed to `visit` (every row of the record tables, in table order) has
    its document rebuilt and compared with the stored one at once; `problems` then adds
    stored documents no live record claims. Everything it reads itself (search_doc, names,
    translations) goes through `conn`: verify feeds it the rows its audit walk reads anyway
    and gives it a connection of its own, so a damaged page met here spoils only that one
    (app.verify)."""

    def __init__(self, conn: Connection) -> None:
        self._builder = _Builder(conn, FoldCache())
        self._stored_conn = conn
        self._stored: dict[str, _StoredDocs] = {}
        self._live: set[str] = set()
        self._problems: list[str] = []

    def visit(self, table: str, row: fts.Row) -> None:
        doc = self._builder.build(table, row)
        if doc is None:
            return
        stored = self._stored.get(table)
        if stored is None:
            stored = self._stored[table] = _StoredDocs(
                self._stored_conn, fts.KIND_OF_TABLE[table], self._live
            )
        self._live.add(doc.record_id)
        found = stored.take(doc.record_id)
        if found is None:
            self._problems.append(f"{table} {doc.record_id} is missing from the search index")
        elif not same_values(found, doc.values()):
            self._problems.append(
                f"the search document of {table} {doc.record_id} differs from the record "
                "(search results and snippets would show other text); "
                "`tumar reindex` rebuilds the index from the records"
            )

    def close(self) -> None:
        """End the scans of the stored documents (the check's connection can then close)."""
        for stored in self._stored.values():
            stored.close()
        self._stored.clear()

    def problems(self) -> list[str]:
        self.close()
        self._builder.cache.clear()
        problems = self._problems
        # record ids only (the index on record_id holds doc_id too): in doc_id order
        extra = sorted(
            (doc_id, record_id)
            for doc_id, record_id in self._stored_conn.execute(
                "SELECT doc_id, record_id FROM search_doc"
            )
            if record_id not in self._live
        )
        for _, record_id in extra:
            problems.append(f"the search index has a document for {record_id}, no live record")
        if len(problems) > MAX_REPORTED:
            more = len(problems) - MAX_REPORTED
            problems = [*problems[:MAX_REPORTED], f"… and {more} more search-index problems"]
        return problems


def search_doc_problems(conn: Connection) -> list[str]:
    """The whole check on one connection, reading the record tables itself."""
    check = SearchDocCheck(conn)
    for table, row in _live_rows(conn):
        check.visit(table, row)
    return check.problems()
