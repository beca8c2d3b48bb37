"""Other replicas' audit chains, imported exactly as written and checked link by link.

Each replica appends only to its own chain (audit_log); a merge brings the others' chains
into ``audit_chain`` unchanged, so every laptop can re-verify every other laptop's history.
An entry is accepted only where it continues the chain already held: same sequence, the
previous entry's hash, its own hash recomputed. Anything else (a gap, a fork, an altered
entry) is refused before the merge commits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from . import json_rows
from .audit import ACTIONS, GENESIS, entry_hash
from .audit_hashing import entry_digest
from .connection import Connection
from .errors import TumarError

_FIELDS = ("seq", "at", "device", "action", "table_name", "record_id", "record_hash")
_COLUMNS = (
    "device", "seq", "at", "action", "table_name", "record_id", "record_hash", "prev_hash",
    "entry_hash",
)  # fmt: skip


class ChainRejected(TumarError):
    exit_code = 4


def _head(conn: Connection, device: str) -> tuple[int, str]:
    row = conn.execute(
        "SELECT seq, entry_hash FROM audit_chain WHERE device = ? ORDER BY seq DESC LIMIT 1",
        (device,),
    ).fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


class ChainImport:
    """Vets other replicas' audit entries (a bundle's audit parts, in order) against the
    chain heads; holds no connection, so a restore runs it in its helper process
    (storage/restore_helper.py) while the connection's thread writes.

    `head_of(device)` gives a chain's head as held before this import; the heads then
    follow the entries accepted. An entry at or below a head (sent before) must equal the
    one held: which it is, is checked by `write` once the accepted ones are written."""

    def __init__(self, own_device: str, head_of: Callable[[str], tuple[int, str]]) -> None:
        self._own, self._head_of = own_device, head_of
        self._heads: dict[str, tuple[int, str]] = {}

    def vet(self, entries: Iterable[dict[str, Any]]) -> tuple[list[tuple], list[tuple]]:
        """(rows to append, in audit_chain's column order; (device, seq, entry hash) of
        the entries sent before)."""
        rows: list[tuple] = []
        repeats: list[tuple] = []
        for entry in entries:
            try:
                fields = [entry[name] for name in _FIELDS]
                prev, digest = entry["prev_hash"], entry["entry_hash"]
                texts = (*fields[1:], prev, digest)
                if type(fields[0]) is not int or not all(type(v) is str for v in texts):
                    raise TypeError  # the types audit_log holds: a sequence and texts
            except (KeyError, TypeError):
                raise ChainRejected("The bundle holds a malformed audit entry; refused") from None
            seq, device = fields[0], fields[2]
            if device == self._own:
                continue  # our own chain is the one in audit_log
            if device not in self._heads:
                self._heads[device] = self._head_of(device)
            head_seq, head_hash = self._heads[device]
            if seq <= head_seq:
                repeats.append((device, seq, digest))
                continue
            if seq != head_seq + 1:
                raise ChainRejected(
                    f"The bundle lacks audit entries of replica {device[:8]} before #{seq}; "
                    "merge that replica's earlier bundle first"
                )
            if (
                prev != head_hash
                or entry_digest(prev, *fields) != digest
                or fields[3] not in ACTIONS
            ):
                raise ChainRejected(
                    f"Audit entry #{seq} of replica {device[:8]} in the bundle was altered; refused"
                )
            at, _device, action, table, record_id, record_hash = fields[1:]
            rows.append((device, seq, at, action, table, record_id, record_hash, prev, digest))
            self._heads[device] = (seq, digest)
        return rows, repeats


def write(conn: Connection, rows_json: bytes, repeats: list[tuple]) -> None:
    """Append vetted rows (ChainImport.vet's, as a JSON array in UTF-8; one statement,
    storage/bulk_fresh.py says why), then check the entries sent before against the ones
    now held: an entry that differs means someone rewrote history."""
    json_rows.insert(conn, "audit_chain", json_rows.by_position(_COLUMNS), rows_json)
    for device, seq, digest in repeats:
        held = conn.execute(
            "SELECT entry_hash FROM audit_chain WHERE device = ? AND seq = ?", (device, seq)
        ).fetchone()
        if held is None or held[0] != digest:
            raise ChainRejected(
                f"Replica {device[:8]}'s audit chain in the bundle differs from the one "
                "already imported; refused (someone rewrote history)"
            )


def import_entries(conn: Connection, own_device: str, entries: Iterable[dict[str, Any]]) -> int:
    """Append the entries that continue each chain; returns how many were new."""
    rows, repeats = ChainImport(own_device, lambda device: _head(conn, device)).vet(entries)
    write(conn, json_rows.encode(rows), repeats)
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
