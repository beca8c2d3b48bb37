"""Deleting a case, person or testimony takes the notes (and a case's events) attached to
it: tombstones with kept versions and audit entries, gone from search, deadlines and lists;
records linked to it from elsewhere stay."""

from __future__ import annotations

from tumar.app import cases, edits, history, people, search, testimonies
from tumar.app.deadlines import upcoming
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.records import Event, Note


def _found(archive: Archive, text: str) -> list[str]:
    return [hit.record_id for hit in search.search(archive, search.SearchQuery(text))]


def _gone_with_history(archive: Archive, cls, table: str, record_id: str) -> None:  # noqa: ANN001
    assert archive.repo.get(cls, record_id, include_deleted=True).deleted
    actions = [e.action for e in history.record_history(archive, table, record_id)]
    assert actions[0] == "delete" and "create" in actions


def test_each_owner_takes_its_notes_and_a_case_its_events(new_archive: Archive) -> None:
    a = new_archive
    witness = people.add_person(a, "Murager Alimuly").person.id
    case = cases.add_case(a, "Zaisan hearing").id
    other = cases.add_case(a, "Almaty appeal").id
    hearing = cases.add_event(a, case, "hearing", "2031-05-02").id
    kept_event = cases.add_event(a, other, "hearing", "2031-06-01").id
    testimony = testimonies.add_testimony(a, witness, "They took my brother.", case_ids=[case])
    notes = {
        "case": testimonies.add_note(a, "xylophone case remark", case_id=case).id,
        "person": testimonies.add_note(a, "xylophone person remark", person_id=witness).id,
        "testimony": testimonies.add_note(
            a, "xylophone testimony remark", testimony_id=testimony.id
        ).id,
        "other": testimonies.add_note(a, "xylophone other remark", case_id=other).id,
    }
    assert set(_found(a, "xylophone")) == set(notes.values())
    assert {d.event.id for d in upcoming(a)} == {hearing, kept_event}

    cases.delete_case(a, case)
    _gone_with_history(a, Event, "event", hearing)
    _gone_with_history(a, Note, "note", notes["case"])
    assert {d.event.id for d in upcoming(a)} == {kept_event}
    assert a.repo.get(Note, notes["testimony"]).text  # the testimony's own note stays
    edits.delete_testimony(a, testimony.id)
    _gone_with_history(a, Note, "note", notes["testimony"])
    people.delete_person(a, witness)
    _gone_with_history(a, Note, "note", notes["person"])

    assert _found(a, "xylophone") == [notes["other"]]
    assert a.repo.find(Event, {"case_id": other})[0].id == kept_event
    assert verify_archive(a).ok
