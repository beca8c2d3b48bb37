"""Canonical JSON and hashes: the same record must hash the same on every laptop."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_hash(table: str, row: dict[str, Any]) -> str:
    """Hash of a record version exactly as stored (database values, not Python objects)."""
    return sha256_hex(canonical_json({"table": table, "row": row}))
