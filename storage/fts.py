"""Full-text index maintenance, called by the Repository inside every write's transaction.

Why it is done here and not by triggers: a search document is built from several rows and
from derived text (folded spellings, name keys, CJK runs) that SQL cannot compute. Doing it
in the write's own transaction means a record and its index entry land together or not at
all, so search never shows a deleted record or misses a committed one.

One document per searchable record (see migrations/m0003_search.py for the table layout):

* person    — title: display name; body: every name (all scripts) and the notes;
              keys: folded names; nkeys: coarse name keys ("tlk tbrk") for cross-spelling
              name search. Rebuilt when any of the person's names is written.
* case      — title; body: summary, court, jurisdiction.
* event     — title: kind; body: place and description; dated by the event. Gone with
              its case: deleting a case takes its timeline out of search.
* testimony — body: the text followed by every translation (a translation has no document
              of its own: a hit in a translation is a hit on its testimony); dated by the
              recording date; carries the consent-withdrawn flag.
* note      — body: the text; dated by its creation day.

A tombstoned record (or one whose parent is gone) has no document.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import edtf_dates
from .connection import Connection, transaction
from .errors import InvalidInput
from .search_text import FoldCache, cjk_text, folded_words, unique

#: record table -> document kind
KIND_OF_TABLE = {
    "person": "person",
    "case_file": "case",
    "event": "event",
    "testimony": "testimony",
    "note": "note",
}
TABLE_OF_KIND = {kind: table for table, kind in KIND_OF_TABLE.items()}
KINDS = tuple(TABLE_OF_KIND)
#: child table -> (column naming the parent, parent's kind)
_CHILD = {"person_name": ("person_id", "person"), "translation": ("testimony_id", "testimony")}

Progress = Callable[[int, int, str], None]
#: a record row: a dict, or a database row read by column name
Row = Mapping[str, Any]


@dataclass
class Doc:
    """One row of search_doc (without doc_id), in column order."""

    kind: str
    record_id: str
    title: str = ""
    body: str = ""
    keys: str = ""
    nkeys: str = ""
    cjk: str = ""
    date: str | None = None
    date_lower: str | None = None
    date_upper: str | None = None
    withdrawn: int = 0

    def values(self) -> tuple[Any, ...]:
        """Column values in _DOC_COLUMNS order (dataclasses.astuple deep-copies: slow)."""
        return (
            self.kind, self.record_id, self.title, self.body, self.keys, self.nkeys, self.cjk,
            self.date, self.date_lower, self.date_upper, self.withdrawn,
        )  # fmt: skip

    def as_map(self) -> dict[str, Any]:
        """Column name -> value (dataclasses.asdict deep-copies every field: slow)."""
        return dict(zip(_DOC_COLUMNS, self.values(), strict=True))


_DOC_COLUMNS = (
    "kind", "record_id", "title", "body", "keys", "nkeys", "cjk", "date", "date_lower",
    "date_upper", "withdrawn",
)  # fmt: skip
_WORD_COLUMNS = ("title", "body", "keys", "nkeys")
DOC_COLUMNS = _DOC_COLUMNS  # for storage/fts_batch.py


def _row(conn: Connection, table: str, record_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        f"SELECT * FROM {table} WHERE id = ? AND deleted = 0", (record_id,)
    ).fetchone()
    return dict(row) if row is not None else None


_PLAIN_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _plain_bounds(value: str) -> tuple[str, str | None, str | None] | None:
    """Bounds of a plain YYYY, YYYY-MM or YYYY-MM-DD without the EDTF parser, which costs
    ~10 ms a call — too slow for rebuilding 100k documents. None: not plain, or invalid."""
    m = _PLAIN_DATE.fullmatch(value)
    if m is None:
        return None
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if m[3]:
            lower = upper = dt.date(year, month, day)
        elif m[2]:
            lower = dt.date(year, month, 1)
            upper = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            lower, upper = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return value, lower.isoformat(), upper.isoformat()


def _bounds(value: str | None) -> tuple[str | None, str | None, str | None]:
    """EDTF text and its day bounds; a value that no longer parses is shown, not filtered."""
    if not value:
        return None, None, None
    plain = _plain_bounds(value)
    if plain is not None:
        return plain
    try:
        return edtf_dates.parse(value)
    except InvalidInput:
        return value, None, None


def _lines(*parts: str | None) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _names(conn: Connection, person_id: str) -> list[Any]:
    return conn.execute(
        "SELECT name, folded, name_key FROM person_name WHERE person_id = ? AND deleted = 0"
        " ORDER BY hlc, id",
        (person_id,),
    ).fetchall()


def person_doc(row: Row, names: list[Any], cache: FoldCache) -> Doc:
    """`names`: the person's live name rows (name, folded, name_key) in (hlc, id) order."""
    spelled = unique([row["display_name"], *(n["name"] for n in names)])
    folds = unique(t for n in names for t in n["folded"].split())
    keys = unique(t for n in names for t in n["name_key"].split())
    note_folds = folded_words([row["notes"]], cache).split()
    return Doc(
        "person",
        row["id"],
        title=row["display_name"],
        body=_lines("\n".join(spelled), row["notes"]),
        keys=" ".join(unique([*folds, *note_folds])),
        nkeys=" ".join(keys),
        cjk=cjk_text(*spelled, row["notes"]),
    )


