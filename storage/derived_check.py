"""Derived data checked against the records it is derived from (for `tumar verify`).

The audit chain vouches for records, not for what is computed from them. A search
document rewritten with the key makes snippets show invented text while every record
still verifies; so the documents are rebuilt from the records here (the same code that
writes them, storage.fts.build_doc) and compared, and the FTS indexes are checked
against the documents.
"""

from __future__ import annotations

from dataclasses import asdict

from . import fts
from .connection import Connection, DatabaseError
from .search_text import FoldCache

MAX_REPORTED = 20


def search_doc_problems(conn: Connection, *, read_only: bool = False) -> list[str]:
    """`read_only`: FTS5 runs its own integrity check as a write, which a read-only archive
    refuses; the documents are still rebuilt and compared."""
    problems: list[str] = []
    cache: FoldCache = {}
    live: set[str] = set()
    for kind in fts.KINDS:
        table = fts.TABLE_OF_KIND[kind]
        ids = [r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE deleted = 0")]
        for record_id in ids:
            expected = fts.build_doc(conn, kind, record_id, cache)
            stored = conn.execute(
                "SELECT * FROM search_doc WHERE record_id = ?", (record_id,)
            ).fetchone()
            if expected is None:
                continue
            live.add(record_id)
            if stored is None:
                problems.append(f"{table} {record_id} is missing from the search index")
            elif any(stored[c] != v for c, v in asdict(expected).items()):
                problems.append(
                    f"the search document of {table} {record_id} differs from the record "
                    "(search results and snippets would show other text); "
                    "`tumar reindex` rebuilds the index from the records"
                )
        if len(cache) > 200_000:
            cache.clear()
    for (record_id,) in conn.execute("SELECT record_id FROM search_doc"):
        if record_id not in live:
            problems.append(f"the search index has a document for {record_id}, no live record")
    try:
        if not read_only:
            fts.check(conn)
    except DatabaseError as exc:
        problems.append(f"the full-text index disagrees with the search documents ({exc})")
    if len(problems) > MAX_REPORTED:
        more = len(problems) - MAX_REPORTED
        problems = [*problems[:MAX_REPORTED], f"… and {more} more search-index problems"]
    return problems
