"""The demo flow, keyboard routes (Ctrl+F, Ctrl+N), tab order and accessible names."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from tumar.widgets import demo


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.mark.slow
def test_demo_is_built_once_and_only_its_unlock_screen_shows_the_passphrase(
    kit, data_home: Path
) -> None:
    assert not demo.demo_exists()
    kit.window.flow.try_demo()
    assert demo.demo_folder().is_relative_to(data_home) and demo.demo_exists()
    unlock = kit.window.flow.unlock
    assert kit.window.flow.currentWidget() is unlock
    assert unlock.demo_hint.isVisible() and demo.DEMO_PASSPHRASE in unlock.demo_hint.text()
    kit.qtbot.keyClicks(unlock.field, demo.DEMO_PASSPHRASE)
    kit.qtbot.keyClick(unlock.field, Qt.Key.Key_Return)
    assert kit.window.session is not None
    assert kit.window.session.archive.repo.count()["person"] > 0
    kit.window.lock()
    other = kit.new_archive("Other.tumar")
    kit.window.flow.open_folder(other)
    assert not unlock.demo_hint.isVisible() and unlock.demo_hint.text() == ""
    out = io.StringIO()
    demo.announce(out)
    assert demo.DEMO_PASSPHRASE in out.getvalue() and str(demo.demo_folder()) in out.getvalue()


def test_ctrl_f_and_ctrl_n_route_to_the_pages(kit) -> None:
    kit.unlock()
    window = kit.window
    window.search_action.trigger()
    assert QApplication.focusWidget() is window.search_box
    kit.qtbot.keyClicks(window.search_box, "Tlek")
    assert window.view.current_key() == "search"
    assert window.add_button.menu() is window.add_menu
    window.add_entries["case"].trigger()
    assert window.view.current_key() == "cases"
    window.add_entries["person"].trigger()
    assert window.view.current_key() == "people"


def _unnamed(root: QWidget) -> list[str]:
    """Focusable controls a screen reader could not name."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QAbstractButton):
            name = widget.accessibleName() or widget.text() or widget.toolTip()
        elif isinstance(widget, QLineEdit):
            name = widget.accessibleName()
        else:
            continue
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


def _tab(widget: QWidget) -> QWidget:
    """The widget Tab moves to: the next in the focus chain that takes tab focus."""
    nxt = widget.nextInFocusChain()
    while not (nxt.focusPolicy() & Qt.FocusPolicy.TabFocus and nxt.isVisible()):
        nxt = nxt.nextInFocusChain()
    return nxt


def test_start_screens_have_names_and_a_sensible_tab_order(kit) -> None:
    flow = kit.window.flow
    assert _unnamed(flow.start) == []
    start = flow.start
    start.open_button.setFocus()
    assert _tab(start.open_button) is start.create_button
    assert _tab(start.create_button) is start.demo_button
    flow.show_create()
    assert _unnamed(flow.create) == []
    create = flow.create
    assert _tab(create.name) is create.choose
    assert _tab(create.first) is create.second
    flow.open_folder(kit.new_archive())
    assert _unnamed(flow.unlock) == []
    assert _tab(flow.unlock.field) is flow.unlock.unlock_button


def test_archive_menu_lists_other_helpers_dialogs(kit) -> None:
    from tumar.widgets.main_window import extra_dialogs

    kit.unlock()
    window = kit.window
    window._fill_archive_menu()
    titles = {a.text(): a for a in window.archive_menu.actions()}
    found = extra_dialogs()
    if any(cls.__name__ == "DossierDialog" for _, cls in found):
        assert "Signed dossier…" in titles and titles["Signed dossier…"].isEnabled()
    assert "Verify" in titles and "Settings…" in titles
