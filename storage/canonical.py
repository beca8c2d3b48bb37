"""Canonical JSON and hashes: the same record must hash the same on every laptop."""

from __future__ import annotations

import hashlib
import json
from typing import Any

#: one encoder for every call: json.dumps with options builds a new one each time, which
#: costs more than encoding a small audit entry (restore hashes two objects per version)
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8 (the same bytes as json.dumps with those options)."""
    return _ENCODER.encode(value).encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_hash(table: str, row: dict[str, Any]) -> str:
    """Hash of a record version exactly as stored (database values, not Python objects)."""
    return sha256_hex(canonical_json({"table": table, "row": row}))


def row_text(row: dict[str, Any]) -> str:
    """A row's canonical JSON as text: what record_hash_of_text hashes and what a restore
    hands to SQLite to insert (storage/bulk_fresh.py), encoded once for both."""
    return _ENCODER.encode(row)


def record_hash_of_text(table: str, text: str) -> str:
    """record_hash(table, row) for text = row_text(row): the same bytes ("row" sorts before
    "table"), without encoding the row a second time."""
    return sha256_hex(f'{{"row":{text},"table":{_ENCODER.encode(table)}}}'.encode())
