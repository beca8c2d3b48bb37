"""Linking stored media after import and unlinking: tombstones, kept history, content untouched,
and the consent policy follows the links that are live."""

from __future__ import annotations

from pathlib import Path

import pytest

from tumar.app import cases, people, testimonies
from tumar.app.media import catalog, export_policy
from tumar.app.media.importer import import_files
from tumar.app.media.links import link_media, unlink_media
from tumar.app.testimonies import Consent
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput, RecordNotFound
from tumar.storage.media_store import MediaStore
from tumar.storage.records import MediaLink

from .media_support import noise_jpeg, write


@pytest.fixture
def media_id(new_archive: Archive, tmp_path: Path) -> str:
    report = import_files(new_archive, [write(tmp_path / "p.jpg", noise_jpeg(64, 48))])
    return report.results[0].media.id


def _linked(archive: Archive, media_id: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (link.case_id, link.person_id, link.testimony_id)
        for link in catalog.media_detail(archive, media_id).links
    ]


def test_link_then_unlink_keeps_media_and_history(new_archive: Archive, media_id: str) -> None:
    case = cases.add_case(new_archive, "Zaisan hearing").id
    other = cases.add_case(new_archive, "Wrong case").id
    link_media(new_archive, media_id, "case", other)
    link_media(new_archive, media_id, "case", case)
    assert link_media(new_archive, media_id, "case", case).case_id == case  # no second link
    assert sorted(_linked(new_archive, media_id)) == sorted(
        [(other, None, None), (case, None, None)]
    )
    assert [m.id for m in catalog.list_media(new_archive, case_id=other)] == [media_id]

    (gone,) = unlink_media(new_archive, media_id, "case", other)
    assert gone.deleted
    assert _linked(new_archive, media_id) == [(case, None, None)]
    assert catalog.list_media(new_archive, case_id=other) == []
    sha = catalog.media_detail(new_archive, media_id).media.sha256
    assert MediaStore(new_archive.media_db).info(sha) is not None  # the content is never touched
    row = new_archive.records_db.execute(
        "SELECT deleted FROM media_link WHERE id = ?", (gone.id,)
    ).fetchone()
    assert row[0] == 1  # a tombstone, not a removed row
    kept = new_archive.records_db.execute(
        "SELECT count(*) FROM record_history WHERE table_name = 'media_link' AND record_id = ?",
        (gone.id,),
    ).fetchone()[0]
    assert kept == 1
    assert verify_archive(new_archive).ok


def test_unlink_what_is_not_linked_changes_nothing(new_archive: Archive, media_id: str) -> None:
    case = cases.add_case(new_archive, "Zaisan hearing").id
    before = new_archive.records_db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    with pytest.raises(InvalidInput, match="is not linked"):
        unlink_media(new_archive, media_id, "case", case)
    with pytest.raises(InvalidInput, match="not shelf"):
        link_media(new_archive, media_id, "shelf", case)
    with pytest.raises(RecordNotFound):
        link_media(new_archive, media_id, "person", case)  # a case id is no person
    after = new_archive.records_db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    assert after == before
    assert new_archive.repo.find(MediaLink, include_deleted=True) == []


def test_deleted_target_gets_no_link(new_archive: Archive, media_id: str) -> None:
    person = people.add_person(new_archive, "Kaster Musakhan").person.id
    people.delete_person(new_archive, person)
    with pytest.raises(RecordNotFound, match="deleted"):
        link_media(new_archive, media_id, "person", person)


def test_consent_follows_live_links(new_archive: Archive, media_id: str) -> None:
    witness = people.add_person(new_archive, "Witness A").person.id
    refused = testimonies.add_testimony(
        new_archive, witness, "What I saw.", consent=Consent("none")
    ).id
    allowed = testimonies.add_testimony(
        new_archive, witness, "Again.", consent=Consent("lawyer_only")
    ).id
    link_media(new_archive, media_id, "testimony", refused)
    media = catalog.media_detail(new_archive, media_id).media
    assert export_policy.consent_refusal(new_archive, media) is not None
    link_media(new_archive, media_id, "testimony", allowed)
    assert export_policy.consent_refusal(new_archive, media) is None
    unlink_media(new_archive, media_id, "testimony", allowed)
    assert export_policy.consent_refusal(new_archive, media) is not None
