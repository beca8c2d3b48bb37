"""A record's history in plain terms: who did what when, and which fields changed.

Why pair audit entries with versions by hash rather than by position: a merge entry
vouches for a version that already existed, and a synced version may arrive from another
replica; the hash is what the audit log actually promises, so the view shows exactly
what `verify` checks. Child records that users think of as part of the record (a
person's names, a testimony's translations, a case's people) are included, labelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tumar.storage import history_repo
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput, RecordNotFound
from tumar.storage.records import BY_TABLE, ENVELOPE

#: parent table -> (child table, column naming the parent)
CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "person": (("person_name", "person_id"),),
    "testimony": (("translation", "testimony_id"), ("testimony_case", "testimony_id")),
    "case_file": (("case_person", "case_id"), ("event", "case_id")),
}
_HIDDEN = set(ENVELOPE)


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class HistoryEntry:
    seq: int  # audit sequence number
    at: str  # ISO time of the write
    device: str  # replica that wrote it
    action: str  # create | update | delete | merge | import
    table: str
    record_id: str
    changes: tuple[FieldChange, ...]  # against the previous version; all fields on create
    version: dict[str, Any] | None  # the record as that entry left it (None if not kept)


def _visible(table: str, data: dict[str, Any]) -> dict[str, Any]:
    derived = set(BY_TABLE[table].DERIVED)
    return {k: v for k, v in data.items() if k not in _HIDDEN and k not in derived}


def diff(table: str, before: dict[str, Any] | None, after: dict[str, Any]) -> list[FieldChange]:
    """Fields whose value differs (every non-empty field when there was no `before`)."""
    new = _visible(table, after)
    old = _visible(table, before) if before is not None else {}
    changes = [
        FieldChange(name, old.get(name), value)
        for name, value in new.items()
        if (before is None and value not in (None, "", "[]", "{}", 0))
        or (before is not None and old.get(name) != value)
    ]
    if before is not None and bool(before.get("deleted")) != bool(after.get("deleted")):
        changes.append(FieldChange("deleted", bool(before["deleted"]), bool(after["deleted"])))
    return changes


def _one_record(archive: Archive, table: str, record_id: str) -> list[HistoryEntry]:
    conn = archive.records_db
    versions = history_repo.versions(conn, table, record_id)
    entries: list[HistoryEntry] = []
    used: set[int] = set()
    previous: dict[str, Any] | None = None
    for entry in history_repo.audit_entries(conn, table, record_id):
        wanted = entry.record_hash
        index = next(
            (i for i, v in enumerate(versions) if i not in used and v.rec_hash == wanted), None
        )
        if index is None:  # merge marker or a version not kept: no field changes to show
            entries.append(
                HistoryEntry(entry.seq, entry.at, entry.device, entry.action, table,
                             record_id, (), None)
            )  # fmt: skip
            continue
        used.add(index)
        data = versions[index].data
        changes = tuple(diff(table, previous, data))
        previous = data
        entries.append(
            HistoryEntry(entry.seq, entry.at, entry.device, entry.action, table, record_id,
                         changes, data)
        )  # fmt: skip
    return entries


def record_history(archive: Archive, table: str, record_id: str) -> list[HistoryEntry]:
    """Every audit entry of the record and its child records, newest first."""
    if table not in BY_TABLE:
        raise InvalidInput(f"'{table}' is not a kind of record")
    conn = archive.records_db
    if not history_repo.versions(conn, table, record_id):
        raise RecordNotFound(f"No {table.replace('_', ' ')} with id {record_id}")
    entries = _one_record(archive, table, record_id)
    for child_table, column in CHILDREN.get(table, ()):
        for child_id in history_repo.child_ids(conn, child_table, column, record_id):
            entries += _one_record(archive, child_table, child_id)
    return sorted(entries, key=lambda e: e.seq, reverse=True)
