"""Live notes and events whose owner is a tombstone (the SQL of app/cascade's merge rule).

Locally a deletion takes its notes and events with it in one transaction, so an orphan
can only appear when a merge brings the two halves together: a note added on one laptop
to a case deleted on another, or an event edited after its case was deleted elsewhere.
"""

from __future__ import annotations

from typing import Any

from .connection import Connection

#: child table -> (column, owner table): what deleting an owner takes with it
OWNED_BY: dict[str, tuple[tuple[str, str], ...]] = {
    "event": (("case_id", "case_file"),),
    "note": (("case_id", "case_file"), ("person_id", "person"), ("testimony_id", "testimony")),
}


def _owner_deleted(child: str) -> str:
    """SQL true when any owner of the child row `c` is a tombstone (primary-key lookups;
    `deleted` comes before any long text column, so no overflow page is read)."""
    return " OR ".join(
        f"EXISTS (SELECT 1 FROM {owner} o WHERE o.id = c.{column} AND o.deleted = 1)"
        for column, owner in OWNED_BY[child]
    )


def live_orphans(conn: Connection) -> list[tuple[str, str]]:
    """(table, id) of every live note and event attached to a deleted owner, in id order."""
    found = []
    for child in OWNED_BY:
        rows = conn.execute(
            f"SELECT id FROM {child} c WHERE c.deleted = 0 AND ({_owner_deleted(child)})"
            " ORDER BY id"
        )
        found += [(child, row[0]) for row in rows]
    return found


def owner_deleted(conn: Connection, table: str, row: dict[str, Any]) -> bool:
    """True when `row` (a version of a note or event) hangs on an owner deleted here."""
    for column, owner in OWNED_BY.get(table, ()):
        if row.get(column):
            found = conn.execute(f"SELECT deleted FROM {owner} WHERE id = ?", (row[column],))
            hit = found.fetchone()
            if hit is not None and hit[0]:
                return True
    return False


def version_deleted(conn: Connection, table: str, record_id: str, hlc: str) -> bool | None:
    """Whether one held version (current or kept) of a record is a tombstone; None when it
    is not held here."""
    found = conn.execute(
        f"SELECT deleted FROM {table} WHERE id = ? AND hlc = ? UNION ALL"
        " SELECT json_extract(data, '$.deleted') FROM record_history"
        " WHERE table_name = ? AND record_id = ? AND hlc = ?",
        (record_id, hlc, table, record_id, hlc),
    ).fetchone()
    return None if found is None else bool(found[0])


def no_conflict(conn: Connection, table: str, row: dict[str, Any], other_hlc: str) -> bool:
    """Two versions of a note or event made without seeing each other that nobody needs
    to review: both deleted it, or one deleted it and its owner is deleted here (the note
    goes with its owner whichever side wins; every version stays in history)."""
    if table not in OWNED_BY:
        return False
    other = version_deleted(conn, table, row["id"], other_hlc)
    if row["deleted"] and other:
        return True
    return bool(row["deleted"] or other) and owner_deleted(conn, table, row)
