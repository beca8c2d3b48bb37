"""What deleting a case, person or testimony takes with it.

A note or an event belongs to the one record it is attached to: left live after that record
was deleted, it still turned up in search ("Note on <a deleted case>") and on timelines,
though nobody could reach it from a list any more. Each is tombstoned in the same
transaction as its owner, with its own audit entry and kept version, so the history still
reads whole and a sync carries every deletion. Links between records (a testimony's cases,
a case's people, media links) stay as they were: they belong to both sides.
"""

from __future__ import annotations

from tumar.storage.records import Event, Note, Record
from tumar.storage.repository import Repository


def _attached(column: str) -> tuple[type[Record], ...]:
    """Only a case has events; notes hang on all three."""
    return (Event, Note) if column == "case_id" else (Note,)


def delete_attached(repo: Repository, column: str, owner_id: str) -> int:
    """Tombstone the live notes (and, for a case, events) attached to `owner_id` through
    `column` ("case_id", "person_id" or "testimony_id"). Call inside the owner's
    transaction. Returns how many were deleted."""
    deleted = 0
    for cls in _attached(column):
        for record in repo.find(cls, {column: owner_id}):
            repo.delete(cls, record.id)
            deleted += 1
    return deleted


def attached_counts(repo: Repository, column: str, owner_id: str) -> tuple[int, int]:
    """(events, notes) a deletion of the owner would take with it, for a confirmation."""
    counts = {cls: len(repo.find(cls, {column: owner_id})) for cls in _attached(column)}
    return counts.get(Event, 0), counts[Note]
