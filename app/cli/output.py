"""Plain-text rendering of records for the terminal."""

from __future__ import annotations

from tumar.storage.records import Record


def short(record_id: str) -> str:
    return record_id[:13]


def line(record: Record, text: str) -> str:
    return f"{record.id}  {text}"


def field_lines(pairs: list[tuple[str, object]]) -> list[str]:
    width = max((len(k) for k, _ in pairs), default=0)
    return [f"{k.ljust(width)}  {v}" for k, v in pairs if v not in (None, "", [])]
