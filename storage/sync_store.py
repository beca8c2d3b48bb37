"""Reading what a bundle carries: record versions, audit chains, watermarks (SQL for sync).

A *version* is one state of one record: the current row or a kept one in record_history,
named by (table, id, hlc). The replica that made it is the HLC's last part (its origin).
Watermarks say, per origin, the highest HLC this archive holds; because every bundle
carries all versions above the receivers' published watermarks, a replica's knowledge
of each origin has no gaps, so "everything above the floor" is exactly what is new.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from .connection import Connection
from .records import BY_TABLE

Version = dict[str, Any]


def origin(hlc: str) -> str:
    return hlc[-32:]


def _above(hlc: str, floors: dict[str, str] | None) -> bool:
    return floors is None or hlc > floors.get(origin(hlc), "")


_P, _R = "_version_parent", "_version_resolves"  # extra columns, removed from the row


_PARENT = (
    " LEFT JOIN version_parent v ON v.table_name = ? AND v.record_id = {rid} AND v.hlc = {hlc}"
)


def versions(conn: Connection, floors: dict[str, str] | None = None) -> Iterator[Version]:
    """Every version above the per-origin floors (all of them when floors is None).

    One streaming query per table, each row joined with its parent: one row in memory at
    a time whatever the archive's size. No ORDER BY: sorting whole rows (testimony texts)
    would hold the table in memory (temp_store is MEMORY), and merging does not depend on
    the order. What does: a table's kept versions come before its current rows."""
    low = ""
    if floors is not None:
        held = watermarks(conn)
        # versions of an origin the floors don't name must all go, so scan from the start
        low = "" if set(held) - set(floors) else min((floors[o] for o in held), default="")
    for table in BY_TABLE:
        kept = conn.execute(
            "SELECT h.data, h.hlc, v.parent_hlc, v.resolves FROM record_history h"
            + _PARENT.format(rid="h.record_id", hlc="h.hlc")
            + " WHERE h.table_name = ? AND h.hlc > ?",
            (table, table, low),
        )
        for data, hlc, parent, resolves in kept:
            if _above(hlc, floors):
                yield _line(table, json.loads(data), parent, resolves or "", current=False)
        current = conn.execute(
            f"SELECT t.*, v.parent_hlc AS {_P}, v.resolves AS {_R} FROM {table} t"
            + _PARENT.format(rid="t.id", hlc="t.hlc")
            + " WHERE t.hlc > ?",
            (table, low),
        )
        for row in current:
            values = dict(row)
            parent, resolves = values.pop(_P), values.pop(_R)
            if _above(values["hlc"], floors):
                yield _line(table, values, parent, resolves or "", current=True)


def _line(
    table: str, row: dict[str, Any], parent: str | None, resolves: str, *, current: bool
) -> Version:
    """Kept versions of a table come before its current rows (restore's fast path and the
    audit order rely on it); `current` marks the writer's current row."""
    line: Version = {"t": table, "row": row, "parent": parent, "current": current}
    if resolves:
        line["resolves"] = json.loads(resolves)
    return line


def watermarks(conn: Connection) -> dict[str, str]:
    """Per origin replica, the highest HLC of any version held.

    Read from version_parent, which has one small row per version held (current or kept:
    triggers add local writes, merges and restores add theirs, migration 7 added the older
    ones): scanning the record tables instead decrypts every testimony's pages (seconds at
    100k testimonies, paid by every merge and every sync)."""
    marks: dict[str, str] = {}
    for hlc, who in conn.execute("SELECT max(hlc), substr(hlc, 20) FROM version_parent GROUP BY 2"):
        marks[who] = hlc
    return marks


def chain_heads(conn: Connection, own_device: str) -> dict[str, int]:
    heads = {
        r[0]: r[1] for r in conn.execute("SELECT device, max(seq) FROM audit_chain GROUP BY device")
    }
    own = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    if own:
        heads[own_device] = own
    return heads


_AUDIT_FIELDS = (
    "seq", "at", "action", "table_name", "record_id", "record_hash", "prev_hash", "entry_hash",
)  # fmt: skip


def audit_entries(
    conn: Connection, own_device: str, floors: dict[str, int] | None = None
) -> Iterator[dict[str, Any]]:
    """Our own chain (as device `own_device`) and every imported one, above the floors."""
    floors = floors or {}
    columns = ", ".join(_AUDIT_FIELDS)
    for row in conn.execute(
        f"SELECT {columns} FROM audit_log WHERE seq > ? ORDER BY seq", (floors.get(own_device, 0),)
    ):
        yield {"device": own_device, **dict(zip(_AUDIT_FIELDS, row, strict=True))}
    devices = [r[0] for r in conn.execute("SELECT DISTINCT device FROM audit_chain ORDER BY 1")]
    for device in devices:
        for row in conn.execute(
            f"SELECT {columns} FROM audit_chain WHERE device = ? AND seq > ? ORDER BY seq",
            (device, floors.get(device, 0)),
        ):
            yield {"device": device, **dict(zip(_AUDIT_FIELDS, row, strict=True))}


