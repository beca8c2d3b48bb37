"""Refreshing many search documents in one go: what a merge of a large bundle needs.

storage/fts.py keeps one document in step per write; a bundle brings thousands of new
records in one transaction, and three statements per new document (search_doc, the word
index, the CJK index) were most of a merge's time. Documents new to the index are
inserted in batches and indexed with one INSERT … SELECT per index instead.
"""

from __future__ import annotations

import json

from .connection import Connection
from .fts import DOC_COLUMNS, build_doc, refresh
from .search_text import FoldCache


def refresh_many(
    conn: Connection, keys: list[tuple[str, str]], cache: FoldCache | None = None
) -> None:
    """fts.refresh() for many (kind, record_id), in the caller's transaction. Records
    that already have a document are refreshed one by one (old entries must be removed
    with their exact old values); new documents are batched."""
    cache = FoldCache() if cache is None else cache
    wanted = list(dict.fromkeys(keys))
    have: set[str] = set()
    ids = [record_id for _, record_id in wanted]
    for start in range(0, len(ids), 5000):
        have.update(
            r[0]
            for r in conn.execute(
                "SELECT record_id FROM search_doc"
                " WHERE record_id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids[start : start + 5000]),),
            )
        )
    fresh = []
    for kind, record_id in wanted:
        if record_id in have:
            refresh(conn, kind, record_id, cache)
        else:
            doc = build_doc(conn, kind, record_id, cache)
            if doc is not None:
                fresh.append(doc.values())
    if not fresh:
        return
    last = conn.execute("SELECT coalesce(max(doc_id), 0) FROM search_doc").fetchone()[0]
    placeholders = ", ".join("?" for _ in DOC_COLUMNS)
    conn.executemany(
        f"INSERT INTO search_doc ({', '.join(DOC_COLUMNS)}) VALUES ({placeholders})", fresh
    )
    conn.execute(
        "INSERT INTO search_words(rowid, title, body, keys, nkeys)"
        " SELECT doc_id, title, body, keys, nkeys FROM search_doc WHERE doc_id > ?",
        (last,),
    )
    conn.execute(
        "INSERT INTO search_grams(rowid, cjk)"
        " SELECT doc_id, cjk FROM search_doc WHERE doc_id > ? AND cjk <> ''",
        (last,),
    )
