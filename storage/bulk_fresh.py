"""Restore's path through storage/bulk.py: versions into an archive that holds no records yet.

No per-version lookups: each part is checked and hashed (`prepare`, on the Applier's
helper thread, no database access), then written with one executemany per table
(`write`, on the thread that owns the connection). What this trusts of the bundle is
re-checked once at the end (`check`): each record has exactly one current row (a second
one fails its PRIMARY KEY) and it is the record's highest version.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import bulk
from .connection import Connection
from .records import BY_TABLE

if TYPE_CHECKING:
    from .bulk import Applier

#: what prepare() hands to write(): version parents, kept versions, current rows' column
#: names and values per table, and this replica's audit entries
Batch = tuple[list[tuple], list[tuple], dict[str, list[str]], dict[str, list[list[Any]]], list]


def prepare(applier: Applier, lines: list[Any] | Callable[[], list[Any]]) -> Batch:
    """Parse (when given a callable), check and vouch for one part's versions, in bundle
    order (one helper thread, so this replica's audit chain links the parts in order)."""
    if callable(lines):
        lines = lines()
    result = applier.result
    rows: dict[str, list[list[Any]]] = {}
    columns: dict[str, list[str]] = {}
    history, parents = [], []
    for line in lines:
        table, row, parent, resolves = bulk._check(line)
        record_id, hlc = row["id"], row["hlc"]
        result.max_hlc = max(result.max_hlc, hlc)
        parents.append((table, record_id, hlc, parent, json.dumps(resolves) if resolves else ""))
        if line.get("current") is True:
            columns.setdefault(table, list(row))
            rows.setdefault(table, []).append([row[c] for c in columns[table]])
            result.added += 1
        else:
            history.append(
                (table, record_id, hlc, json.dumps(row, ensure_ascii=False), applier._at)
            )
            result.kept += 1
        applier._vouch(table, record_id, row)
    applier._vouched.clear()
    audit, applier._audit = applier._audit, []
    return parents, history, columns, rows, audit


def write(conn: Connection, batch: Batch) -> None:
    parents, history, columns, rows, audit = batch
    conn.executemany(
        "INSERT INTO version_parent (table_name, record_id, hlc, parent_hlc, resolves)"
        " VALUES (?, ?, ?, ?, ?)",
        parents,
    )
    conn.executemany(
        "INSERT INTO record_history (table_name, record_id, hlc, data, superseded_at)"
        " VALUES (?, ?, ?, ?, ?)",
        history,
    )
    for table, values in rows.items():
        names = columns[table]
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            values,
        )
    conn.executemany(
        "INSERT INTO audit_log (seq, at, device, action, table_name, record_id,"
        " record_hash, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        audit,
    )


def check(conn: Connection) -> None:
    """Every current row must be its record's highest version, every version current
    or kept: otherwise the bundle lied about which row is current."""
    for table in BY_TABLE:
        bad = conn.execute(
            f"SELECT 1 FROM record_history h JOIN {table} t ON t.id = h.record_id"
            " WHERE h.table_name = ? AND h.hlc >= t.hlc LIMIT 1",
            (table,),
        ).fetchone()
        if bad is not None:
            raise bulk.VersionRejected("The bundle's current versions are not the latest; refused")
    orphans = conn.execute(
        "SELECT 1 FROM record_history h WHERE NOT EXISTS (SELECT 1 FROM version_parent v"
        " WHERE v.table_name = h.table_name AND v.record_id = h.record_id) LIMIT 1"
    ).fetchone()
    if orphans is not None:  # pragma: no cover - version_parent is written for each
        raise bulk.VersionRejected("The bundle is inconsistent; refused")