def media_to_send(conn: Connection, floors: dict[str, str] | None) -> list[str]:
    """Content hashes of media records whose first version the peers have not all seen."""
    rows = conn.execute(
        "SELECT m.sha256, min(v.hlc) FROM media m JOIN version_parent v"
        " ON v.table_name = 'media' AND v.record_id = m.id GROUP BY m.id"
    ).fetchall()
    known = {r[0] for r in rows}
    wanted = {sha for sha, first in rows if _above(first, floors)}
    # media rows without parent bookkeeping (archives older than sync): decide by the row
    for sha, hlc in conn.execute("SELECT sha256, hlc FROM media"):
        if sha not in known and _above(hlc, floors):
            wanted.add(sha)
    return sorted(wanted)


def peer_key(conn: Connection, replica: str) -> str | None:
    row = conn.execute("SELECT signing_key FROM sync_peer WHERE replica_id = ?", (replica,))
    found = row.fetchone()
    return found[0] if found else None


def remember_peer(conn: Connection, replica: str, key: str, recipient: str, at: str) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO sync_peer (replica_id, signing_key, recipient, first_seen)"
        " VALUES (?, ?, ?, ?)",
        (replica, key, recipient, at),
    )


#: recipients removed from the team (a tombstoned member, and no live one with that key)
_REMOVED = (
    "SELECT recipient FROM team_member WHERE deleted = 1 AND recipient NOT IN"
    " (SELECT recipient FROM team_member WHERE deleted = 0)"
)


def peer_recipients(conn: Connection) -> list[str]:
    """Recipients of replicas whose bundles we merged, minus those removed from the team."""
    rows = conn.execute(
        f"SELECT recipient FROM sync_peer WHERE recipient <> '' AND recipient NOT IN ({_REMOVED})"
        " ORDER BY first_seen"
    )
    return [r[0] for r in rows]


def removed_replica(conn: Connection, replica: str, claimed_recipient: str) -> bool:
    """True when the replica's laptop was removed from the team: the recipient it was
    first seen with, or the one its bundle names now, is a removed member's."""
    row = conn.execute(
        f"SELECT 1 FROM ({_REMOVED}) WHERE recipient = ? OR recipient ="
        " (SELECT recipient FROM sync_peer WHERE replica_id = ?) LIMIT 1",
        (claimed_recipient, replica),
    ).fetchone()
    return row is not None


def meta_value(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Inside the caller's transaction."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def open_conflicts(conn: Connection) -> list[tuple]:
    """(id, table, record_id, winner_hlc, loser_hlc, found_at) of unsettled conflicts."""
    return [
        tuple(r)
        for r in conn.execute(
            "SELECT id, table_name, record_id, winner_hlc, loser_hlc, found_at"
            " FROM sync_conflict WHERE resolved_at IS NULL ORDER BY id"
        )
    ]


def record_versions(conn: Connection, table: str, record_id: str) -> dict[str, dict[str, Any]]:
    """Every version of one record held here (kept and current), by HLC."""
    if table not in BY_TABLE:
        raise ValueError(f"unknown table {table}")
    found = {
        r[0]: json.loads(r[1])
        for r in conn.execute(
            "SELECT hlc, data FROM record_history WHERE table_name = ? AND record_id = ?",
            (table, record_id),
        )
    }
    current = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,)).fetchone()
    if current is not None:
        found[current["hlc"]] = dict(current)
    return found


def mark_settled(
    conn: Connection, conflict_id: int, table: str, record_id: str, hlc: str, pair: list[str]
) -> None:
    """The settling version `hlc` names the pair it settles (this travels with it)."""
    conn.execute(
        "UPDATE version_parent SET resolves = ? WHERE table_name = ? AND record_id = ? AND hlc = ?",
        (json.dumps(pair), table, record_id, hlc),
    )
    conn.execute(
        "UPDATE sync_conflict SET resolved_at = datetime('now'), resolution_hlc = ? WHERE id = ?",
        (hlc, conflict_id),
    )


@contextlib.contextmanager
def small_cache(conn: Connection, kib: int = 8192) -> Iterator[None]:
    """A bundle reads every row once: a page cache sized for interactive use (256 MiB)
    would only grow the process by the archive's size. Restored afterwards."""
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")
