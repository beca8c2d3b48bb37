"""Deleting from the window: a confirmation that names what goes and says the history is
kept (never a name in its title), then a tombstone and an audit entry written by the same
services as the CLI; Cancel changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from tumar.app import cases, history, people, testimonies
from tumar.app.people import NameInput
from tumar.storage.errors import RecordNotFound
from tumar.storage.records import Case, Event, Note, Person, PersonName, Testimony, Translation
from tumar.widgets.pages.cases import CasesPage
from tumar.widgets.pages.people import PeoplePage
from tumar.widgets.pages.testimonies import TestimoniesPage

from .pages_support import answer_next_modal, click_standard

seen: list[dict[str, str]] = []


def _confirm(name: str):
    """Check the confirmation's wording, then press Delete."""

    def choose(box) -> None:
        assert isinstance(box, QMessageBox)
        seen.append({"title": box.windowTitle(), "text": box.text(), "info": box.informativeText()})
        assert name not in box.windowTitle()
        assert name in box.text()
        assert "history" in box.informativeText()
        (delete,) = [b for b in box.buttons() if b.text() == "Delete"]
        delete.click()

    return choose


def _button(widget, text: str) -> QPushButton:
    (button,) = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    return button


def _deleted_with_history(archive, cls, table: str, record_id: str) -> None:
    with pytest.raises(RecordNotFound):
        archive.repo.get(cls, record_id)
    assert archive.repo.get(cls, record_id, include_deleted=True).deleted
    actions = [e.action for e in history.record_history(archive, table, record_id)]
    assert actions[0] == "delete" and "create" in actions  # the earlier version is kept


def _delete_shown(qtbot, page, kind: str, record_id: str, name: str) -> str:
    """Show the record on its page, press Delete… and confirm; the confirmation's text."""
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.show_record(kind, record_id)
    seen.clear()
    answer_next_modal(_confirm(name))
    _button(page.detail, "Delete…").click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    return seen[0]["text"]


def test_delete_person_cancel_then_confirm(qtbot, session_factory, shot) -> None:
    session = session_factory()
    archive = session.archive
    person = people.add_person(
        archive, "Aiman Umarova", names=[NameInput("Айман Умарова", "Cyrl")]
    ).person
    page = PeoplePage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.refresh()
    page.show_record("person", person.id)
    answer_next_modal(click_standard(QMessageBox.StandardButton.Cancel))
    _button(page.detail, "Delete…").click()
    assert archive.repo.get(Person, person.id).display_name == "Aiman Umarova"
    seen.clear()
    answer_next_modal(_confirm("Aiman Umarova"))
    with qtbot.waitSignal(session.changed, timeout=5000):
        _button(page.detail, "Delete…").click()
    assert "2 name" in seen[0]["text"] and seen[0]["title"] == "Delete person"
    _deleted_with_history(archive, Person, "person", person.id)
    assert archive.repo.find(PersonName, {"person_id": person.id}) == []
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page._current_id is None and "Aiman" not in page.detail.text()


def test_delete_case_event_and_note(qtbot, session_factory) -> None:
    session = session_factory()
    archive = session.archive
    case = cases.add_case(archive, "Zaisan hearing")
    event = cases.add_event(archive, case.id, "hearing", "2031-05-02", place="Zaisan")
    note = testimonies.add_note(archive, "Ask for the file", case_id=case.id)
    page = CasesPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.refresh()
    page.show_record("case", case.id)
    page.edit("event", event.id)
    seen.clear()
    answer_next_modal(_confirm("Hearing"))
    with qtbot.waitSignal(page._editor.deleted, timeout=5000):
        page._editor.delete_button.click()
    assert "2031" in seen[0]["text"]
    _deleted_with_history(archive, Event, "event", event.id)
    assert page._editor is None and page._current_id == case.id  # back on the case
    page.edit("note", note.id)
    answer_next_modal(_confirm("Ask for the file"))
    page._editor.delete_button.click()
    qtbot.waitUntil(lambda: page._editor is None)
    _deleted_with_history(archive, Note, "note", note.id)
    assert "Ask for the file" not in page.detail.text()
    page.add_new("event")
    assert not page._editor.delete_button.isVisible()  # nothing to delete in a new record
    page._editor.cancel()
    answer_next_modal(_confirm("Zaisan hearing"))
    _button(page.detail, "Delete…").click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    _deleted_with_history(archive, Case, "case_file", case.id)


def test_delete_testimony_and_its_translations(qtbot, session_factory) -> None:
    session = session_factory()
    archive = session.archive
    witness = people.add_person(archive, "Murager Alimuly").person
    testimony = testimonies.add_testimony(archive, witness.id, "They took my brother.")
    testimonies.add_translation(archive, testimony.id, "ru", "Они забрали моего брата.")
    said = _delete_shown(
        qtbot, TestimoniesPage(session), "testimony", testimony.id, "Murager Alimuly"
    )
    assert "1 translation" in said
    _deleted_with_history(archive, Testimony, "testimony", testimony.id)
    assert archive.repo.find(Translation, {"testimony_id": testimony.id}) == []
    assert archive.repo.get(Person, witness.id)  # the witness stays


def test_deleting_a_record_already_gone_is_one_line(qtbot, session_factory) -> None:
    session = session_factory()
    person = people.add_person(session.archive, "Aiman Umarova").person
    page = PeoplePage(session)
    qtbot.addWidget(page)
    page.refresh()
    page.show_record("person", person.id)
    people.delete_person(session.archive, person.id)  # e.g. by a sync meanwhile
    messages: list[str] = []

    def read(box) -> None:
        messages.append(box.text())
        box.accept()

    answer_next_modal(read)
    _button(page.detail, "Delete…").click()
    qtbot.waitUntil(lambda: bool(messages))
    assert "deleted" in messages[0] and "\n" not in messages[0]


def test_delete_case_takes_its_events_and_notes(qtbot, session_factory) -> None:
    session = session_factory()
    archive = session.archive
    case = cases.add_case(archive, "Zaisan hearing")
    event = cases.add_event(archive, case.id, "hearing", "2031-05-02", place="Zaisan")
    note = testimonies.add_note(archive, "Ask for the court file", case_id=case.id)
    said = _delete_shown(qtbot, CasesPage(session), "case", case.id, "Zaisan hearing")
    assert "1 event(s) and 1 note(s)" in said
    _deleted_with_history(archive, Case, "case_file", case.id)
    _deleted_with_history(archive, Event, "event", event.id)
    _deleted_with_history(archive, Note, "note", note.id)
