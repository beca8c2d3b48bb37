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
