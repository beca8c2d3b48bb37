"""Edits the window offers that the first services lacked: a person's single names, a
case's people, events, testimonies and notes changed or removed one at a time.

Each goes through the Repository like every other write (history copy, audit entry,
search index), validates its target exists and is live, and runs in one transaction.
The CLI's commands keep using people/cases/testimonies; these sit beside them.
"""

from __future__ import annotations

from tumar.app.cascade import delete_attached
from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.errors import InvalidInput
from tumar.storage.records import (
    CasePerson,
    Event,
    EventPerson,
    Note,
    PersonName,
    Testimony,
    TestimonyCase,
    Translation,
)

from . import cases


def edit_name(archive: Archive, name_id: str, **changes: object) -> PersonName:
    return archive.repo.update_fields(PersonName, name_id, changes)


def remove_name(archive: Archive, name_id: str) -> PersonName:
    """Tombstone one spelling; a person keeps at least one name."""
    repo = archive.repo
    name = repo.get(PersonName, name_id)
    if len(repo.find(PersonName, {"person_id": name.person_id})) <= 1:
        raise InvalidInput("A person needs at least one name; add another before removing this")
    return repo.delete(PersonName, name_id)


def unlink_person(archive: Archive, link_id: str) -> CasePerson:
    return archive.repo.delete(CasePerson, link_id)


def set_role(archive: Archive, link_id: str, role: str) -> CasePerson:
    return archive.repo.update_fields(CasePerson, link_id, {"role": role})


def edit_event(
    archive: Archive, event_id: str, *, people: list[str] | None = None, **changes: object
) -> Event:
    """Change an event's fields; with `people`, its linked people become exactly those."""
    repo = archive.repo
    with transaction(repo.conn):
        event = (
            repo.update_fields(Event, event_id, changes) if changes else repo.get(Event, event_id)
        )
        if people is not None:
            links = repo.find(EventPerson, {"event_id": event_id})
            for link in links:
                if link.person_id not in people:
                    repo.delete(EventPerson, link.id)
            have = {link.person_id for link in links}
            for person_id in people:
                if person_id not in have:
                    repo.insert(EventPerson(event_id=event_id, person_id=person_id))
    return event


def delete_event(archive: Archive, event_id: str) -> Event:
    return archive.repo.delete(Event, event_id)


def event_people(archive: Archive, event_id: str) -> list[str]:
    return [link.person_id for link in archive.repo.find(EventPerson, {"event_id": event_id})]


def add_event(archive: Archive, case_id: str, kind: str, date: str, **fields: object) -> Event:
    return cases.add_event(archive, case_id, kind, date, **fields)  # type: ignore[arg-type]


def edit_testimony(
    archive: Archive, testimony_id: str, *, case_ids: list[str] | None = None, **changes: object
) -> Testimony:
    """Change a testimony's fields; with `case_ids`, its cases become exactly those.
    Withdrawing consent has its own service (testimonies.withdraw_consent)."""
    if changes.get("consent_withdrawn"):
        raise InvalidInput("Withdraw consent with its own action, so the reason is clear")
    repo = archive.repo
    with transaction(repo.conn):
        testimony = repo.update_fields(Testimony, testimony_id, changes) if changes else (
            repo.get(Testimony, testimony_id)
        )  # fmt: skip
        if case_ids is not None:
            links = repo.find(TestimonyCase, {"testimony_id": testimony_id})
            for link in links:
                if link.case_id not in case_ids:
                    repo.delete(TestimonyCase, link.id)
            have = {link.case_id for link in links}
            for case_id in case_ids:
                if case_id not in have:
                    repo.insert(TestimonyCase(testimony_id=testimony_id, case_id=case_id))
    return testimony


def edit_translation(archive: Archive, translation_id: str, **changes: object) -> Translation:
    return archive.repo.update_fields(Translation, translation_id, changes)


def remove_translation(archive: Archive, translation_id: str) -> Translation:
    return archive.repo.delete(Translation, translation_id)


def edit_note(archive: Archive, note_id: str, text: str) -> Note:
    return archive.repo.update_fields(Note, note_id, {"text": text})


def delete_note(archive: Archive, note_id: str) -> Note:
    return archive.repo.delete(Note, note_id)


def delete_testimony(archive: Archive, testimony_id: str) -> Testimony:
    """Tombstone a testimony, its translations and its notes (like a person and their
    names); the links to cases stay so the history still reads whole, and every version
    is kept."""
    repo = archive.repo
    with transaction(repo.conn):
        for translation in repo.find(Translation, {"testimony_id": testimony_id}):
            repo.delete(Translation, translation.id)
        delete_attached(repo, "testimony_id", testimony_id)
        return repo.delete(Testimony, testimony_id)
