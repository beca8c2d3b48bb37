"""Other replicas' audit chains, imported exactly as written and checked link by link.

Each replica appends only to its own chain (audit_log); a merge brings the others' chains
into ``audit_chain`` unchanged, so every laptop can re-verify every other laptop's history.
An entry is accepted only where it continues the chain already held: same sequence, the
previous entry's hash, its own hash recomputed. Anything else (a gap, a fork, an altered
entry) is refused before the merge commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .audit import ACTIONS, GENESIS, entry_hash
from .connection import Connection
from .errors import TumarError

_FIELDS = ("seq", "at", "device", "action", "table_name", "record_id", "record_hash")


class ChainRejected(TumarError):
    exit_code = 4


def _head(conn: Connection, device: str) -> tuple[int, str]:
    row = conn.execute(
        "SELECT seq, entry_hash FROM audit_chain WHERE device = ? ORDER BY seq DESC LIMIT 1",
        (device,),
    ).fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def import_entries(conn: Connection, own_device: str, entries: Iterable[dict[str, Any]]) -> int:
    """Append the entries that continue each chain; returns how many were new."""
    heads: dict[str, tuple[int, str]] = {}
    pending: dict[tuple[str, int], str] = {}  # accepted here, written in one batch below
    rows: list[tuple] = []
    for entry in entries:
        try:
            device, seq = str(entry["device"]), int(entry["seq"])
            fields = {name: entry[name] for name in _FIELDS}
            prev, digest = str(entry["prev_hash"]), str(entry["entry_hash"])
        except (KeyError, TypeError, ValueError):
            raise ChainRejected("The bundle holds a malformed audit entry; refused") from None
        if device == own_device:
            continue  # our own chain is the one in audit_log
        if device not in heads:
            heads[device] = _head(conn, device)
        head_seq, head_hash = heads[device]
        if seq <= head_seq:
            held = pending.get((device, seq))
            if held is None:
                found = conn.execute(
                    "SELECT entry_hash FROM audit_chain WHERE device = ? AND seq = ?",
                    (device, seq),
                ).fetchone()
                held = found[0] if found else None
            if held != digest:
                raise ChainRejected(
                    f"Replica {device[:8]}'s audit chain in the bundle differs from the one "
                    "already imported; refused (someone rewrote history)"
                )
            continue
        if seq != head_seq + 1:
            raise ChainRejected(
                f"The bundle lacks audit entries of replica {device[:8]} before #{seq}; "
                "merge that replica's earlier bundle first"
            )
        if (
            prev != head_hash
            or entry_hash(fields, prev) != digest
            or fields["action"] not in ACTIONS
            or fields["device"] != device
        ):
            raise ChainRejected(
                f"Audit entry #{seq} of replica {device[:8]} in the bundle was altered; refused"
            )
        rows.append(
            (device, seq, fields["at"], fields["action"], fields["table_name"],
             fields["record_id"], fields["record_hash"], prev, digest)
        )  # fmt: skip
        pending[(device, seq)] = digest
        heads[device] = (seq, digest)
    conn.executemany(
        "INSERT INTO audit_chain (device, seq, at, action, table_name, record_id,"
        " record_hash, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def verify_all(conn: Connection) -> tuple[int, list[str]]:
    """Walk every imported chain from its first entry; (entries checked, problems)."""
    problems: list[str] = []
    checked = 0
    device, prev, expected = None, GENESIS, 1
    broken: set[str] = set()
    for row in conn.execute("SELECT * FROM audit_chain ORDER BY device, seq"):
        entry = dict(row)
        if entry["device"] != device:
            device, prev, expected = entry["device"], GENESIS, 1
        checked += 1
        if device in broken:
            continue
        fields = {name: entry[name] for name in _FIELDS}
        if entry["seq"] != expected or entry["prev_hash"] != prev:
            problems.append(f"imported audit chain of replica {device[:8]} breaks at #{expected}")
            broken.add(device)
        elif entry_hash(fields, prev) != entry["entry_hash"]:
            problems.append(
                f"imported audit entry #{entry['seq']} of replica {device[:8]} was altered"
            )
            broken.add(device)
        prev, expected = entry["entry_hash"], entry["seq"] + 1
    return checked, problems
