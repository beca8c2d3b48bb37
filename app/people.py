"""People and their many names (scripts, transliterations, aliases)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tumar.app.cascade import delete_attached
from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.records import CasePerson, Person, PersonName


@dataclass(frozen=True)
class NameInput:
    name: str
    script: str = "Latn"
    kind: str = "legal"


@dataclass
class PersonDetail:
    person: Person
    names: list[PersonName] = field(default_factory=list)
    cases: list[CasePerson] = field(default_factory=list)


def guess_script(text: str) -> str:
    """Good-enough default when the user does not say which script a name is in."""
    for ch in text:
        code = ord(ch)
        if 0x0400 <= code <= 0x04FF:
            return "Cyrl"
        if 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFEFF:
            return "Arab"
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
            return "Hans"
    return "Latn"


def add_person(
    archive: Archive,
    display_name: str,
    *,
    names: list[NameInput] | None = None,
    birth_date: str | None = None,
    sex: str | None = None,
    notes: str = "",
    risk_flags: list[str] | None = None,
) -> PersonDetail:
    """The display name is also stored as the person's first (legal) name, so search and
    duplicate detection see it like any other spelling."""
    repo = archive.repo
    all_names = [NameInput(display_name.strip(), guess_script(display_name), "legal")]
    all_names += [n for n in names or [] if n.name.strip() != display_name.strip()]
    with transaction(repo.conn):
        person = repo.insert(
            Person(
                display_name=display_name.strip(),
                birth_date=birth_date,
                sex=sex,
                notes=notes,
                risk_flags=list(risk_flags or []),
            )
        )
        stored = [
            repo.insert(PersonName(person_id=person.id, name=n.name, script=n.script, kind=n.kind))
            for n in all_names
        ]
    return PersonDetail(person, stored)


def add_name(archive: Archive, person_id: str, name: NameInput) -> PersonName:
    archive.repo.get(Person, person_id)
    return archive.repo.insert(
        PersonName(person_id=person_id, name=name.name, script=name.script, kind=name.kind)
    )


def get_person(archive: Archive, person_id: str) -> PersonDetail:
    repo = archive.repo
    person = repo.get(Person, person_id)
    return PersonDetail(
        person,
        repo.find(PersonName, {"person_id": person_id}),
        repo.find(CasePerson, {"person_id": person_id}),
    )


def list_people(archive: Archive, include_deleted: bool = False) -> list[Person]:
    return archive.repo.find(Person, order_by="display_name", include_deleted=include_deleted)


def edit_person(archive: Archive, person_id: str, **changes: object) -> Person:
    """Only the given fields change; the previous version goes to history."""
    return archive.repo.update_fields(Person, person_id, changes)


def delete_person(archive: Archive, person_id: str) -> Person:
    """Tombstones the person, their names and the notes about them (app.cascade); links
    stay so history still makes sense."""
    repo = archive.repo
    with transaction(repo.conn):
        for name in repo.find(PersonName, {"person_id": person_id}):
            repo.delete(PersonName, name.id)
        delete_attached(repo, "person_id", person_id)
        return repo.delete(Person, person_id)
