"""The generic repository: history, tombstones, HLC order, validation, derived columns."""

from __future__ import annotations

import pytest

from tumar.storage import audit
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput, RecordNotFound
from tumar.storage.hlc import Timestamp
from tumar.storage.ids import is_record_id
from tumar.storage.records import (
    Case,
    CasePerson,
    Event,
    Note,
    Person,
    PersonName,
    Testimony,
)


def test_insert_fills_envelope(new_archive: Archive) -> None:
    person = new_archive.repo.insert(Person(display_name="Murager Alimuly"))
    assert is_record_id(person.id)
    assert person.created_at == person.updated_at
    assert Timestamp.parse(person.hlc).replica == new_archive.replica_id
    assert new_archive.repo.get(Person, person.id) == person


def test_update_keeps_every_previous_version(new_archive: Archive) -> None:
    repo = new_archive.repo
    person = repo.insert(Person(display_name="Tilek Tabarak"))
    first = repo.get(Person, person.id)
    person.notes = "lives in Panfilov village"
    repo.update(person)
    person.notes = "refugee status refused as of 2021-10"
    repo.update(person)
    history = repo.history(Person, person.id)
    assert [h.notes for h in history] == ["", "lives in Panfilov village"]
    assert history[0] == first
    current = repo.get(Person, person.id)
    assert current.notes == "refugee status refused as of 2021-10"
    assert current.created_at == first.created_at
    stamps = [Timestamp.parse(v.hlc) for v in (*history, current)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3


def test_delete_is_a_tombstone_with_history(new_archive: Archive) -> None:
    repo = new_archive.repo
    case = repo.insert(Case(title="Zharkent"))
    repo.delete(Case, case.id)
    with pytest.raises(RecordNotFound, match="deleted"):
        repo.get(Case, case.id)
    tomb = repo.get(Case, case.id, include_deleted=True)
    assert tomb.deleted and tomb.title == "Zharkent"
    assert repo.find(Case) == []
    assert [c.id for c in repo.find(Case, include_deleted=True)] == [case.id]
    assert repo.history(Case, case.id)[0].deleted is False
    with pytest.raises(InvalidInput, match="deleted"):
        repo.update(tomb)


def test_every_write_is_audited(new_archive: Archive) -> None:
    repo = new_archive.repo
    person = repo.insert(Person(display_name="A"))
    person.notes = "b"
    repo.update(person)
    repo.delete(Person, person.id)
    rows = new_archive.records_db.execute(
        "SELECT action, record_id FROM audit_log ORDER BY seq"
    ).fetchall()
    assert [tuple(r) for r in rows] == [(a, person.id) for a in ("create", "update", "delete")]
    report = audit.verify(new_archive.records_db)
    assert report.ok and report.entries == 3


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (Person(display_name="  "), "display name must not be empty"),
        (Person(display_name="X", birth_date="sometime"), "not a date"),
        (Case(title="T", status="pending"), "not a valid case status"),
        (Event(case_id="x", kind="party", date="2020"), "not a valid event kind"),
        (Event(case_id="x", kind="hearing", date="2020-02-30"), "not a date"),
        (Event(case_id="x", kind="hearing", date="2020/2019"), "ends before it starts|not a date"),
        (Testimony(witness_id="x", text="t", consent_scope="maybe"), "consent scope"),
        (Testimony(witness_id="x", text=""), "text must not be empty"),
        (Note(text="orphan"), "must belong to"),
        (CasePerson(case_id="x", person_id="y", role="boss"), "not a valid role"),
        (PersonName(person_id="x", name="N", script="Klingon"), "not a valid script"),
    ],
)
def test_invalid_records_are_refused_and_nothing_written(new_archive, record, message) -> None:
    before = new_archive.records_db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(InvalidInput, match=message):
        new_archive.repo.insert(record)
    after = new_archive.records_db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert after == before


def test_dangling_reference_rolls_back(new_archive: Archive) -> None:
    import sqlcipher3

    with pytest.raises(sqlcipher3.IntegrityError):
        new_archive.repo.insert(CasePerson(case_id="no-case", person_id="no-one", role="witness"))
    assert new_archive.repo.find(CasePerson) == []
    assert audit.verify(new_archive.records_db).entries == 0


def test_event_date_bounds_are_derived(new_archive: Archive) -> None:
    repo = new_archive.repo
    case = repo.insert(Case(title="Zaisan"))
    event = repo.insert(Event(case_id=case.id, kind="detention", date=" 2013-03/2017-11 "))
    assert (event.date, event.date_lower, event.date_upper) == (
        "2013-03/2017-11", "2013-03-01", "2017-11-30",
    )  # fmt: skip
    event.date_lower = "1900-01-01"  # derived values from input are never trusted
    event.date = "2019-10?"
    repo.update(event)
    stored = repo.get(Event, event.id)
    assert (stored.date_lower, stored.date_upper) == ("2019-10-01", "2019-10-31")


def test_folded_name_keys_are_derived(new_archive: Archive) -> None:
    repo = new_archive.repo
    person = repo.insert(Person(display_name="Tilek Tabarak"))
    cyr = repo.insert(PersonName(person_id=person.id, name="Тілек Табарақ", script="Cyrl"))
    lat = repo.insert(PersonName(person_id=person.id, name="Tlek Tabarik", kind="alias"))
    assert cyr.name_key and cyr.name_key == lat.name_key


def test_resolve_prefix(new_archive: Archive) -> None:
    repo = new_archive.repo
    person = repo.insert(Person(display_name="A"))
    assert repo.resolve_prefix(Person, person.id[:30]) == person.id
    with pytest.raises(RecordNotFound):
        repo.resolve_prefix(Person, "' OR 1=1 --")
    with pytest.raises(RecordNotFound):
        repo.resolve_prefix(Person, "ffff")


def test_hlc_survives_reopen(tmp_path, passphrase) -> None:
    from tumar.storage.kdf import fast_params

    archive, _ = Archive.create(tmp_path / "a.tumar", passphrase, fast_params())
    with archive:
        last = archive.repo.insert(Person(display_name="A")).hlc
    with Archive.open(tmp_path / "a.tumar", passphrase) as again:
        assert again.clock.now() > Timestamp.parse(last)


def test_update_fields_refuses_envelope_and_derived(new_archive: Archive) -> None:
    repo = new_archive.repo
    case = repo.insert(Case(title="Zaisan"))
    event = repo.insert(Event(case_id=case.id, kind="hearing", date="2020-01-21"))
    assert repo.update_fields(Case, case.id, {"court": "Zaisan"}).court == "Zaisan"
    refused = [(Case, case.id, "hlc"), (Case, case.id, "id"), (Event, event.id, "date_lower"),
               (Case, case.id, "nope")]  # fmt: skip
    for cls, record_id, field in refused:
        with pytest.raises(InvalidInput, match="cannot be edited"):
            repo.update_fields(cls, record_id, {field: "x"})
    assert repo.get(Case, case.id).court == "Zaisan"
