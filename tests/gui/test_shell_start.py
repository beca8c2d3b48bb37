"""Create an archive through the window, and unlock with a wrong then the right secret."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tumar.app import lifecycle
from tumar.widgets.jobs import JobRunner


def test_create_refuses_weak_and_mismatched_then_shows_the_code_once(kit, shot) -> None:
    window = kit.window
    shot(window, "start")
    kit.qtbot.mouseClick(window.flow.start.create_button, Qt.MouseButton.LeftButton)
    create = window.flow.create
    assert window.flow.currentWidget() is create
    create.set_location(kit.tmp_path)
    create.name.setText("Field notes")
    kit.qtbot.keyClicks(create.first, "password1")
    kit.qtbot.keyClicks(create.second, "password1")
    assert not create.create_button.isEnabled()  # weak: zxcvbn says so, in words
    assert create.advice.isVisible() and create.advice.text()
    create.first.clear()
    create.second.clear()
    kit.qtbot.keyClicks(create.first, kit.passphrase)
    kit.qtbot.keyClicks(create.second, kit.passphrase + "x")
    assert not create.create_button.isEnabled()
    assert create.match.isVisible()
    kit.qtbot.keyClick(create.second, Qt.Key.Key_Backspace)
    assert create.create_button.isEnabled() and not create.match.isVisible()
    shot(window, "create")
    kit.qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    recovery = window.flow.recovery
    assert window.flow.currentWidget() is recovery
    code = recovery._code
    assert code and recovery.code.text().replace("  ", "-").replace("\n", "-") == code
    assert not recovery.continue_button.isEnabled()
    shot(window, "recovery_code")
    kit.qtbot.mouseClick(recovery.continue_button, Qt.MouseButton.LeftButton)
    assert window.session is None  # the checkbox gates Continue
    recovery.check.setChecked(True)
    kit.qtbot.mouseClick(recovery.continue_button, Qt.MouseButton.LeftButton)
    assert window.session is not None and window.view is not None
    assert recovery.code.text() == ""  # shown once: gone from the widget
    shot(window, "main_window")
    folder = kit.tmp_path / "Field notes.tumar"
    window.lock()
    assert lifecycle.unlock_key(folder, code).header.archive_id  # the shown code works


def test_wrong_then_right_passphrase_inline_message_and_focus_kept(kit, shot) -> None:
    window = kit.window
    folder = kit.new_archive("Zaisan.tumar")
    window.flow.open_folder(folder)
    unlock = window.flow.unlock
    assert unlock.title.text() == "Zaisan.tumar"
    assert str(kit.tmp_path) not in " ".join([unlock.title.text(), unlock.subtitle.text()])
    kit.qtbot.keyClicks(unlock.field, "not the passphrase")
    kit.qtbot.keyClick(unlock.field, Qt.Key.Key_Return)
    assert window.session is None
    assert unlock.error.isVisible()
    assert unlock.error.text() == "This passphrase does not open this archive."
    assert QApplication.focusWidget() is unlock.field
    assert window.flow.currentWidget() is unlock  # inline, no dialog
    shot(window, "unlock")
    unlock.field.clear()
    kit.qtbot.keyClicks(unlock.field, kit.passphrase)
    kit.qtbot.keyClick(unlock.field, Qt.Key.Key_Return)
    assert window.session is not None
    assert unlock.field.text() == ""  # the secret does not linger in the widget


def test_unlock_runs_off_the_gui_thread_with_a_busy_state(qtbot, tmp_path, passphrase) -> None:
    from tumar.widgets.start.flow import StartFlow

    archive, code = lifecycle.create_archive(tmp_path / "a.tumar", passphrase)
    archive.close()
    runner = JobRunner()
    flow = StartFlow(runner)
    qtbot.addWidget(flow)
    flow.show()
    flow.open_folder(tmp_path / "a.tumar")
    unlock = flow.unlock
    unlock.toggle_mode()  # the recovery code opens it too
    unlock.field.setText(code.lower())
    opened = []
    flow.opened.connect(opened.append)
    unlock.unlock()
    assert not unlock.unlock_button.isEnabled() and unlock.busy.isVisible()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert not unlock.busy.isVisible() and unlock.unlock_button.isEnabled()
    session = opened[0]
    assert session.archive.archive_id
    session.lock()


def test_not_an_archive_is_one_line_on_the_start_screen(kit) -> None:
    empty = kit.tmp_path / "empty"
    empty.mkdir()
    kit.window.flow.open_folder(empty)
    start = kit.window.flow.start
    assert kit.window.flow.currentWidget() is start
    assert start.error.isVisible() and "\n" not in start.error.text()
    assert not any(empty.iterdir())  # nothing was created
