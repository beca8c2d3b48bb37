"""Building every search document of a freshly loaded archive (restore), on two cores.

fts.rebuild looks each record up by id and runs FTS5's 'rebuild' after all documents are
written, so the Python half (reading records, folding words) and the C half (FTS5
tokenising, SQLCipher encrypting) take turns on one core. Here each table is read once in
id order (like storage/derived_check.py), a chunk at a time as JSON, and documents are
built in the restore's helper process (storage/restore_helper.py) while this thread, which
owns the connection, writes the chunks before it and feeds them to both FTS5 indexes with
INSERT … SELECT: the Python half and the indexing run on two cores.

FTS5 writes a new segment at the end of every statement that fed it and merges them all
at 'optimize'; documents are therefore fed in spans of FTS_SPAN, with a term buffer
(`hashsize`) large enough to hold one span: 14.8 instead of 17.2 CPU-s for both indexes
at 100k testimonies. (Building the indexes on a second connection on the other core and
copying them in was tried in session 6: the same wall time, 10–15 CPU-s more; the
trigram index alone, in session 8: no gain on two cores, both already busy.)

The result equals fts.rebuild's exactly: the same builders (storage/fts.py), documents in
the same order (kinds by name, records by id), so the same doc_ids, and both indexes
optimised at the end (tests/app/sync/test_restore_search.py compares them). FTS5's
automatic merging is off while loading: 'optimize' merges everything once at the end, and
merging as the index grew cost 3.7 of 19 CPU seconds at 100k testimonies (the trigram
index's long doclists most).
The helper never touches the database; only JSON texts cross over, as UTF-8 bytes
(storage/bulk_fresh.py says why).
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from . import fts, json_rows
from .connection import Connection
from .fts import Progress
from .search_text import FoldCache

if TYPE_CHECKING:
    from .restore_helper import RestoreHelper

_INDEXES = ("search_words", "search_grams")
CHUNK = 1000  # records per hand-over: small enough to keep texts in memory briefly
FTS_SPAN = 10_000  # documents per statement feeding FTS5 (one segment each)
_AHEAD = FTS_SPAN // CHUNK + 1  # chunks the helper may build ahead of the writes
#: FTS5's in-memory term buffer per index while loading (default 1 MiB)
_HASH_BYTES = 64 * 1024 * 1024
#: FTS5 settings only while loading, back to a new archive's (no row) at the end
_LOADING = (("automerge", 0), ("crisismerge", 2000), ("hashsize", _HASH_BYTES))
#: one chunk's documents from the JSON array _build made, numbered from a first doc_id on
_INSERT = (
    f"INSERT INTO search_doc (doc_id, {', '.join(fts.DOC_COLUMNS)})"
    f" SELECT ? + key, {', '.join(f'value->>{i}' for i in range(len(fts.DOC_COLUMNS)))}"
    f" FROM {json_rows.SOURCE}"
)


def _chunks(conn: Connection, table: str) -> Iterator[tuple[int, str, str, bytes]]:
    """The live rows of `table` in id order, CHUNK at a time: (count, id before the first,
    last id, the rows as one JSON array of objects). SQLite makes the JSON in one step per
    chunk, so this thread gives the GIL back once a chunk instead of once a row (the
    helper, busy with Python meanwhile, made each of those waits long when it was a thread:
    7.8 s at 100k testimonies); the helper decodes it. No search document reads a REAL or a BLOB."""
    names = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    fields = ", ".join(f"'{name}', {name}" for name in names)
    sql = (
        f"SELECT CAST(json_group_array(json_object({fields}) ORDER BY id) AS BLOB), max(id),"
        " count(*)"
        f" FROM (SELECT * FROM {table} WHERE deleted = 0 AND id > ? ORDER BY id LIMIT {CHUNK})"
    )
    after = ""
    while True:
        rows_json, last, count = conn.execute(sql, (after,)).fetchone()
        if not count:
            return
        yield count, after, last, rows_json
        after = last


def _owned(
    conn: Connection, table: str, owner: str, value: str, after: str, last: str
) -> bytes | None:
    """The live rows of `table` owned by a chunk's records (ids in (after, last]) as one
    JSON array of [owner id, `value`], in (owner, hlc, id) order: the order fts.person_doc
    takes names in and fts.translations_of gives translations."""
    return conn.execute(
        f"SELECT CAST(json_group_array(json_array({owner}, {value}) ORDER BY {owner}, hlc, id)"
        " AS BLOB)"
        f" FROM {table} WHERE deleted = 0 AND {owner} > ? AND {owner} <= ?",
        (after, last),
    ).fetchone()[0]


def _by_owner(owned_json: bytes | None) -> dict[str, list[Any]]:
    """_owned's rows, on the helper's side: owner id -> its values, in order."""
    grouped: dict[str, list[Any]] = {}
    for owner, value in json.loads(owned_json) if owned_json else ():
        grouped.setdefault(owner, []).append(value)
    return grouped


def _sources(conn: Connection) -> Iterator[tuple[str, int, bytes, Any]]:
    """(kind, rows, rows as JSON, what the builder needs besides the rows), kinds in name
    order. What a chunk needs of other tables comes as JSON too, one query per chunk."""
    live_cases = frozenset(r[0] for r in conn.execute("SELECT id FROM case_file WHERE deleted = 0"))
    translated = conn.execute("SELECT 1 FROM translation WHERE deleted = 0 LIMIT 1").fetchone()
    for kind in sorted(fts.KINDS):
        for count, after, last, rows_json in _chunks(conn, fts.TABLE_OF_KIND[kind]):
            extra: Any = None
            if kind == "person":
                names = "json_object('name', name, 'folded', folded, 'name_key', name_key)"
                extra = _owned(conn, "person_name", "person_id", names, after, last)
            elif kind == "testimony" and translated:
                extra = _owned(conn, "translation", "testimony_id", "text", after, last)
            elif kind == "event":
                extra = live_cases
            yield kind, count, rows_json, extra


def build(kind: str, rows_json: bytes, extra: Any, cache: FoldCache) -> tuple[int, bytes]:
    """In the helper process (storage/restore_helper.py): how many documents one chunk has
    and their column values as a JSON array of arrays (written by one statement:
    bulk_fresh says why); no database access."""
    rows = json.loads(rows_json)
    docs: list[fts.Doc | None]
    if kind == "person":
        names = _by_owner(extra)
        docs = [fts.person_doc(r, names.get(r["id"], []), cache) for r in rows]
    elif kind == "testimony":
        translations = _by_owner(extra)
        docs = [fts.testimony_doc(r, translations.get(r["id"], []), cache) for r in rows]
    elif kind == "event":
        docs = [fts.event_doc(r, r["case_id"] in extra, cache) for r in rows]
    elif kind == "case":
        docs = [fts.case_doc(r, cache) for r in rows]
    else:
        docs = [fts.note_doc(r, cache) for r in rows]
    values = [doc.values() for doc in docs if doc is not None]
    return len(values), json_rows.encode(values)  # texts and integers


def build_all(
    conn: Connection,
    helper: RestoreHelper,
    progress: Progress | None = None,
    total: int = 0,
    check: Callable[[], None] | None = None,
) -> int:
    """Write the documents of every live record and index them; the index must be empty.
    Runs in the caller's transaction. Returns the number of documents.
    `progress` gets (records read, `total`, text) per chunk: at 100k testimonies this is
    half a minute a person should see moving; `check` may raise to cancel it."""
    if conn.execute("SELECT 1 FROM search_doc LIMIT 1").fetchone() is not None:
        raise RuntimeError("build_all() needs an empty search index")
    next_id = indexed = 1  # next doc_id to write, first doc_id not yet in FTS5
    for table in _INDEXES:  # merged once by 'optimize' at the end, not as they grow
        for key, value in _LOADING:
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES (?, ?)", (key, value))

    def write(built: tuple[int, bytes]) -> None:
        nonlocal next_id
        count, values_json = built
        if not count:
            return
        conn.execute(_INSERT, (next_id, values_json))
        next_id += count
        if next_id - indexed >= FTS_SPAN:
            index()

    def index() -> None:
        """Feed the documents written since the last call to both FTS5 indexes."""
        nonlocal indexed
        if indexed == next_id:
            return
        span, indexed = (indexed, next_id), next_id
        conn.execute(
            "INSERT INTO search_words(rowid, title, body, keys, nkeys) SELECT doc_id, title,"
            " body, keys, nkeys FROM search_doc WHERE doc_id >= ? AND doc_id < ?",
            span,
        )
        conn.execute(
            "INSERT INTO search_grams(rowid, cjk) SELECT doc_id, cjk FROM search_doc"
            " WHERE doc_id >= ? AND doc_id < ? AND cjk <> ''",
            span,
        )

    done = 0
    # the helper runs up to a span ahead, so it keeps building while FTS5 indexes one
    pending: deque[Future[tuple[int, bytes]]] = deque()
    try:
        for kind, count, rows_json, extra in _sources(conn):
            if check is not None:
                check()
            pending.append(helper.build(kind, rows_json, extra))
            if len(pending) > _AHEAD:
                write(helper.result(pending.popleft()))
            done += count
            if progress is not None:
                progress(min(done, total), total, "Indexing for search")
        while pending:
            write(helper.result(pending.popleft()))
        index()
    finally:
        for future in pending:
            future.cancel()
    for table in _INDEXES:
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        # FTS5's defaults again, for this connection (the calls) and in the file (no rows),
        # so the stored configuration is a newly created archive's
        for key, value in (("automerge", 4), ("crisismerge", 16), ("hashsize", 1024 * 1024)):
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES (?, ?)", (key, value))
        keys = ", ".join(f"'{key}'" for key, _ in _LOADING)
        conn.execute(f"DELETE FROM {table}_config WHERE k IN ({keys})")
    return next_id - 1
