"""Locking: idle timeout, Ctrl+L and Panic all hide every piece of content, discard
unsaved edits, close dialogs and the archive, and bring back the unlock screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tumar.app import people
from tumar.storage.records import Person
from tumar.widgets import placeholders
from tumar.widgets.placeholders import Spec

from .conftest import visible_texts

CANARY = "Qaisha Canarybek"


class NamesPage(QWidget):
    """A minimal page that shows archive content and holds an unsaved edit."""

    navigate = Signal(str, str)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.label = QLabel(self)
        QVBoxLayout(self).addWidget(self.label)
        self.unsaved = False
        self.discarded = 0

    def refresh(self) -> None:
        names = [p.display_name for p in self.session.archive.repo.find(Person)]
        self.label.setText(", ".join(names))

    def clear(self) -> None:
        self.label.clear()

    def has_unsaved_changes(self) -> bool:
        return self.unsaved

    def discard_changes(self) -> None:
        self.discarded += 1
        self.unsaved = False

    def save_changes(self) -> bool:
        return True

    def count(self) -> int | None:
        return 1

    def show_record(self, kind: str, record_id: str) -> None: ...
    def add_new(self, kind: str) -> None: ...


@pytest.fixture
def names_page(monkeypatch: pytest.MonkeyPatch) -> list[NamesPage]:
    made: list[NamesPage] = []

    def factory(session, parent=None) -> NamesPage:
        made.append(NamesPage(session, parent))
        return made[-1]

    spec = Spec("people", lambda: "People", "users.svg", factory)
    monkeypatch.setattr(
        "tumar.widgets.archive_view.page_specs", lambda: [spec, *placeholders.PLACEHOLDER_PAGES[2:]]
    )
    return made


def _unlocked_with_canary(kit, names_page):
    session = kit.unlock()
    people.add_person(session.archive, CANARY)
    session.notify_changed("person")
    assert any(CANARY in t for t in visible_texts(kit.window))
    names_page[0].unsaved = True
    return session


def _assert_locked(kit, session, page) -> None:
    window = kit.window
    assert window.session is None and window.view is None
    assert not session.is_open
    assert window.flow.currentWidget() is window.flow.unlock
    assert not any(CANARY in t for t in visible_texts(window))
    assert page.discarded >= 1 and page.label.text() == ""
    assert not window.toolbar.isVisible()
    assert window.windowTitle() == "Tumar"


def test_auto_lock_after_idle_hides_data_and_closes_the_archive(kit, names_page, shot) -> None:
    session = _unlocked_with_canary(kit, names_page)
    archive = session.archive
    dialog = kit.window.show_verify()
    kit.window.idle.set_timeout_ms(40)  # the shortened timeout; no sleeping, the timer fires
    with kit.qtbot.waitSignal(kit.window.idle.idle, timeout=5_000):
        pass
    _assert_locked(kit, session, names_page[0])
    assert not dialog.isVisible()
    with pytest.raises(Exception, match="closed"):
        archive.records_db.execute("SELECT 1")
    assert sorted(p.name for p in kit.tmp_path.joinpath("test.tumar").iterdir()) == [
        "archive.db", "media.db", "tumar.json"
    ]  # fmt: skip


def test_input_keeps_the_archive_unlocked(kit, names_page) -> None:
    kit.unlock()
    kit.window.idle.set_timeout_ms(60_000)
    assert kit.window.idle.active
    kit.qtbot.keyClick(kit.window.search_box, Qt.Key.Key_A)
    assert kit.window.idle.active and kit.window.session is not None


def test_ctrl_l_locks(kit, names_page) -> None:
    session = _unlocked_with_canary(kit, names_page)
    kit.qtbot.keyClick(kit.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _assert_locked(kit, session, names_page[0])


def test_panic_locks_at_once_and_minimises(kit, names_page) -> None:
    session = _unlocked_with_canary(kit, names_page)
    kit.window.panic_action.trigger()
    _assert_locked(kit, session, names_page[0])
    assert kit.window.windowState() & Qt.WindowState.WindowMinimized


def test_window_title_never_holds_record_content(kit, names_page) -> None:
    session = _unlocked_with_canary(kit, names_page)
    kit.window.view.navigate("person", "x")
    kit.window.search_box.setText(CANARY)
    titles = [w.windowTitle() for w in [kit.window, *kit.window.findChildren(QWidget)]]
    assert not any(CANARY in t for t in titles)
    assert session.is_open
