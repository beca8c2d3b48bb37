"""Panic with no archive open: a create, restore or unlock may be running, or a new
archive's recovery code may be on screen. Panic drops the job, empties every field and
shows the start screen, so nothing secret is there when the window comes back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tumar.app import lifecycle
from tumar.app.sync import export
from tumar.storage.records import Person
from tumar.widgets.jobs import JobRunner
from tumar.widgets.main_window import TumarWindow
from tumar.widgets.settings import Settings

from .pages_support import answer_next_modal, pick_file


def _backup(tmp_path: Path, passphrase: str) -> tuple[Path, str]:
    archive, code = lifecycle.create_archive(tmp_path / "source.tumar", passphrase)
    with archive:
        archive.repo.insert(Person(display_name="Қайша Ақан"))
        bundle = tmp_path / "tumar-backup-test.tumar-bundle"
        export.write_bundle(archive, bundle)
    return bundle, code


def _fill_restore(qtbot, window: TumarWindow, bundle: Path, code: str, new: str) -> None:
    flow = window.flow
    qtbot.mouseClick(flow.start.restore_button, Qt.MouseButton.LeftButton)
    screen = flow.restore

    answer_next_modal(pick_file(bundle))
    qtbot.mouseClick(screen.source.bundle_choose, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.source.secret, code)
    screen.where.set_location(bundle.parent)
    qtbot.keyClicks(screen.pair.first, new)
    qtbot.keyClicks(screen.pair.second, new)
    assert screen.can_restore


def _assert_nothing_secret(window: TumarWindow, code: str, new: str) -> None:
    flow = window.flow
    assert flow.currentWidget() is flow.start
    assert window.session is None
    assert not flow.recovery.code.text()
    assert not flow.restore.source.secret.text() and not flow.restore.pair.text()
    assert not flow.restore._busy  # a later restore can start again
    texts = [w.text() for w in window.findChildren(type(flow.restore.source.secret))]
    assert not any(code in t or new in t for t in texts)


def test_panic_on_a_restored_archives_recovery_code_hides_it(
    kit, tmp_path: Path, passphrase: str
) -> None:
    bundle, code = _backup(tmp_path, passphrase)
    _fill_restore(kit.qtbot, kit.window, bundle, code, passphrase)
    kit.qtbot.mouseClick(kit.window.flow.restore.restore_button, Qt.MouseButton.LeftButton)
    flow = kit.window.flow
    kit.qtbot.waitUntil(lambda: flow.currentWidget() is flow.recovery, timeout=20_000)
    new_code = flow.recovery.code.text()
    assert new_code
    kit.window.panic()
    _assert_nothing_secret(kit.window, new_code, passphrase)


def test_panic_during_a_running_restore_drops_it(qtbot, tmp_path: Path, passphrase: str) -> None:
    bundle, code = _backup(tmp_path, passphrase)
    runner = JobRunner()  # a real worker thread, as in the app
    window = TumarWindow(Settings(), runner=runner)
    window.show()
    qtbot.waitExposed(window)
    try:
        _fill_restore(qtbot, window, bundle, code, passphrase)
        qtbot.mouseClick(window.flow.restore.restore_button, Qt.MouseButton.LeftButton)
        assert runner.busy  # still running when Panic comes
        window.panic()
        assert runner.wait(30_000)
        QApplication.processEvents()  # deliver any queued result: it must reach no screen
        _assert_nothing_secret(window, code, passphrase)
        assert window.isMinimized()
    finally:
        window.close()
        window.deleteLater()
