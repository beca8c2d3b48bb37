"""Switching the language with editors and dialogs open: every label, button, placeholder,
header and choice is redrawn in the new language, and what the user typed stays."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from tumar.app import cases, people, testimonies
from tumar.widgets.app import install_translators
from tumar.widgets.editors.history_view import HistoryDialog
from tumar.widgets.media.import_dialog import ImportDialog
from tumar.widgets.pages.cases import CasesPage
from tumar.widgets.pages.people import PeoplePage
from tumar.widgets.pages.testimonies import TestimoniesPage

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "pages_ru.ts"


def _english() -> set[str]:
    """Source strings whose Russian differs: seeing one after the switch is a stale label."""
    found = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if translation and translation != source and "%" not in source:
            found.add(source)
    return found


def texts(root: QWidget) -> set[str]:
    """Every UI text in `root`: labels, buttons, placeholders, headers, choices, titles."""
    found = {root.windowTitle(), root.accessibleName()}
    for widget in root.findChildren(QWidget):
        if isinstance(widget.parentWidget(), QDialogButtonBox):
            continue  # standard buttons: Qt's own catalogue
        found.add(widget.accessibleName())
        found.add(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.add(widget.text())
        if isinstance(widget, QLineEdit):
            found.add(widget.placeholderText())
        if isinstance(widget, QComboBox):
            found.update(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(column)
                found.add(item.text() if item else "")
        if isinstance(widget, QTextEdit):
            found.update(line.strip() for line in widget.toPlainText().splitlines())
    return found - {""}


@pytest.fixture
def russian_later():
    yield lambda: install_translators(QApplication.instance(), "ru")
    install_translators(QApplication.instance(), "en")


def test_open_editors_and_dialogs_follow_a_language_switch(
    qtbot, session_factory, russian_later, shot
) -> None:
    session = session_factory()
    archive = session.archive
    person = people.add_person(archive, "Aiman Umarova").person
    case = cases.add_case(archive, "Zaisan hearing")
    event = cases.add_event(archive, case.id, "hearing", "2019-10?", people=[person.id])
    note = testimonies.add_note(archive, "Ask for the file", case_id=case.id)
    testimony = testimonies.add_testimony(archive, person.id, "They took my brother.")
    opened: dict[str, QWidget] = {}
    typed: dict[str, QLineEdit] = {}
    for kind, record_id in (("case", case.id), ("event", event.id), ("note", note.id)):
        page = CasesPage(session)
        qtbot.addWidget(page)
        page.refresh()
        page.show_record("case", case.id)
        page.edit(kind, record_id)
        opened[kind] = page._editor
    for page_class, kind, record_id, name in (
        (PeoplePage, "person", person.id, "person"),
        (TestimoniesPage, "testimony", testimony.id, "testimony"),
        (TestimoniesPage, "testimony", None, "new testimony"),  # a new record, half typed
    ):
        page = page_class(session)
        qtbot.addWidget(page)
        page.refresh()
        page.edit(kind, record_id)
        opened[name] = page._editor
    opened["new testimony"].recorded_where.setText("Zaisan")
    typed["new testimony"] = opened["new testimony"].recorded_where
    opened["history"] = HistoryDialog(session, "person", person.id)
    opened["import"] = ImportDialog(session, [])
    for name in ("history", "import"):
        qtbot.addWidget(opened[name])
    for widget in opened.values():
        widget.window().show()
    english = _english()
    before = {name: texts(w) & english for name, w in opened.items()}
    assert all(before.values()), before  # each shows English labels first
    assert opened["new testimony"].dirty

    russian_later()

    def stale() -> dict[str, set[str]]:
        return {name: found for name, w in opened.items() if (found := texts(w) & english)}

    try:
        qtbot.waitUntil(lambda: not stale(), timeout=5000)
    except qtbot.TimeoutError:
        raise AssertionError(f"still in English: {stale()}") from None
    assert "Изменить событие" in texts(opened["event"])  # the heading
    assert opened["new testimony"].dirty
    assert typed["new testimony"].text() == "Zaisan"  # what was typed stays
    assert opened["event"].people.cellWidget(0, 0).record_id() == person.id
    assert "История изменений" in texts(opened["history"])
    shot(opened["event"], "pages_event_editor_ru_after_switch")


def test_window_and_its_dialogs_follow_any_language_switch(kit, russian_later) -> None:
    """Not only the settings' own switch: any newly installed catalogue relabels the
    toolbar, menus, status line, settings and verify dialogs that are open."""
    kit.unlock()
    window = kit.window
    settings = window.show_settings()
    verify = window.show_verify()
    assert window.lock_action.text() == "Lock"
    russian_later()
    qtbot = kit.qtbot
    qtbot.waitUntil(lambda: window.lock_action.text() == "Заблокировать", timeout=5000)
    assert window.archive_menu.title() != "&Archive"
    assert "Settings" not in settings.windowTitle()
    assert verify is not None and "Verify" not in texts(verify)
