"""File pickers that leave no trace of where the user looked.

Qt's own (non-native) file dialog writes the last folder and a history of folders to a
settings file outside the archive (organisation "QtProject"). A folder name can say whose
photos these are ("Aqan – border"), so that history is removed as soon as a dialog closes.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget


def forget_file_dialog_history() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in ("history", "lastVisited"):
        settings.remove(key)
    settings.endGroup()
    settings.sync()


def choose_files(parent: QWidget, title: str) -> list[str]:
    try:
        paths, _ = QFileDialog.getOpenFileNames(parent, title)
    finally:
        forget_file_dialog_history()
    return paths


def choose_file(parent: QWidget, title: str, name_filter: str = "") -> str:
    try:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
    finally:
        forget_file_dialog_history()
    return path


def choose_save_path(parent: QWidget, title: str, suggested: str, name_filter: str = "") -> str:
    try:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    finally:
        forget_file_dialog_history()
    return path


def choose_folder(parent: QWidget, title: str, start: str = "") -> str:
    try:
        return QFileDialog.getExistingDirectory(parent, title, start)
    finally:
        forget_file_dialog_history()
