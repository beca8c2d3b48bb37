"""Export a copy of a stored file, or open it in another program — only after saying
plainly that the copy leaves the encrypted archive, with an offer to strip metadata.

Tumar never writes a temporary copy on its own: the user chooses where the copy goes
(opening externally also needs a real file, so it asks the same way).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from tumar.app.media.export import export_original, safe_file_name
from tumar.app.media.strip import STRIPPABLE_MIMES
from tumar.storage.errors import TumarError
from tumar.storage.records import Media

from .file_dialogs import choose_save_path


def confirm_leaving(parent: QWidget, media: Media, opening: bool) -> tuple[bool, bool]:
    """(go ahead, strip metadata) after the warning."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("A copy leaves the archive"))
    box.setText(parent.tr("The copy will not be encrypted."))
    box.setInformativeText(
        parent.tr(
            "Anyone with access to this computer or to where you save it can open the copy. "
            "Delete it when you no longer need it."
        )
    )
    strip = QCheckBox(parent.tr("Remove location and other metadata from the copy"))
    can_strip = not media.unreadable and media.mime in STRIPPABLE_MIMES
    strip.setEnabled(can_strip)
    strip.setChecked(can_strip)
    box.setCheckBox(strip)
    label = parent.tr("Choose where to save…")
    go = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go, strip.isChecked() and can_strip


def export_copy(parent: QWidget, archive, media: Media, *, opening: bool = False) -> Path | None:
    go, strip = confirm_leaving(parent, media, opening)
    if not go:
        return None
    suggested = safe_file_name(media, media.mime)
    target = choose_save_path(parent, parent.tr("Save a copy"), suggested)
    if not target:
        return None
    try:
        result = export_original(archive, media.id, target, strip_metadata=strip)
    except TumarError as exc:
        QMessageBox.warning(parent, parent.tr("Not exported"), str(exc))
        return None
    if opening:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
    return result.path
