"""Concurrent edits found by merges, and settling one (itself an audited edit).

`--keep mine` keeps this laptop's version, `theirs` the other side's, or a VERSION (an HLC
or its first characters) any kept version of the record. Settling writes a new version
with the chosen content, whose `resolves` mark travels with it, so the conflict is closed
on every laptop that merges it. Either side may be a tombstone: keeping a deleted side
writes a new tombstone (the decision, with its own HLC), keeping an edit over a deletion
brings the record back; the replaced version is kept in history either way. A note or event
whose case, person or testimony is deleted stays deleted with the chosen content (app/cascade:
a live one on a deleted owner would only be deleted again by the next merge), and keeping the
deletion of a case, person or testimony deletes its notes and events with it, as locally.
"""

from __future__ import annotations

from dataclasses import dataclass

from tumar.app.cascade import OWNER_COLUMN, delete_attached
from tumar.storage import orphans, sync_store
from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.errors import InvalidInput, RecordNotFound
from tumar.storage.records import BY_TABLE, ENVELOPE
from tumar.storage.repository import from_row
from tumar.storage.sync_store import origin


@dataclass(frozen=True)
class Conflict:
    id: int
    table: str
    record_id: str
    winner_hlc: str
    loser_hlc: str
    found_at: str


def open_conflicts(archive: Archive) -> list[Conflict]:
    return [Conflict(*row) for row in sync_store.open_conflicts(archive.records_db)]


def _choose(archive: Archive, conflict: Conflict, keep: str) -> dict:
    versions = sync_store.record_versions(archive.records_db, conflict.table, conflict.record_id)
    if keep in ("mine", "theirs"):
        mine_first = origin(conflict.loser_hlc) == archive.replica_id
        pair = (conflict.loser_hlc, conflict.winner_hlc)
        if not mine_first:
            pair = (conflict.winner_hlc, conflict.loser_hlc)
        wanted = pair[0] if keep == "mine" else pair[1]
    else:
        matches = [h for h in versions if h.startswith(keep.strip())]
        if len(matches) != 1:
            raise InvalidInput("Give mine, theirs, or an unambiguous version (HLC) of the record")
        wanted = matches[0]
    if wanted not in versions:
        raise RecordNotFound("That version of the record is not held here")
    return versions[wanted]


def resolve(archive: Archive, conflict_id: int, keep: str) -> str:
    """Settle one conflict; returns the HLC of the new (settling) version."""
    conn = archive.records_db
    conflict = next((c for c in open_conflicts(archive) if c.id == conflict_id), None)
    if conflict is None:
        raise RecordNotFound(f"No open conflict #{conflict_id}; see `tumar conflicts`")
    chosen = _choose(archive, conflict, keep)
    cls = BY_TABLE[conflict.table]
    repo = archive.repo
    with transaction(conn):
        current = repo.get(cls, conflict.record_id, include_deleted=True)
        content = from_row(cls, chosen)
        for name in cls.columns():
            if name not in ENVELOPE:
                setattr(current, name, getattr(content, name))
        # always a new version, even when the kept side is a tombstone or already current:
        # the decision itself is an audited edit that reaches every laptop
        deleted = bool(chosen["deleted"]) or orphans.owner_deleted(conn, cls.TABLE, chosen)
        record = repo.restate(current, deleted=deleted)
        if deleted and conflict.table in OWNER_COLUMN:
            delete_attached(repo, OWNER_COLUMN[conflict.table], conflict.record_id)
        pair = [conflict.winner_hlc, conflict.loser_hlc]
        sync_store.mark_settled(
            conn, conflict.id, conflict.table, conflict.record_id, record.hlc, pair
        )
    return record.hlc
