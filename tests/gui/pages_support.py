"""Helpers for the page tests: answer a modal dialog that is about to open, find rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget


def answer_next_modal(choose: Callable[[QWidget], None], attempts: int = 200) -> None:
    """When the next modal dialog is up, call choose(dialog) (e.g. click a button).

    A modal exec() runs its own event loop; this timer fires inside it."""

    def poll(left: int = attempts) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            choose(modal)
        elif left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def pick_file(path: Path) -> Callable[[QWidget], None]:
    """For answer_next_modal: choose `path` in the file dialog that opens, then accept."""

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), type(dialog)
        dialog.selectFile(str(path))
        dialog.accept()

    return choose


def click_button(text: str) -> Callable[[QWidget], None]:
    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox), type(dialog)
        for button in dialog.buttons():
            if button.text().replace("&", "") == text:
                button.click()
                return
        raise AssertionError(f"no button {text!r} in {[b.text() for b in dialog.buttons()]}")

    return choose


def click_standard(which: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(which).click()

    return choose
