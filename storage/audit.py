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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .audit_hashing import RecordHasher, entry_digest
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
#: one audit entry as verify keeps it: (seq, action, record hash)
Step = tuple[int, str, str]
#: per record, its latest entry (in the order records first appear in the chain)
Latest = dict[RecordKey, Step]
#: per record with more than one entry, all of them in order (most records have one: a
#: second structure only for those keeps memory at one small tuple per record)
Trail = dict[RecordKey, list[Step]]

_ENTRY_COLUMNS = (
    "seq, at, device, action, table_name, record_id, record_hash, prev_hash, entry_hash"
)


def _tuples(conn: Connection, sql: str) -> Iterator[tuple[Any, ...]]:
    """Plain tuples instead of named rows: verify reads every row of the archive."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql)


def _check_chain(conn: Connection, report: ChainReport) -> tuple[Latest, Trail]:
    """Walk the chain in one pass; return each record's latest entry and, for records with
    several, every entry."""
    latest: Latest = {}
    trail: Trail = {}
    shared: dict[str, str] = {}  # one string object per table name and action
    prev, expected_seq = GENESIS, 1
    for row in _tuples(conn, f"SELECT {_ENTRY_COLUMNS} FROM audit_log ORDER BY seq"):
        seq, at, device, action, table_name, record_id, rec_hash, prev_hash, digest = row
        if not report.problems:
            if seq != expected_seq:
                report.problems.append(
                    f"audit entry #{expected_seq} is missing (next entry is #{seq})"
                )
            elif prev_hash != prev:
                report.problems.append(f"audit entry #{seq} does not link to entry #{seq - 1}")
            elif entry_digest(prev_hash, *row[:7]) != digest:
                report.problems.append(
                    f"audit entry #{seq} ({action} {table_name} {record_id}) was altered"
                )
        prev, expected_seq = digest, seq + 1
        key = (shared.setdefault(table_name, table_name), record_id)
        step = (seq, shared.setdefault(action, action), rec_hash)
        before = latest.get(key)
        if before is not None:
            steps = trail.get(key)
            if steps is None:
                trail[key] = [before, step]
            else:
                steps.append(step)
        latest[key] = step
        report.entries += 1
    report.head_hash = prev
    return latest, trail


def _vouched(key: RecordKey, latest: Latest, trail: Trail) -> set[str]:
    """Every record hash the chain holds for `key`."""
    if key in trail:
        return {rec_hash for _, _, rec_hash in trail[key]}
    return {latest[key][2]} if key in latest else set()


@dataclass
class Walk:
    """What the walk over the chain and the records leaves for check_coverage."""

    latest: Latest
    trail: Trail
    unmet: set[RecordKey]  # records the chain names whose current row was not met
    kept: dict[RecordKey, list[str]]  # record hashes of the kept versions, per record


#: called with each current row of every record table, in BY_TABLE order (verify rebuilds
#: the search documents from the rows this walk reads anyway: storage.derived_check)
Visit = Callable[[str, dict[str, Any]], None]


def walk(conn: Connection, report: ChainReport, visit: Visit | None = None) -> Walk:
    """Recompute the chain, then every current record and kept version against it."""
    latest, trail = _check_chain(conn, report)
    unmet = set(latest)
    kept: dict[RecordKey, list[str]] = {}
    for table in BY_TABLE:
        columns = [d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description]  # noqa: S608
        hasher = RecordHasher(table, columns)
        at_id = hasher.columns.index("id")
        for values in _tuples(conn, hasher.sql):
            key = (table, values[at_id])
            report.records += 1
            row = hasher.row(values)
            if visit is not None:
                visit(table, row)
            step = latest.get(key)
            if step is None:
                report.problems.append(f"{table} {key[1]} has no audit entry")
                continue
            unmet.discard(key)
            if hasher.digest(row) != step[2]:
                report.problems.append(
                    f"{table} {key[1]} was changed outside Tumar "
                    f"(it no longer matches audit entry #{step[0]})"
                )
    for row in conn.execute("SELECT seq, table_name, record_id, data FROM record_history"):
        digest = _kept_hash(row["table_name"], row["data"])
        key = (row["table_name"], row["record_id"])
        kept.setdefault(key, []).append(digest)
        if digest not in _vouched(key, latest, trail):
            report.problems.append(
                f"kept version #{row['seq']} of {row['table_name']} {row['record_id']} "
                "was changed outside Tumar"
            )
    return Walk(latest, trail, unmet, kept)


def _kept_hash(table: str, data: Any) -> str | None:
    """None: not JSON any more (rewritten with the key): no hash of the chain matches."""
    try:
        return record_hash(table, json.loads(data))
    except (TypeError, ValueError):
        return None


def verify(conn: Connection, visit: Visit | None = None) -> ChainReport:
    """walk(), then check_coverage() on what it met (issue 8: deletions, missing history)."""
    report = ChainReport()
    walked = walk(conn, report, visit)
    report.problems.extend(check_coverage(walked.latest, walked.trail, walked.unmet, walked.kept))
    return report


def check_coverage(
    latest: Latest, trail: Trail, unmet: set[RecordKey], kept: dict[RecordKey, list[str]]
) -> list[str]:
    """What the log says exists but is gone: a record deleted outright (tombstones keep the
    row) and a kept version missing behind an update or a delete (each keeps the version
    it replaced). Raw deletion with the key leaves a valid chain; this is what names it.
    A kept version that is there but altered is reported by verify() already. `unmet`:
    the records of `latest` that verify() did not find."""
    problems: list[str] = []
    for key, (last_seq, _, _) in latest.items():
        table, record_id = key
        if key in unmet:
            problems.append(
                f"{table} {record_id} is missing: audit entry #{last_seq} says it exists "
                "(deleted outside Tumar)"
            )
        entries = trail.get(key)
        if entries is None:
            continue  # one entry: it replaced nothing
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
