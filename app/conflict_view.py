"""Open conflicts as a person reviews them: which record (by its name, never its id), the
two versions side by side, and only the fields in which they differ.

Why the sides come from `conflicts._choose`: "this laptop" and "the other laptop" must
be exactly what `resolve(..., "mine")` and `resolve(..., "theirs")` keep, so a click on a
side's button can never keep the other one. When neither version was written here (two
other laptops clashed), "mine" is the version this laptop shows now: `made_here` says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tumar.storage import orphans, record_titles
from tumar.storage.archive import Archive
from tumar.storage.errors import RecordNotFound
from tumar.storage.sync_store import origin, record_versions

from .history import diff
from .sync import conflicts
from .text_diff import Piece, word_diff

#: the column whose text names a record of this kind (besides those titled by reference)
_OWN_TITLE = {
    "person": ("display_name",),
    "person_name": ("name",),
    "case_file": ("title",),
    "event": ("description", "place", "date"),
    "note": ("text",),
    "tag": ("name",),
    "media": ("caption", "original_name"),
    "team_member": ("label", "recipient"),
}
#: kinds named after the record they point at (a testimony by its witness …)
_TITLE_BY = {
    "case_person": "person_id",
    "event_person": "person_id",
    "testimony": "witness_id",
    "testimony_case": "testimony_id",
    "translation": "testimony_id",
    "tagging": "tag_id",
    "media_link": "media_id",
}


@dataclass(frozen=True)
class Side:
    """One of the two clashing versions."""

    held: bool  # False: the version has not reached this laptop (nothing to show or keep)
    made_here: bool  # written on this laptop
    deleted: bool  # a tombstone: this side deleted the record
    edited_at: str  # ISO time of the edit or deletion ("" when not held)


@dataclass(frozen=True)
class Difference:
    field: str
    mine: Any  # references (witness_id …) are given as the record's title
    theirs: Any


@dataclass(frozen=True)
class ConflictView:
    id: int  # what resolve() takes
    table: str
    title: str  # record content: a name, a title, the start of a note
    found_at: str  # ISO time the merge found it
    mine: Side  # what resolve(id, "mine") keeps
    theirs: Side  # what resolve(id, "theirs") keeps
    differences: tuple[Difference, ...]  # visible fields only; "deleted" is in the sides
    goes_with_it: tuple[str, ...] = ()  # kinds a kept deletion takes along (notes, events)


def _side(archive: Archive, conflict: conflicts.Conflict, keep: str) -> tuple[Side, dict | None]:
    try:
        data = conflicts._choose(archive, conflict, keep)  # resolve's own rule
    except RecordNotFound:
        return Side(False, False, False, ""), None
    made_here = origin(str(data["hlc"])) == archive.replica_id
    return Side(True, made_here, bool(data["deleted"]), str(data["updated_at"] or "")), data


def _title(archive: Archive, table: str, data: dict[str, Any]) -> str:
    conn = archive.records_db
    column = _TITLE_BY.get(table)
    if column is not None:
        target = record_titles.REFERENCES[column]
        return record_titles.title_of(conn, target, str(data.get(column) or "")) or ""
    for name in _OWN_TITLE.get(table, ()):
        if data.get(name):
            return str(data[name])
    return ""


def _shown(archive: Archive, name: str, value: Any) -> Any:
    """A reference becomes the title of what it points at; everything else as stored."""
    target = record_titles.REFERENCES.get(name)
    if target is None or not value:
        return value
    return record_titles.title_of(archive.records_db, target, str(value)) or value


def describe(archive: Archive, conflict: conflicts.Conflict) -> ConflictView:
    mine, mine_data = _side(archive, conflict, "mine")
    theirs, theirs_data = _side(archive, conflict, "theirs")
    current = record_versions(archive.records_db, conflict.table, conflict.record_id)
    named = mine_data or theirs_data or next(iter(current.values()), {})
    differences: list[Difference] = []
    if mine_data is not None and theirs_data is not None:
        for change in diff(conflict.table, mine_data, theirs_data):
            if change.field == "deleted":
                continue  # shown by the sides themselves
            differences.append(
                Difference(
                    change.field,
                    _shown(archive, change.field, change.before),
                    _shown(archive, change.field, change.after),
                )
            )
    return ConflictView(
        id=conflict.id,
        table=conflict.table,
        title=_title(archive, conflict.table, named),
        found_at=conflict.found_at,
        mine=mine,
        theirs=theirs,
        differences=tuple(differences),
        goes_with_it=tuple(
            child
            for child, owners in orphans.OWNED_BY.items()
            if any(owner == conflict.table for _column, owner in owners)
        ),
    )


def open_conflict_views(archive: Archive) -> list[ConflictView]:
    """Every open conflict, oldest first, ready to be shown."""
    return [describe(archive, c) for c in conflicts.open_conflicts(archive)]


def word_marks(view: ConflictView, change: Difference) -> tuple[list[Piece], list[Piece]] | None:
    """The words in which a long text edited on both sides differs (app.text_diff), for
    the window to mark and `tumar conflicts show` to bracket; None for anything else."""
    if view.mine.deleted or view.theirs.deleted:
        return None
    if not (isinstance(change.mine, str) and isinstance(change.theirs, str)):
        return None
    return word_diff(change.mine, change.theirs)
