"""Derived data checked against the records it is derived from (for `tumar verify`).

The audit chain vouches for records, not for what is computed from them. A search
document rewritten with the key makes snippets show invented text while every record
still verifies; so the documents are rebuilt from the records here (the same builders
that write them, storage.fts) and compared. FTS5's own check of the indexes against the
documents is app.verify_damage.search_index_problem (on a connection of its own).

Why whole-table reads: looking each record up by id (the write path's way) cost three
queries per document, most of verify's time on a large archive. Here each table is read
once, and each stored document is reduced to a digest, so memory stays at one digest per
document however long the texts are.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from . import fts
from .connection import Connection
from .search_text import FoldCache

MAX_REPORTED = 20
_COLUMNS = ", ".join(f.name for f in fts.Doc.__dataclass_fields__.values())


def _digest(values: Iterable[Any]) -> bytes:
    """Each value typed and length-prefixed, so '' differs from None, 1 from '1' and no two
    columns can trade characters (as when the columns were compared one by one)."""
    digest = hashlib.blake2b()
    for value in values:
        if isinstance(value, str):
            data = value.encode("utf-8", "surrogatepass")
            digest.update(b"s%d:" % len(data))
        else:
            data = repr(value).encode("ascii", "backslashreplace")
            digest.update(b"%s%d:" % (type(value).__name__.encode("ascii"), len(data)))
        digest.update(data)
    return digest.digest()


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
    stored = {row[1]: _digest(row) for row in conn.execute(f"SELECT {_COLUMNS} FROM search_doc")}
    cache: FoldCache = {}
    live: set[str] = set()
    for table, doc in _expected(conn, cache):
        live.add(doc.record_id)
        held = stored.get(doc.record_id)
        if held is None:
            problems.append(f"{table} {doc.record_id} is missing from the search index")
        elif held != _digest(vars(doc).values()):  # Doc's fields in column order
            problems.append(
                f"the search document of {table} {doc.record_id} differs from the record "
                "(search results and snippets would show other text); "
                "`tumar reindex` rebuilds the index from the records"
            )
        if len(cache) > 200_000:
            cache.clear()
    for record_id in stored:
        if record_id not in live:
            problems.append(f"the search index has a document for {record_id}, no live record")
    if len(problems) > MAX_REPORTED:
        more = len(problems) - MAX_REPORTED
        problems = [*problems[:MAX_REPORTED], f"… and {more} more search-index problems"]
    return problems
