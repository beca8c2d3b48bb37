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
from itertools import groupby
from operator import itemgetter
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
    by search_doc_problems' pass over every record id."""

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


def _expected(conn: Connection, cache: FoldCache) -> Iterator[tuple[str, fts.Doc]]:
    """(record table, document) for every live record that has a document."""
    names: dict[str, list[Any]] = {}
    for name in conn.execute(
        "SELECT person_id, name, folded, name_key FROM person_name WHERE deleted = 0"
        " ORDER BY person_id, hlc, id"
    ):
        names.setdefault(name["person_id"], []).append(name)
    for row in conn.execute("SELECT * FROM person WHERE deleted = 0"):
        yield "person", fts.person_doc(row, names.get(row["id"], []), cache)
    names.clear()
    live_cases: set[str] = set()
    for row in conn.execute("SELECT * FROM case_file WHERE deleted = 0"):
        live_cases.add(row["id"])
        yield "case_file", fts.case_doc(row, cache)
    for row in conn.execute("SELECT * FROM event WHERE deleted = 0"):
        doc = fts.event_doc(row, row["case_id"] in live_cases, cache)
        if doc is not None:
            yield "event", doc
    translated = {
        r[0] for r in conn.execute("SELECT testimony_id FROM translation WHERE deleted = 0")
    }
    for row in conn.execute("SELECT * FROM testimony WHERE deleted = 0"):
        texts = fts.translations_of(conn, row["id"]) if row["id"] in translated else []
        yield "testimony", fts.testimony_doc(row, texts, cache)
    for row in conn.execute("SELECT * FROM note WHERE deleted = 0"):
        yield "note", fts.note_doc(row, cache)


def search_doc_problems(conn: Connection) -> list[str]:
    problems: list[str] = []
    cache: FoldCache = {}
    live: set[str] = set()
    for table, docs in groupby(_expected(conn, cache), key=itemgetter(0)):
        stored = _StoredDocs(conn, fts.KIND_OF_TABLE[table], live)
        for _, doc in docs:
            live.add(doc.record_id)
            row = stored.take(doc.record_id)
            if row is None:
                problems.append(f"{table} {doc.record_id} is missing from the search index")
            elif not same_values(row, doc.values()):
                problems.append(
                    f"the search document of {table} {doc.record_id} differs from the record "
                    "(search results and snippets would show other text); "
                    "`tumar reindex` rebuilds the index from the records"
                )
            if len(cache) > 200_000:
                cache.clear()
    # record ids only (the index on record_id holds doc_id too): reported in doc_id order
    extra = sorted(
        (doc_id, record_id)
        for doc_id, record_id in conn.execute("SELECT doc_id, record_id FROM search_doc")
        if record_id not in live
    )
    for _, record_id in extra:
        problems.append(f"the search index has a document for {record_id}, no live record")
    if len(problems) > MAX_REPORTED:
        more = len(problems) - MAX_REPORTED
        problems = [*problems[:MAX_REPORTED], f"… and {more} more search-index problems"]
    return problems