def case_doc(row: Row, cache: FoldCache) -> Doc:
    body = _lines(row["summary"], row["court"], row["jurisdiction"])
    return Doc(
        "case",
        row["id"],
        title=row["title"],
        body=body,
        keys=folded_words([row["title"], body], cache),
        cjk=cjk_text(row["title"], body),
    )


def event_doc(row: Row, case_live: bool, cache: FoldCache) -> Doc | None:
    """None when the event's case is deleted: an event exists only on a case's timeline."""
    if not case_live:
        return None
    title = row["kind"].replace("_", " ")
    body = _lines(row["place"], row["description"])
    return Doc(
        "event",
        row["id"],
        title=title,
        body=body,
        keys=folded_words([body], cache),
        cjk=cjk_text(body),
        date=row["date"],
        date_lower=row["date_lower"],
        date_upper=row["date_upper"],
    )


def translations_of(conn: Connection, testimony_id: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT text FROM translation WHERE testimony_id = ? AND deleted = 0 ORDER BY hlc, id",
            (testimony_id,),
        )
    ]


def testimony_doc(row: Row, translations: list[str], cache: FoldCache) -> Doc:
    """`translations`: the texts of its live translations in (hlc, id) order."""
    body = "\n\n".join(t.strip() for t in (row["text"], *translations) if t and t.strip())
    date, lower, upper = _bounds(row["recorded_at"])
    return Doc(
        "testimony",
        row["id"],
        body=body,
        keys=folded_words([body, row["recorded_where"]], cache),
        cjk=cjk_text(body),
        date=date,
        date_lower=lower,
        date_upper=upper,
        withdrawn=int(bool(row["consent_withdrawn"])),
    )


def note_doc(row: Row, cache: FoldCache) -> Doc:
    day = (row["created_at"] or "")[:10] or None
    return Doc(
        "note",
        row["id"],
        body=row["text"],
        keys=folded_words([row["text"]], cache),
        cjk=cjk_text(row["text"]),
        date=day,
        date_lower=day,
        date_upper=day,
    )


def build_doc(
    conn: Connection, kind: str, record_id: str, cache: FoldCache | None = None
) -> Doc | None:
    """The document a live record should have, or None (deleted, missing, not indexed).
    (storage.derived_check feeds the same builders from whole-table reads.)"""
    row = _row(conn, TABLE_OF_KIND[kind], record_id)
    if row is None:
        return None
    cache = FoldCache() if cache is None else cache
    if kind == "person":
        return person_doc(row, _names(conn, record_id), cache)
    if kind == "testimony":
        return testimony_doc(row, translations_of(conn, record_id), cache)
    if kind == "event":
        return event_doc(row, _row(conn, "case_file", row["case_id"]) is not None, cache)
    return case_doc(row, cache) if kind == "case" else note_doc(row, cache)


# ---- keeping the index in step -------------------------------------------------------


def _index(conn: Connection, doc_id: int, values: dict[str, Any], delete: bool) -> None:
    """Add (or with delete=True remove, given the exact stored values) one entry."""
    words = [values[c] for c in _WORD_COLUMNS]
    if delete:
        conn.execute(
            "INSERT INTO search_words(search_words, rowid, title, body, keys, nkeys)"
            " VALUES ('delete', ?, ?, ?, ?, ?)",
            (doc_id, *words),
        )
    else:
        conn.execute(
            "INSERT INTO search_words(rowid, title, body, keys, nkeys) VALUES (?, ?, ?, ?, ?)",
            (doc_id, *words),
        )
    if values["cjk"]:
        if delete:
            conn.execute(
                "INSERT INTO search_grams(search_grams, rowid, cjk) VALUES ('delete', ?, ?)",
                (doc_id, values["cjk"]),
            )
        else:
            conn.execute(
                "INSERT INTO search_grams(rowid, cjk) VALUES (?, ?)", (doc_id, values["cjk"])
            )


