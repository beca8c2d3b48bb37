"""Time-ordered record ids (UUID version 7, RFC 9562).

Time order keeps new rows at the end of the primary-key B-tree (fast inserts) and lets
people sort records by id; 74 random bits keep ids from two laptops from colliding.
"""

from __future__ import annotations

import secrets
import time
import uuid


def new_id(now_ms: int | None = None) -> str:
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= secrets.randbits(12) << 64
    value |= 0b10 << 62  # RFC variant
    value |= secrets.randbits(62)
    return str(uuid.UUID(int=value))


def is_record_id(text: str) -> bool:
    try:
        return uuid.UUID(text).version == 7
    except (ValueError, AttributeError, TypeError):
        return False
