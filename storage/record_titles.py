"""What a person calls a record: a person's name, a case's title, a testimony's witness.

Read-only, for views that must name a record without showing ids (the conflicts window).
Deleted rows are named too: a conflict may be about a deletion, and a reference may point
at a person deleted since.
"""

from __future__ import annotations

from .connection import Connection

#: table -> query giving the record's title from its id
_TITLE_SQL = {
    "person": "SELECT display_name FROM person WHERE id = ?",
    "case_file": "SELECT title FROM case_file WHERE id = ?",
    "testimony": (
        "SELECT p.display_name FROM testimony t JOIN person p ON p.id = t.witness_id WHERE t.id = ?"
    ),
    "media": (
        "SELECT CASE WHEN caption != '' THEN caption ELSE original_name END FROM media WHERE id = ?"
    ),
    "tag": "SELECT name FROM tag WHERE id = ?",
    "event": (
        "SELECT CASE WHEN description != '' THEN description"
        " WHEN place != '' THEN place ELSE date END FROM event WHERE id = ?"
    ),
}

#: a referencing column -> the table it points into
REFERENCES = {
    "person_id": "person",
    "witness_id": "person",
    "case_id": "case_file",
    "testimony_id": "testimony",
    "media_id": "media",
    "tag_id": "tag",
    "event_id": "event",
}


def title_of(conn: Connection, table: str, record_id: str) -> str | None:
    """The title of a person, case, testimony, media item, tag or event (None if unknown)."""
    sql = _TITLE_SQL.get(table)
    if sql is None or not record_id:
        return None
    row = conn.execute(sql, (record_id,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])
