"""The event editor links people to an event (the service behind `tumar event add
--person`), and person pickers search as you type, so a person far beyond the first
thousand is found and an existing link to them is shown, not silently replaced."""

from __future__ import annotations

from tumar.app import cases, edits, people, testimonies
from tumar.storage.connection import transaction
from tumar.storage.records import EventPerson
from tumar.widgets.editors.event_editor import EventEditor
from tumar.widgets.editors.pickers import person_picker
from tumar.widgets.pages.cases import CasesPage
from tumar.widgets.pages.testimonies import TestimoniesPage


def _page(qtbot, session, case_id: str) -> CasesPage:
    page = CasesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.refresh()
    page.show_record("case", case_id)
    return page


def test_event_editor_links_and_unlinks_people(qtbot, session_factory, shot) -> None:
    session = session_factory()
    archive = session.archive
    aiman = people.add_person(archive, "Aiman Umarova").person
    bolat = people.add_person(archive, "Bolat Serikuly").person
    case = cases.add_case(archive, "Zaisan hearing")
    page = _page(qtbot, session, case.id)
    page.edit("event", None)
    editor = page._editor
    assert isinstance(editor, EventEditor)
    editor.date.setText("2019-10-14")
    for person in (aiman, bolat):
        editor.add_person_button.click()
        editor.people.cellWidget(editor.people.rowCount() - 1, 0).select(person.id)
    shot(page, "pages_event_editor_people")
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        assert editor.save()
    event_id = saved.args[0]
    assert sorted(edits.event_people(archive, event_id)) == sorted([aiman.id, bolat.id])
    qtbot.waitUntil(lambda: "Bolat Serikuly" in page.detail.text())  # on the case's timeline

    page.edit("event", event_id)
    editor = page._editor
    shown = [editor.people.cellWidget(r, 0).record_id() for r in range(editor.people.rowCount())]
    assert sorted(shown) == sorted([aiman.id, bolat.id]) and not editor.dirty
    editor.people.setCurrentCell(shown.index(bolat.id), 0)
    editor.remove_person_button.click()
    assert editor.dirty
    assert editor.save()
    assert edits.event_people(archive, event_id) == [aiman.id]
    removed = archive.repo.find(EventPerson, {"person_id": bolat.id}, include_deleted=True)
    assert [link.deleted for link in removed] == [True]  # a tombstone, kept in history


def test_an_empty_person_row_is_an_error_next_to_the_field(qtbot, session_factory) -> None:
    session = session_factory()
    case = cases.add_case(session.archive, "Zaisan hearing")
    page = _page(qtbot, session, case.id)
    page.edit("event", None)
    editor = page._editor
    editor.date.setText("2019")
    editor.add_person_button.click()
    editor.people.cellWidget(0, 0).setEditText("nobody by this name")
    assert not editor.save()
    assert editor._errors["people"].text()
    assert session.archive.repo.find(EventPerson) == []


def test_picker_finds_a_person_beyond_the_first_thousand(qtbot, session_factory) -> None:
    session = session_factory()
    archive = session.archive
    with transaction(archive.repo.conn):
        for i in range(1003):
            people.add_person(archive, f"Person {i:04d}")
        target = people.add_person(archive, "Zhuldyz Target").person  # sorts last
    picker = person_picker(archive)
    qtbot.addWidget(picker)
    picker.show()
    assert picker.count() <= 100  # one small page, not the whole table
    picker.lineEdit().selectAll()  # typing replaces the first person shown
    qtbot.keyClicks(picker.lineEdit(), "Targ")
    qtbot.waitUntil(lambda: picker.findText("Zhuldyz Target") >= 0, timeout=5000)
    assert picker.lineEdit().text() == "Targ"  # what the user typed stays
    picker.setCurrentIndex(picker.findText("Zhuldyz Target"))
    assert picker.record_id() == target.id

    again = person_picker(archive)  # an event already linked to that person
    qtbot.addWidget(again)
    again.select(target.id)
    assert again.currentText() == "Zhuldyz Target" and again.record_id() == target.id


def test_testimony_cases_beyond_the_first_thousand(qtbot, session_factory) -> None:
    session = session_factory()
    archive = session.archive
    witness = people.add_person(archive, "Murager Alimuly").person
    with transaction(archive.repo.conn):
        for i in range(1001):
            cases.add_case(archive, f"Case {i:04d}")
        far = cases.add_case(archive, "Zaisan hearing")  # sorts after every other title
    first = cases.add_case(archive, "Almaty appeal")
    testimony = testimonies.add_testimony(archive, witness.id, "Text.", case_ids=[far.id])
    page = TestimoniesPage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.edit("testimony", testimony.id)
    editor = page._editor
    assert editor.cases.ids() == [far.id] and not editor.dirty  # shown, not dropped
    picker = editor.cases.picker
    qtbot.keyClicks(picker.lineEdit(), "Almaty")
    qtbot.waitUntil(lambda: picker.findText("Almaty appeal") >= 0, timeout=5000)
    picker.setCurrentIndex(picker.findText("Almaty appeal"))
    editor.cases.add_button.click()
    assert editor.dirty and editor.cases.ids() == [far.id, first.id]
    editor.cases.list.setCurrentRow(0)
    editor.cases.remove_button.click()
    assert editor.save()
    assert testimonies.get_testimony(archive, testimony.id).case_ids == [first.id]


def test_a_search_pending_when_the_editor_closes_never_runs(qtbot, session_factory) -> None:
    session = session_factory()
    case = cases.add_case(session.archive, "Zaisan hearing")
    page = _page(qtbot, session, case.id)
    page.edit("event", None)
    editor = page._editor
    editor.add_person_button.click()
    picker = editor.people.cellWidget(0, 0)
    qtbot.keyClicks(picker.lineEdit(), "Ai")
    assert picker._timer.isActive()
    page.clear()  # what locking does to every page
    assert not picker._timer.isActive()


def test_a_name_typed_in_full_counts_without_waiting(qtbot, session_factory) -> None:
    session = session_factory()
    with transaction(session.archive.repo.conn):
        for i in range(60):
            people.add_person(session.archive, f"Person {i:04d}")
    target = people.add_person(session.archive, "Zhuldyz Target").person
    picker = person_picker(session.archive)
    qtbot.addWidget(picker)
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), "Zhuldyz Target")
    assert picker._timer.isActive()
    assert picker.record_id() == target.id  # Save pressed before the search ran
