"""Cases, the people in them, and their timeline of events."""

from __future__ import annotations

from dataclasses import dataclass, field

from tumar.app.cascade import delete_attached
from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.records import (
    Case,
    CasePerson,
    Event,
    EventPerson,
    Note,
    Person,
    Testimony,
    TestimonyCase,
)


@dataclass
class CaseDetail:
    case: Case
    people: list[tuple[CasePerson, Person]] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    testimonies: list[Testimony] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def add_case(
    archive: Archive,
    title: str,
    *,
    status: str = "open",
    jurisdiction: str = "",
    court: str = "",
    summary: str = "",
) -> Case:
    return archive.repo.insert(
        Case(
            title=title.strip(),
            status=status,
            jurisdiction=jurisdiction,
            court=court,
            summary=summary,
        )
    )


def link_person(archive: Archive, case_id: str, person_id: str, role: str) -> CasePerson:
    repo = archive.repo
    repo.get(Case, case_id)
    repo.get(Person, person_id)
    for link in repo.find(CasePerson, {"case_id": case_id, "person_id": person_id}):
        if link.role == role:
            return link
    return repo.insert(CasePerson(case_id=case_id, person_id=person_id, role=role))


def list_cases(archive: Archive) -> list[Case]:
    return archive.repo.find(Case, order_by="title")


def timeline(archive: Archive, case_id: str) -> list[Event]:
    """Events sorted by the earliest day their (possibly vague) date can mean."""
    events = archive.repo.find(Event, {"case_id": case_id})
    return sorted(events, key=lambda e: (e.date_lower or "9999", e.date_upper or "9999", e.id))


def get_case(archive: Archive, case_id: str) -> CaseDetail:
    repo = archive.repo
    case = repo.get(Case, case_id)
    people = []
    for link in repo.find(CasePerson, {"case_id": case_id}):
        person = repo.get(Person, link.person_id, include_deleted=True)
        if not person.deleted:
            people.append((link, person))
    testimonies = []
    for link in repo.find(TestimonyCase, {"case_id": case_id}):
        testimony = repo.get(Testimony, link.testimony_id, include_deleted=True)
        if not testimony.deleted:
            testimonies.append(testimony)
    return CaseDetail(
        case,
        people,
        timeline(archive, case_id),
        sorted(testimonies, key=lambda t: (t.recorded_at or "", t.id)),
        repo.find(Note, {"case_id": case_id}),
    )


def edit_case(archive: Archive, case_id: str, **changes: object) -> Case:
    return archive.repo.update_fields(Case, case_id, changes)


def delete_case(archive: Archive, case_id: str) -> Case:
    """Tombstones the case with its events and notes (app.cascade); links stay."""
    repo = archive.repo
    with transaction(repo.conn):
        delete_attached(repo, "case_id", case_id)
        return repo.delete(Case, case_id)


def add_event(
    archive: Archive,
    case_id: str,
    kind: str,
    date: str,
    *,
    place: str = "",
    description: str = "",
    source: str = "",
    people: list[str] | None = None,
) -> Event:
    repo = archive.repo
    repo.get(Case, case_id)
    with transaction(repo.conn):
        event = repo.insert(
            Event(
                case_id=case_id,
                kind=kind,
                date=date,
                place=place,
                description=description,
                source=source,
            )
        )
        for person_id in people or []:
            repo.get(Person, person_id)
            repo.insert(EventPerson(event_id=event.id, person_id=person_id))
    return event
