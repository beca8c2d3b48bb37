"""Filing a stored photo under another case or person, and taking a link away, from the
window: the same app/ service as `tumar media link|unlink`.

Why a picker that searches as you type: a case list of thousands must stay usable. Why a
confirmation before unlinking: the photo disappears from that case's dossier; the wording
says the photo itself and the link's history stay.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tumar.app.media.links import link_media, unlink_media
from tumar.storage.errors import TumarError
from tumar.widgets.editors.pickers import case_picker, person_picker
from tumar.widgets.editors.retranslate import Retranslating
from tumar.widgets.models.text import isolate


class LinkMediaDialog(Retranslating, QDialog):
    """Choose a case (or a person) for a media item; Link writes it, Cancel changes nothing."""

    def __init__(self, session, media_id: str, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.media_id, self.kind = session, media_id, kind
        self.linked_to: str | None = None
        if kind == "case":
            self.bind(self.setWindowTitle, lambda: self.tr("Link to a case"))
            self.picker = case_picker(session.archive, self)
        else:
            self.bind(self.setWindowTitle, lambda: self.tr("Link to a person"))
            self.picker = person_picker(session.archive, self)
        self.setMinimumWidth(420)
        prompt = QLabel()
        prompt.setWordWrap(True)
        self.bind(
            prompt.setText,
            lambda: self.tr("The file is stored once and shown with every record it is linked to."),
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        self.link_button = QPushButton()
        self.bind(self.link_button.setText, lambda: self.tr("Link"))
        self.link_button.setDefault(True)
        self.link_button.clicked.connect(self._link)
        cancel = QPushButton()
        self.bind(cancel.setText, lambda: self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.link_button)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.picker)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _link(self) -> None:
        target = self.picker.record_id()
        if not target:
            self.error.setText(self.tr("Choose one from the list."))
            self.error.show()
            return
        try:
            link_media(self.session.archive, self.media_id, self.kind, target)
        except TumarError as exc:  # deleted meanwhile, a read-only archive: one line
            self.error.setText(str(exc))
            self.error.show()
            return
        self.linked_to = target
        self.session.notify_changed("media")
        self.accept()


def confirm_and_unlink(
    parent: QWidget, session, media_id: str, kind: str, target_id: str, title: str
) -> bool:
    """Ask once; on Remove link, tombstone the link. True when it was removed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("MediaLinks", "Remove link"))
    box.setText(
        QCoreApplication.translate("MediaLinks", "Remove this file from %1?").replace(
            "%1", isolate(title)
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "MediaLinks",
            "The file itself stays in the archive, with its other links. The link is kept "
            "in its history, and you can link the file again.",
        )
    )
    remove = box.addButton(
        QCoreApplication.translate("MediaLinks", "Remove link"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(
        QCoreApplication.translate("MediaLinks", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.exec()
    if box.clickedButton() is not remove:
        return False
    try:
        unlink_media(session.archive, media_id, kind, target_id)
    except TumarError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("MediaLinks", "Not changed"), str(exc)
        )
        return False
    session.notify_changed("media")
    return True
