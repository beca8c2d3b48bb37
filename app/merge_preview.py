"""What a merge of two people would do, computed without writing anything.

Why: a merge cannot be undone by a button (it can only be reconstructed from history),
so the window shows the two records side by side and the exact list of records that
would move or be folded away, before the user confirms. The list is computed by the same
rules `duplicates.merge_people` applies, so the preview and the merge cannot disagree.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass

from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput
from tumar.storage.records import (
    Case,
    CasePerson,
    Person,
    PersonName,
    Record,
    Testimony,
)

from . import duplicates


@dataclass(frozen=True)
class SideBySide:
    """One field of the two people and what the kept person will have after the merge."""

    field: str  # display_name, names, birth_date, sex, risk_flags, notes, cases, testimonies
    keep: str
    drop: str
    merged: str


@dataclass(frozen=True)
class PlannedMove:
    table: str  # person_name, case_person, testimony, note, tagging, media_link, event_person
    record_id: str
    description: str  # what the record is, in words (a name, a case and role, a testimony)
    action: str  # "move" (re-pointed to the kept person) or "fold" (the kept one has it)


@dataclass(frozen=True)
class MergePreview:
    keep: Person
    drop: Person
    fields: tuple[SideBySide, ...]
    moves: tuple[PlannedMove, ...]

    def count(self, action: str) -> int:
        return sum(1 for m in self.moves if m.action == action)


def _names(archive: Archive, person_id: str) -> list[PersonName]:
    return archive.repo.find(PersonName, {"person_id": person_id})


def _case_roles(archive: Archive, person_id: str) -> list[str]:
    repo = archive.repo
    result = []
    for link in repo.find(CasePerson, {"person_id": person_id}):
        case = repo.get(Case, link.case_id, include_deleted=True)
        if not case.deleted:
            result.append(f"{case.title} ({link.role})")
    return sorted(result)


def _describe(archive: Archive, record: Record) -> str:
    repo = archive.repo
    if isinstance(record, PersonName):
        return record.name
    if isinstance(record, CasePerson):
        case = repo.get(Case, record.case_id, include_deleted=True)
        return f"{case.title} ({record.role})"
    if isinstance(record, Testimony):
        text = " ".join(record.text.split())
        return text[:80] + ("…" if len(text) > 80 else "")
    text = getattr(record, "text", "")
    if text:
        return " ".join(text.split())[:80]
    return record.id


def _lines(values: list[str]) -> str:
    return "\n".join(values)


def preview_merge(archive: Archive, keep_id: str, drop_id: str) -> MergePreview:
    """The merge `duplicates.merge_people(keep_id, drop_id)` would do; writes nothing."""
    if keep_id == drop_id:
        raise InvalidInput("A person cannot be merged with themselves")
    repo = archive.repo
    keep, drop = repo.get(Person, keep_id), repo.get(Person, drop_id)
    existing: dict[str, list[Record]] = defaultdict(list)
    for record, _column in duplicates._references(archive, keep_id):
        existing[record.TABLE].append(record)
    moves = []
    for record, column in duplicates._references(archive, drop_id):
        description = _describe(archive, record)
        moved = copy.copy(record)
        setattr(moved, column, keep_id)
        twin = record.TABLE not in duplicates._CONTENT_TABLES and any(
            duplicates._same_link(moved, other) for other in existing[record.TABLE]
        )
        if not twin:
            existing[record.TABLE].append(moved)
        moves.append(PlannedMove(record.TABLE, record.id, description, "fold" if twin else "move"))
    merged = duplicates._merged_fields(copy.deepcopy(keep), drop)
    keep_names = [n.name for n in _names(archive, keep_id)]
    drop_names = [n.name for n in _names(archive, drop_id)]
    all_names = keep_names + [
        m.description for m in moves if m.table == "person_name" and m.action == "move"
    ]
    keep_cases, drop_cases = _case_roles(archive, keep_id), _case_roles(archive, drop_id)
    keep_t = len(repo.find(Testimony, {"witness_id": keep_id}))
    drop_t = len(repo.find(Testimony, {"witness_id": drop_id}))
    fields = (
        SideBySide("display_name", keep.display_name, drop.display_name, merged.display_name),
        SideBySide("names", _lines(keep_names), _lines(drop_names), _lines(all_names)),
        SideBySide("birth_date", keep.birth_date or "", drop.birth_date or "",
                   merged.birth_date or ""),
        SideBySide("sex", keep.sex or "", drop.sex or "", merged.sex or ""),
        SideBySide("risk_flags", ", ".join(keep.risk_flags), ", ".join(drop.risk_flags),
                   ", ".join(merged.risk_flags)),
        SideBySide("notes", keep.notes, drop.notes, merged.notes),
        SideBySide("cases", _lines(keep_cases), _lines(drop_cases),
                   _lines(sorted(set(keep_cases) | set(drop_cases)))),
        SideBySide("testimonies", str(keep_t), str(drop_t), str(keep_t + drop_t)),
    )  # fmt: skip
    return MergePreview(keep, drop, fields, tuple(moves))
