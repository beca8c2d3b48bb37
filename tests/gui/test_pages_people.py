"""People page: add a person with names in two scripts through the real editor; history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tumar.app import people
from tumar.storage.records import PersonName
from tumar.widgets.editors.history_view import HistoryDialog
from tumar.widgets.editors.person_editor import PersonEditor
from tumar.widgets.pages.people import PeoplePage

from .pages_support import answer_next_modal, click_standard


def test_add_person_with_two_names_in_two_scripts(qtbot, session_factory, shot) -> None:
    session = session_factory()
    page = PeoplePage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.refresh()
    page.add_new("person")
    editor = page._editor
    assert isinstance(editor, PersonEditor)
    qtbot.keyClicks(editor.display_name, "Qaisha Aqan")
    editor.add_name_row("", "", "transliteration")
    editor.names.item(0, 0).setText("Қайша Ақан")
    editor.add_name_row("", "", "alias")
    editor.names.item(1, 0).setText("قايشا اقان")
    scripts = [editor.names.cellWidget(r, 1).currentText() for r in range(2)]
    assert scripts == ["Cyrl", "Arab"]  # detected while typing
    assert editor.names.item(1, 0).textAlignment() & Qt.AlignmentFlag.AlignRight
    editor.birth.setText("1989~")
    assert "1989" in editor.birth.reading.text()
    assert editor.dirty and editor.dot.isVisible()
    shot(page, "pages_person_editor")
    assert editor.save()
    assert page._editor is None
    stored = people.list_people(session.archive)
    assert [p.display_name for p in stored] == ["Qaisha Aqan"]
    names = session.archive.repo.find(PersonName, {"person_id": stored[0].id})
    assert {(n.name, n.script) for n in names} == {
        ("Qaisha Aqan", "Latn"), ("Қайша Ақан", "Cyrl"), ("قايشا اقان", "Arab"),
    }  # fmt: skip
    assert page.model.rowCount() == 1
    assert "Қайша Ақан" in page.detail.text()
    shot(page, "pages_people")


def test_invalid_birth_date_is_shown_next_to_the_field(qtbot, session_factory) -> None:
    session = session_factory()
    page = PeoplePage(session)
    qtbot.addWidget(page)
    page.refresh()
    page.add_new("person")
    editor = page._editor
    editor.display_name.setText("Someone")
    editor.birth.setText("the spring after the flood")
    assert not editor.save()
    assert not editor._errors["birth_date"].isHidden()
    assert editor._errors["birth_date"].text()
    assert people.list_people(session.archive) == []


def test_unsaved_changes_prompt_discard_and_stay(qtbot, session_factory) -> None:
    session = session_factory()
    first = people.add_person(session.archive, "First Person").person
    second = people.add_person(session.archive, "Second Person").person
    page = PeoplePage(session)
    qtbot.addWidget(page)
    page.refresh()
    page.show_record("person", first.id)
    page.edit("person", first.id)
    assert not page.has_unsaved_changes()
    page._editor.notes.setPlainText("typed but not saved")
    assert page.has_unsaved_changes()
    answer_next_modal(click_standard(QMessageBox.StandardButton.Cancel))  # Stay
    page.show_record("person", second.id)
    assert page._editor is not None and page._current_id == first.id
    answer_next_modal(click_standard(QMessageBox.StandardButton.Discard))
    page.show_record("person", second.id)
    assert page._editor is None and page._current_id == second.id
    assert people.get_person(session.archive, first.id).person.notes == ""


def test_history_of_a_person_newest_first(qtbot, session_factory, shot) -> None:
    session = session_factory()
    person = people.add_person(session.archive, "Kaster Musakhan", birth_date="1989~").person
    people.edit_person(session.archive, person.id, birth_date="1988~")
    dialog = HistoryDialog(session, "person", person.id)
    qtbot.addWidget(dialog)
    text = dialog.view.toPlainText()
    assert text.index("1988~") < text.index("Kaster Musakhan")  # change above creation
    assert "1989~" in text
    shot(dialog, "pages_history")


def test_copy_name_goes_through_the_sensitive_clipboard(qtbot, session_factory) -> None:
    from PySide6.QtGui import QGuiApplication

    from tumar.widgets.clipboard import clear_sensitive

    session = session_factory()
    person = people.add_person(session.archive, "Қайша Ақан").person
    page = PeoplePage(session)
    qtbot.addWidget(page)
    page.refresh()
    page.show_record("person", person.id)
    page._copy_name()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "Қайша Ақан"
    assert "x-kde-passwordManagerHint" in mime.formats()  # marked for clipboard managers
    clear_sensitive()
    assert QGuiApplication.clipboard().text() == ""