def refresh(conn: Connection, kind: str, record_id: str, cache: FoldCache | None = None) -> None:
    """Make the index entry of one record match the record (add, replace or remove)."""
    doc = build_doc(conn, kind, record_id, cache)
    old = conn.execute("SELECT * FROM search_doc WHERE record_id = ?", (record_id,)).fetchone()
    if old is not None:
        old_values = dict(old)
        if doc is not None and all(old_values[c] == v for c, v in doc.as_map().items()):
            return  # nothing searchable changed (e.g. a link was added)
        _index(conn, old_values["doc_id"], old_values, delete=True)
        if doc is None:
            conn.execute("DELETE FROM search_doc WHERE doc_id = ?", (old_values["doc_id"],))
            return
        assignments = ", ".join(f"{c} = ?" for c in _DOC_COLUMNS)
        conn.execute(
            f"UPDATE search_doc SET {assignments} WHERE doc_id = ?",
            (*doc.values(), old_values["doc_id"]),
        )
        _index(conn, old_values["doc_id"], doc.as_map(), delete=False)
    elif doc is not None:
        _insert(conn, doc)


def _insert(conn: Connection, doc: Doc) -> int:
    placeholders = ", ".join("?" for _ in _DOC_COLUMNS)
    cursor = conn.execute(
        f"INSERT INTO search_doc ({', '.join(_DOC_COLUMNS)}) VALUES ({placeholders})",
        doc.values(),
    )
    doc_id = int(cursor.lastrowid)
    _index(conn, doc_id, doc.as_map(), delete=False)
    return doc_id


def _previous_parent(conn: Connection, table: str, record_id: str, column: str) -> str | None:
    """The parent a child row pointed at before this write (a merge moves names)."""
    row = conn.execute(
        "SELECT data FROM record_history WHERE table_name = ? AND record_id = ?"
        " ORDER BY seq DESC LIMIT 1",
        (table, record_id),
    ).fetchone()
    return json.loads(row[0]).get(column) if row is not None else None


def on_record_written(
    conn: Connection, table: str, row: dict[str, Any], cache: FoldCache | None = None
) -> None:
    """Keep the search index in step with `row`, in the caller's transaction. `cache` is the
    open archive's word-fold cache (see Repository), dropped when the archive locks."""
    if table in KIND_OF_TABLE:
        refresh(conn, KIND_OF_TABLE[table], row["id"], cache)
        if table == "case_file":  # a deleted case takes its timeline out of search
            events = conn.execute("SELECT id FROM event WHERE case_id = ?", (row["id"],))
            for event in events.fetchall():
                refresh(conn, "event", event[0], cache)
    elif table in _CHILD:
        column, kind = _CHILD[table]
        parents = {row.get(column), _previous_parent(conn, table, row["id"], column)}
        for parent in sorted(p for p in parents if p):
            refresh(conn, kind, parent, cache)


def rebuild(conn: Connection, progress: Progress | None = None) -> int:
    """Recompute every document from the records and rebuild both indexes from scratch.

    One transaction: an interrupted rebuild (or `progress` raising to cancel) leaves the
    previous index untouched. Returns the number of documents.
    """
    cache = FoldCache()
    with transaction(conn):
        conn.execute("DELETE FROM search_doc")
        total = sum(
            conn.execute(f"SELECT count(*) FROM {TABLE_OF_KIND[k]} WHERE deleted = 0").fetchone()[0]
            for k in KINDS
        )
        placeholders = ", ".join("?" for _ in _DOC_COLUMNS)
        sql = f"INSERT INTO search_doc ({', '.join(_DOC_COLUMNS)}) VALUES ({placeholders})"
        done, batch = 0, []
        # kinds in name order, records in id order: the same doc_ids on every rebuild
        for kind in sorted(KINDS):
            table = TABLE_OF_KIND[kind]
            ids = [
                r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE deleted = 0 ORDER BY id")
            ]
            for record_id in ids:
                if progress is not None and done % 500 == 0:
                    progress(done, total, "Indexing records")
                done += 1
                doc = build_doc(conn, kind, record_id, cache)
                if doc is not None:
                    batch.append(doc.values())
                if len(batch) >= 500:
                    conn.executemany(sql, batch)
                    batch.clear()
        conn.executemany(sql, batch)
        if progress is not None:
            progress(total, total, "Building the search index")
        for table in ("search_words", "search_grams"):
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    cache.clear()
    return int(conn.execute("SELECT count(*) FROM search_doc").fetchone()[0])


def check(conn: Connection) -> None:
    """Raise if an index disagrees with search_doc (FTS5 'integrity-check' with content)."""
    for table in ("search_words", "search_grams"):
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
