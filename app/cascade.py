"""What deleting a case, person or testimony takes with it.

A note or an event belongs to the one record it is attached to: left live after that record
was deleted, it still turned up in search ("Note on <a deleted case>") and on timelines,
though nobody could reach it from a list any more. Each is tombstoned in the same
transaction as its owner, with its own audit entry and kept version, so the history still
reads whole and a sync carries every deletion. Links between records (a testimony's cases,
a case's people, media links) stay as they were: they belong to both sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from tumar.storage import orphans
from tumar.storage.records import BY_TABLE, Event, Note, Record
from tumar.storage.repository import Repository

#: the column that attaches a note (or event) to each kind of owner: one table of who
#: owns what (storage.orphans.OWNED_BY) serves the local cascade and the merge's rule
OWNER_COLUMN = {owner: column for column, owner in orphans.OWNED_BY["note"]}


def _attached(column: str) -> tuple[type[Record], ...]:
    """Only a case has events; notes hang on all three."""
    return tuple(
        BY_TABLE[child]
        for child, owners in orphans.OWNED_BY.items()
        if any(owned == column for owned, _ in owners)
    )


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


@dataclass(frozen=True)
class Orphans:
    """Notes and events a merge deleted with their deleted owner."""

    events: int = 0
    notes: int = 0

    def __bool__(self) -> bool:
        return bool(self.events or self.notes)


def delete_orphans(repo: Repository) -> Orphans:
    """The same rule across laptops: a note added (or an event edited) on one laptop while
    its owner was deleted on another meets the deletion only in a merge. Each live note and
    event whose owner is now a tombstone is deleted like delete_attached does it: a new
    version with its own HLC and audit entry, the live one kept in history.

    Call inside the merge's transaction, after the clock has seen the merged stamps, so
    each tombstone's HLC is above every merged version and wins on every laptop."""
    counts = {"event": 0, "note": 0}
    for table, record_id in orphans.live_orphans(repo.conn):
        repo.delete(BY_TABLE[table], record_id)
        counts[table] += 1
    return Orphans(counts["event"], counts["note"])
