"""One translated line for an error from the OS or SQLite, wherever the window meets one.

The kinds come from app/failures.py (the CLI says the same in English). Without this, a
backup onto a full USB stick ended in "unexpected error (OSError)", and a record saved on
a full disk raised out of the Save button with nothing said at all.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tumar.app.failures import Failure, classify


class FailureText(QObject):
    def line(self, kind: Failure) -> str:
        texts = {
            Failure.DISK_FULL: self.tr(
                "The disk is full, so this was not saved. Free some space and try again."
            ),
            Failure.TOO_LARGE: self.tr(
                "The file is too large for this drive (a FAT32 stick holds at most 4 GB in "
                "one file), so nothing was written. Use a drive formatted as exFAT or ext4."
            ),
            Failure.READ_ONLY: self.tr(
                "The disk or folder is read-only, so nothing was written. Choose another place."
            ),
            Failure.NOT_ALLOWED: self.tr(
                "Tumar is not allowed to write there, so nothing was written. Choose another place."
            ),
            Failure.DRIVE_GONE: self.tr(
                "A drive stopped answering (pulled out, or failing). Plug it in again, or use "
                "another drive, and try again."
            ),
            Failure.DAMAGED: self.tr(
                "The archive is damaged. Run Verify to see what can still be read, then "
                "restore it from a backup."
            ),
            Failure.BUSY: self.tr(
                "The archive is busy with another task. Try again when it has finished."
            ),
        }
        return texts[kind]

    def unexpected(self, exc: BaseException) -> str:
        return self.tr("This stopped because of an unexpected error ({name}).").format(
            name=type(exc).__name__
        )


def failure_line(exc: BaseException) -> str | None:
    """The line for `exc`, or None when it is not one of app.failures' kinds."""
    kind = classify(exc)
    return None if kind is None else FailureText().line(kind)


def report_uncaught(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """sys.excepthook for the window: an error no slot caught is one line in a message box
    (and its type, never its text or a traceback, on stderr: the text may hold record
    content). Without it PySide printed the traceback and the user saw nothing."""
    if issubclass(kind, KeyboardInterrupt) or QApplication.instance() is None:
        sys.__excepthook__(kind, exc, tb)
        return
    print(f"tumar: uncaught {kind.__name__}", file=sys.stderr)
    text = failure_line(exc) or FailureText().unexpected(exc)
    if any(box.text() == text for box in _shown):  # a pulled stick fails every click
        return
    parent = QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Warning, "Tumar", text, QMessageBox.StandardButton.Ok,
                      parent if isinstance(parent, QWidget) else None)  # fmt: skip
    box.setObjectName("uncaughtError")
    _shown.append(box)  # a box without a parent window lives as long as a reference to it
    box.finished.connect(lambda _result: _shown.remove(box))
    box.open()


_shown: list[QMessageBox] = []
