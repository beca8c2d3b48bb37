"""Restore's path through storage/bulk.py: versions into an archive that holds no records yet.

No per-version lookups: each part is checked and hashed (`prepare`, in the restore's
helper process, storage/restore_helper.py, no database access), then written with one
statement per table (`write`, on the thread that owns the connection). What this trusts
of the bundle is re-checked once at the end (`check`): each record has exactly one
current row (a second one fails its PRIMARY KEY) and it is the record's highest version.

Why one statement per table, reading the part's rows from a JSON array in SQLite
(`INSERT … SELECT value->>0, … FROM jsonb_each(CAST(? AS TEXT))`), and not executemany:
executemany hands the GIL back and takes it again for every row, and while any other thread runs
Python (the age decryption, and the helper when it was a thread) the connection's thread
then waits for the GIL ≈ 365,000 × 4 times at 100k testimonies. A single statement
releases it once per table and part. The JSON text is made by the helper: current rows
are the canonical JSON their audit hash is made of, encoded once for both. Values keep
their types: strings, integers and NULL as such, floats exactly (SQLite reads back the
shortest repr Python writes; checked on random doubles), booleans as 1 and 0 as sqlite3
binds them; anything else was refused by version_lines.check_line.

The JSON crosses from the helper as UTF-8 bytes, bound as a BLOB and read by SQLite as
the text it is (CAST): a str would be encoded by pickle (with `surrogatepass`, slowly),
decoded here, and encoded again to bind it, ≈ 3 × 400 MB of text at 100k testimonies.
SQLite turns it into JSONB once per statement (`jsonb_each`); each value is then read
from the binary form instead of re-parsing the row's text for every column.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import bulk, json_rows
from .canonical import record_hash_of_text, row_text
from .connection import Connection
from .records import BY_TABLE
from .version_lines import VersionRejected, check_line

_PARENT_COLUMNS = ("table_name", "record_id", "hlc", "parent_hlc", "resolves")
_HISTORY_COLUMNS = ("table_name", "record_id", "hlc", "data", "superseded_at")
_AUDIT_COLUMNS = (
    "seq", "at", "device", "action", "table_name", "record_id", "record_hash", "prev_hash",
    "entry_hash",
)  # fmt: skip


@dataclass
class Batch:
    """What prepare() hands to write(): per table, its columns (name, where in a JSON row it
    is) and the part's rows as one JSON array; how many current rows each record table
    got; and the part's share of the ApplyResult."""

    inserts: list[tuple[str, list[tuple[str, str]], bytes]]
    current: dict[str, int]
    added: int = 0
    kept: int = 0
    max_hlc: str = ""


def prepare(chain: bulk.Chain, lines: list[Any] | Callable[[], list[Any]]) -> Batch:
    """Parse (when given a callable), check and vouch for one part's versions, in bundle
    order (one helper, so this replica's audit chain links the parts in order)."""
    if callable(lines):
        lines = lines()
    rows: dict[str, list[str]] = {}  # current rows: each one's canonical JSON
    history, parents, audit = [], [], []
    added = kept = 0
    max_hlc = ""
    for line in lines:
        table, row, parent, resolves = check_line(line)
        record_id, hlc = row["id"], row["hlc"]
        max_hlc = max(max_hlc, hlc)
        parents.append((table, record_id, hlc, parent, json.dumps(resolves) if resolves else ""))
        text = row_text(row)
        if line.get("current") is True:
            rows.setdefault(table, []).append(text)
            added += 1
        else:
            history.append((table, record_id, hlc, json.dumps(row, ensure_ascii=False), chain.at))
            kept += 1
        audit.append(chain.vouch(table, record_id, record_hash_of_text(table, text)))
    inserts = [
        ("version_parent", json_rows.by_position(_PARENT_COLUMNS), json_rows.encode(parents)),
        ("record_history", json_rows.by_position(_HISTORY_COLUMNS), json_rows.encode(history)),
        *((table, _named(table), f"[{','.join(texts)}]".encode()) for table, texts in rows.items()),
        ("audit_log", json_rows.by_position(_AUDIT_COLUMNS), json_rows.encode(audit)),
    ]
    return Batch(
        [insert for insert in inserts if insert[2] != b"[]"],
        {table: len(texts) for table, texts in rows.items()},
        added, kept, max_hlc,
    )  # fmt: skip


def _named(table: str) -> list[tuple[str, str]]:
    """Columns read by name from a row's canonical JSON object (every column is present:
    version_lines.check_line made sure)."""
    return [(name, f"value->>'$.{name}'") for name in BY_TABLE[table].columns()]


def write(conn: Connection, batch: Batch) -> None:
    for table, columns, rows_json in batch.inserts:
        json_rows.insert(conn, table, columns, rows_json)


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
            raise VersionRejected("The bundle's current versions are not the latest; refused")
    orphans = conn.execute(
        "SELECT 1 FROM record_history h WHERE NOT EXISTS (SELECT 1 FROM version_parent v"
        " WHERE v.table_name = h.table_name AND v.record_id = h.record_id) LIMIT 1"
    ).fetchone()
    if orphans is not None:  # pragma: no cover - version_parent is written for each
        raise VersionRejected("The bundle is inconsistent; refused")
