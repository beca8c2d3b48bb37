"""The SQL of a record's history: its kept versions, its current row, its audit entries.

Read-only. The history view pairs each audit entry with the version it vouches for by
record hash (the same hash `verify` checks), so a "merge" entry that did not change the
row, or versions written by another replica, still line up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .audit import AuditEntry
from .canonical import record_hash
from .connection import Connection
from .records import BY_TABLE


@dataclass(frozen=True)
class StoredVersion:
    """One state of a record as stored, with the hash the audit log knows it by."""

    data: dict[str, Any]
    rec_hash: str
    superseded_at: str | None  # None for the current row


def _check_table(table: str) -> None:
    if table not in BY_TABLE:
        raise ValueError(f"unknown record table {table}")


def versions(conn: Connection, table: str, record_id: str) -> list[StoredVersion]:
    """Kept versions oldest first, then the current row."""
    _check_table(table)
    found = [
        StoredVersion(data, record_hash(table, data), row[1])
        for row in conn.execute(
            "SELECT data, superseded_at FROM record_history"
            " WHERE table_name = ? AND record_id = ? ORDER BY seq",
            (table, record_id),
        )
        for data in (json.loads(row[0]),)
    ]
    current = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,)).fetchone()
    if current is not None:
        data = dict(current)
        found.append(StoredVersion(data, record_hash(table, data), None))
    return found


def audit_entries(conn: Connection, table: str, record_id: str) -> list[AuditEntry]:
    """The record's audit entries, oldest first."""
    _check_table(table)
    rows = conn.execute(
        "SELECT * FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY seq",
        (table, record_id),
    ).fetchall()
    return [AuditEntry(**dict(r)) for r in rows]


def child_ids(conn: Connection, table: str, column: str, parent_id: str) -> list[str]:
    """Ids of records (live or deleted) in `table` whose `column` names the parent."""
    _check_table(table)
    if column not in BY_TABLE[table].columns():
        raise ValueError(f"{table} has no column {column}")
    return [
        r[0]
        for r in conn.execute(
            f"SELECT id FROM {table} WHERE {column} = ? ORDER BY id", (parent_id,)
        )
    ]
