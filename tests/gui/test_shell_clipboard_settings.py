"""Sensitive copies leave the clipboard again; settings hold only harmless preferences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from tumar.app import people
from tumar.widgets import clipboard
from tumar.widgets.settings import KEYS, Settings

CANARY = "Tilek Canarybayuly"


def test_sensitive_copy_is_cleared_after_the_timeout(qtbot) -> None:
    board = QGuiApplication.clipboard()
    clipboard.copy_sensitive(CANARY, clear_after_ms=30)
    assert board.text() == CANARY
    qtbot.waitUntil(lambda: board.text() == "", timeout=5_000)


def test_a_newer_copy_by_the_user_is_left_alone(qtbot) -> None:
    board = QGuiApplication.clipboard()
    clipboard.copy_sensitive(CANARY, clear_after_ms=30)
    board.setText("the user's own text")
    with qtbot.waitSignal(clipboard._instance().timer.timeout, timeout=5_000):
        pass
    assert board.text() == "the user's own text"


def test_lock_wipes_a_sensitive_copy_at_once(kit) -> None:
    kit.unlock()
    clipboard.copy_sensitive(CANARY)  # the real 30 s timeout; locking must not wait for it
    kit.window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_settings_file_holds_no_names_paths_or_search_text(kit, _gui_env: Path, shot) -> None:
    canary_folder = kit.new_archive("Canary-Zaisan-case.tumar")
    session = kit.unlock(canary_folder)
    people.add_person(session.archive, CANARY)
    session.notify_changed("person")
    kit.window.search_box.setText(CANARY)
    dialog = kit.window.show_settings()
    dialog.minutes.setValue(7)
    shot(dialog, "settings")
    dialog.accept()
    kit.window.lock()
    kit.window.close()
    kit.settings.sync()
    files = [p for p in _gui_env.rglob("*") if p.is_file()]
    assert files, "the settings file was not written where the test looks"
    text = "\n".join(p.read_text("utf-8", errors="replace") for p in files)
    for secret in (CANARY, "Canary", kit.passphrase, "Zaisan"):
        assert secret not in text
    assert "minutes=7" in text
    assert Settings().lock_minutes == 7


def test_recent_archives_only_when_opted_in(kit, _gui_env: Path) -> None:
    folder = kit.new_archive("Opted.tumar")
    kit.unlock(folder)
    kit.window.lock()
    assert kit.settings.recent_folders() == []
    kit.settings.remember_recent = True
    kit.window.flow.unlock.field.setText(kit.passphrase)
    kit.window.flow.unlock.unlock()
    assert kit.settings.recent_folders() == [folder.resolve()]
    kit.settings.remember_recent = False  # turning it off forgets the list
    kit.settings.sync()
    text = "\n".join(p.read_text("utf-8") for p in _gui_env.rglob("*") if p.is_file())
    assert "Opted" not in text


def test_only_known_keys_are_written(kit) -> None:
    kit.unlock()
    kit.window.lock()
    kit.window.close()
    store = kit.settings._s
    store.sync()
    assert set(store.allKeys()) <= set(KEYS)
