"""Testimonies, their translations and consent, and notes.

Consent travels with the testimony because it decides what any export may show; a
withdrawal is an update like any other, so the earlier consent stays in history.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.records import (
    Case,
    Note,
    Person,
    Testimony,
    TestimonyCase,
    Translation,
)


@dataclass(frozen=True)
class Consent:
    scope: str = "none"
    date: str | None = None
    how: str = ""
    withdrawn: bool = False


@dataclass
class TestimonyDetail:
    testimony: Testimony
    witness: Person
    case_ids: list[str] = field(default_factory=list)
    translations: list[Translation] = field(default_factory=list)


def add_testimony(
    archive: Archive,
    witness_id: str,
    text: str,
    *,
    case_ids: list[str] | None = None,
    language: str = "",
    recorded_at: str | None = None,
    recorded_where: str = "",
    recorded_by: str = "",
    source: str = "",
    consent: Consent | None = None,
) -> Testimony:
    repo = archive.repo
    consent = consent or Consent()
    repo.get(Person, witness_id)
    with transaction(repo.conn):
        testimony = repo.insert(
            Testimony(
                witness_id=witness_id,
                text=text,
                language=language,
                recorded_at=recorded_at,
                recorded_where=recorded_where,
                recorded_by=recorded_by,
                source=source,
                consent_scope=consent.scope,
                consent_date=consent.date,
                consent_how=consent.how,
                consent_withdrawn=consent.withdrawn,
            )
        )
        for case_id in case_ids or []:
            repo.get(Case, case_id)
            repo.insert(TestimonyCase(testimony_id=testimony.id, case_id=case_id))
    return testimony


def add_translation(
    archive: Archive, testimony_id: str, language: str, text: str, translator: str = ""
) -> Translation:
    archive.repo.get(Testimony, testimony_id)
    return archive.repo.insert(
        Translation(testimony_id=testimony_id, language=language, text=text, translator=translator)
    )


def withdraw_consent(archive: Archive, testimony_id: str) -> Testimony:
    testimony = archive.repo.get(Testimony, testimony_id)
    testimony.consent_withdrawn = True
    return archive.repo.update(testimony)


def get_testimony(archive: Archive, testimony_id: str) -> TestimonyDetail:
    repo = archive.repo
    testimony = repo.get(Testimony, testimony_id)
    return TestimonyDetail(
        testimony,
        repo.get(Person, testimony.witness_id, include_deleted=True),
        [link.case_id for link in repo.find(TestimonyCase, {"testimony_id": testimony_id})],
        repo.find(Translation, {"testimony_id": testimony_id}),
    )


def list_testimonies(archive: Archive) -> list[Testimony]:
    return archive.repo.find(Testimony, order_by="recorded_at")


def add_note(
    archive: Archive,
    text: str,
    *,
    case_id: str | None = None,
    person_id: str | None = None,
    testimony_id: str | None = None,
) -> Note:
    repo = archive.repo
    for cls, record_id in ((Case, case_id), (Person, person_id), (Testimony, testimony_id)):
        if record_id:
            repo.get(cls, record_id)
    return repo.insert(
        Note(text=text, case_id=case_id, person_id=person_id, testimony_id=testimony_id)
    )
