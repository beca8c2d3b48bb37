"""Deadlines: events whose date lies in the future, soonest first, with days left.

A vague future date ("2026-12") counts from its earliest possible day, because a
lawyer must prepare for the earliest moment a hearing can come.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tumar.storage.archive import Archive
from tumar.storage.records import Case, Event


@dataclass(frozen=True)
class Deadline:
    event: Event
    case: Case
    days_left: int


def upcoming(archive: Archive, today: dt.date | None = None) -> list[Deadline]:
    today = today or dt.date.today()
    repo = archive.repo
    cases = {c.id: c for c in repo.find(Case, include_deleted=True)}
    result = []
    for event in repo.find(Event, order_by="date_lower"):
        if not event.date_lower or event.date_lower < today.isoformat():
            continue
        case = cases.get(event.case_id)
        if case is None or case.deleted:
            continue
        days = (dt.date.fromisoformat(event.date_lower) - today).days
        result.append(Deadline(event, case, days))
    return sorted(result, key=lambda d: (d.event.date_lower, d.event.id))
