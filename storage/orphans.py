"""Live notes and events whose owner is a tombstone (the SQL of app/cascade's merge rule).

Locally a deletion takes its notes and events with it in one transaction, so an orphan
can only appear when a merge brings the two halves together: a note added on one laptop
to a case deleted on another, or an event edited after its case was deleted elsewhere.
"""

from __future__ import annotations

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


def owner_deleted(conn: Connection, child: str, record_id: str) -> bool:
    """True when the child record (note or event) hangs on a deleted owner here."""
    if child not in OWNED_BY:
        return False
    row = conn.execute(
        f"SELECT 1 FROM {child} c WHERE c.id = ? AND ({_owner_deleted(child)})", (record_id,)
    ).fetchone()
    return row is not None
