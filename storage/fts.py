"""Full-text index maintenance (filled in by the search work); called inside every write."""

from __future__ import annotations

from typing import Any

from .connection import Connection


def on_record_written(conn: Connection, table: str, row: dict[str, Any]) -> None:
    """Keep the search index in step with `row`, in the caller's transaction."""
    return None
