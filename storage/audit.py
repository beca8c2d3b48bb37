"""Append-only audit log chained by SHA-256, and its verification.

Each entry stores the hash of the record version it describes and the previous entry's
hash; the entry hash covers both. Rewriting any entry breaks every later link, and a
record changed behind Tumar's back no longer matches its latest entry's record hash.
The chain cannot stop someone holding the key from rewriting everything consistently;
the head hash printed in dossiers is what pins the history down outside the archive.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from .canonical import canonical_json, record_hash, sha256_hex
from .connection import Connection
from .records import BY_TABLE

GENESIS = "0" * 64
ACTIONS = ("create", "update", "delete", "merge", "import")


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    device: str
    action: str
    table_name: str
    record_id: str
    record_hash: str
    prev_hash: str
    entry_hash: str


def entry_hash(fields: dict[str, Any], prev_hash: str) -> str:
    return sha256_hex(prev_hash.encode("ascii") + canonical_json(fields))


def append(
    conn: Connection, *, device: str, action: str, table: str, record_id: str, rec_hash: str
) -> AuditEntry:
    """Must run inside the transaction that wrote the record, so both land or neither."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action}")
    last_seq, prev = head(conn)
    seq = last_seq + 1
    at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
    fields = {
        "seq": seq, "at": at, "device": device, "action": action, "table_name": table,
        "record_id": record_id, "record_hash": rec_hash,
    }  # fmt: skip
    digest = entry_hash(fields, prev)
    conn.execute(
        "INSERT INTO audit_log (seq, at, device, action, table_name, record_id, record_hash,"
        " prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, device, action, table, record_id, rec_hash, prev, digest),
    )
    return AuditEntry(seq, at, device, action, table, record_id, rec_hash, prev, digest)


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def last_entry_time(conn: Connection) -> dt.datetime | None:
    """When the newest audit entry was written (None: no entries yet)."""
    row = conn.execute("SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:
        return None
    try:
        return dt.datetime.fromisoformat(row[0])
    except ValueError:
        return None


@dataclass
class ChainReport:
    entries: int = 0
    records: int = 0
    head_hash: str = GENESIS
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


RecordKey = tuple[str, str]


#: per record, its audit entries in order: (seq, action, record hash)
Trail = dict[RecordKey, list[tuple[int, str, str]]]


def _check_chain(
    conn: Connection, report: ChainReport, trail: Trail
) -> tuple[dict[RecordKey, set[str]], dict[RecordKey, tuple[int, str]]]:
    """Walk the chain; return the record hashes it vouches for and the latest one, per record
    (and fill `trail`)."""
    vouched: dict[RecordKey, set[str]] = {}
    latest: dict[RecordKey, tuple[int, str]] = {}
    prev, expected_seq = GENESIS, 1
    for row in conn.execute("SELECT * FROM audit_log ORDER BY seq"):
        entry = AuditEntry(**dict(row))
        fields = {
            "seq": entry.seq, "at": entry.at, "device": entry.device, "action": entry.action,
            "table_name": entry.table_name, "record_id": entry.record_id,
            "record_hash": entry.record_hash,
        }  # fmt: skip
        if not report.problems:
            if entry.seq != expected_seq:
                report.problems.append(
                    f"audit entry #{expected_seq} is missing (next entry is #{entry.seq})"
                )
            elif entry.prev_hash != prev:
                report.problems.append(
                    f"audit entry #{entry.seq} does not link to entry #{entry.seq - 1}"
                )
            elif entry_hash(fields, entry.prev_hash) != entry.entry_hash:
                report.problems.append(
                    f"audit entry #{entry.seq} ({entry.action} {entry.table_name} "
                    f"{entry.record_id}) was altered"
                )
        prev, expected_seq = entry.entry_hash, entry.seq + 1
        key = (entry.table_name, entry.record_id)
        vouched.setdefault(key, set()).add(entry.record_hash)
        latest[key] = (entry.seq, entry.record_hash)
        trail.setdefault(key, []).append((entry.seq, entry.action, entry.record_hash))
        report.entries += 1
    report.head_hash = prev
    return vouched, latest


def verify(conn: Connection) -> ChainReport:
    """Recompute the chain, then every current record and kept version against it."""
    report = ChainReport()
    trail: Trail = {}
    vouched, latest = _check_chain(conn, report, trail)
    present: set[RecordKey] = set()
    kept: dict[RecordKey, list[str]] = {}
    for table in BY_TABLE:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):  # noqa: S608
            data = dict(row)
            key = (table, data["id"])
            present.add(key)
            report.records += 1
            if key not in latest:
                report.problems.append(f"{table} {data['id']} has no audit entry")
            elif record_hash(table, data) != latest[key][1]:
                report.problems.append(
                    f"{table} {data['id']} was changed outside Tumar "
                    f"(it no longer matches audit entry #{latest[key][0]})"
                )
    for row in conn.execute("SELECT seq, table_name, record_id, data FROM record_history"):
        digest = record_hash(row["table_name"], json.loads(row["data"]))
        kept.setdefault((row["table_name"], row["record_id"]), []).append(digest)
        if digest not in vouched.get((row["table_name"], row["record_id"]), set()):
            report.problems.append(
                f"kept version #{row['seq']} of {row['table_name']} {row['record_id']} "
                "was changed outside Tumar"
            )
    report.problems.extend(check_coverage(trail, present, kept))
    return report


def check_coverage(
    trail: Trail, present: set[RecordKey], kept: dict[RecordKey, list[str]]
) -> list[str]:
    """What the log says exists but is gone: a record deleted outright (tombstones keep the
    row) and a kept version missing behind an update or a delete (each keeps the version
    it replaced). Raw deletion with the key leaves a valid chain; this is what names it.
    A kept version that is there but altered is reported by verify() already."""
    problems: list[str] = []
    for key, entries in trail.items():
        table, record_id = key
        if key not in present:
            problems.append(
                f"{table} {record_id} is missing: audit entry #{entries[-1][0]} says it exists "
                "(deleted outside Tumar)"
            )
        versions = kept.get(key, [])
        replaced = [
            (seq, action, previous)
            for (_, _, previous), (seq, action, _) in zip(entries, entries[1:], strict=False)
            if action in ("update", "delete")
        ]
        if len(versions) >= len(replaced):
            continue
        for seq, action, previous in replaced:
            if previous not in versions:
                problems.append(
                    f"the version of {table} {record_id} replaced by audit entry #{seq} "
                    f"({action}) is missing from its history (deleted outside Tumar)"
                )
    return problems
