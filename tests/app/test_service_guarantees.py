"""Use-case promises with exact expectations: all of a testimony or none of it, and a
consent date that must be a date."""

from __future__ import annotations

import pytest

from tumar.app import cases, people, testimonies
from tumar.app import search as S
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput, RecordNotFound
from tumar.storage.records import Case

TABLES = ("testimony", "testimony_case", "audit_log", "record_history", "search_doc")


def counts(archive: Archive) -> dict[str, int]:
    one = archive.records_db.execute
    return {t: one(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608


def test_testimony_with_a_deleted_case_leaves_nothing_stored(new_archive: Archive) -> None:
    witness = people.add_person(new_archive, "Aiman Sabit").person
    live = cases.add_case(new_archive, "Zaisan hearing")
    gone = cases.add_case(new_archive, "Dropped case")
    new_archive.repo.delete(Case, gone.id)
    before = counts(new_archive)
    with pytest.raises(RecordNotFound):
        testimonies.add_testimony(
            new_archive, witness.id, "They took him at night.", case_ids=[live.id, gone.id]
        )
    assert counts(new_archive) == before
    assert S.search(new_archive, S.SearchQuery("night")) == []
    kept = testimonies.add_testimony(new_archive, witness.id, "At night.", case_ids=[live.id])
    assert counts(new_archive)["testimony_case"] == before["testimony_case"] + 1
    assert [r.record_id for r in S.search(new_archive, S.SearchQuery("night"))] == [kept.id]


@pytest.mark.parametrize("date", ["soon", "2019-13-01", "yesterday", "2019-02-30"])
def test_consent_date_must_be_a_date(new_archive: Archive, date: str) -> None:
    witness = people.add_person(new_archive, "Aiman Sabit").person
    before = counts(new_archive)
    with pytest.raises(InvalidInput, match="date"):
        testimonies.add_testimony(
            new_archive, witness.id, "Statement.",
            consent=testimonies.Consent("lawyer_only", date=date),
        )  # fmt: skip
    assert counts(new_archive) == before


def test_consent_date_is_kept_as_typed(new_archive: Archive) -> None:
    witness = people.add_person(new_archive, "Aiman Sabit").person
    t = testimonies.add_testimony(
        new_archive, witness.id, "Statement.",
        consent=testimonies.Consent("lawyer_only", date="2019-10?", how="signed form"),
    )  # fmt: skip
    assert (t.consent_scope, t.consent_date, t.consent_how) == ("lawyer_only", "2019-10?",
                                                                "signed form")  # fmt: skip
