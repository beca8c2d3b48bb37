"""Write an encrypted backup: to the team's keys (and the recovery code), or to a passphrase.

The backup runs on session.runner; the file name carries only the date and the laptop's
replica id, never a case or a person. Removing old backups keeps the newest N.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tumar.app.sync import backups, export
from tumar.widgets.media.file_dialogs import choose_folder
from tumar.widgets.session import Session


class BackupDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.folder_edit = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse)
        self.use_passphrase = QCheckBox()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.passphrase, self.repeat):
            edit.setEnabled(False)
            self.use_passphrase.toggled.connect(edit.setEnabled)
        self.keep = QSpinBox()
        self.keep.setRange(0, 999)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        form.addRow(self.labels[0], row)
        form.addRow(self.use_passphrase)
        form.addRow(self.labels[1], self.passphrase)
        form.addRow(self.labels[2], self.repeat)
        form.addRow(self.labels[3], self.keep)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # our own buttons, not standard ones: Qt has no Kazakh words for those, and the box
        # resets a renamed standard button on LanguageChange
        self.buttons = QDialogButtonBox()
        self.back_up_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.written: Path | None = None
        self.setMinimumWidth(520)  # room for a folder path on a stick
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text, again in the current language (also on LanguageChange)."""
        self.setWindowTitle(self.tr("Back up the archive"))
        self.browse.setText(self.tr("Choose…"))
        self.use_passphrase.setText(self.tr("Encrypt to a passphrase instead of team keys"))
        self.keep.setSpecialValueText(self.tr("keep all"))
        for label, text in zip(self.labels, (self.tr("Folder"), self.tr("Passphrase"),
                                             self.tr("Repeat"), self.tr("Backups to keep")),
                               strict=True):  # fmt: skip
            label.setText(text)
        self.back_up_button.setText(self.tr("Back up"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choose(self) -> None:
        chosen = choose_folder(self, self.tr("Backup folder"))
        if chosen:
            self.folder_edit.setText(chosen)

    def start(self) -> None:
        folder = Path(self.folder_edit.text().strip())
        if not self.folder_edit.text().strip() or not folder.is_dir():
            self.status.setText(self.tr("Choose an existing folder for the backup."))
            return
        phrase = None
        if self.use_passphrase.isChecked():
            phrase = self.passphrase.text()
            if len(phrase) < 8 or phrase != self.repeat.text():
                self.status.setText(
                    self.tr("Type the same passphrase twice (8 characters or more).")
                )
                return
        replica = self.session.archive.replica_id
        dest = folder / backups.backup_name(replica)
        keep, session = self.keep.value(), self.session

        def job(progress, cancel):
            with session.worker_archive() as archive:
                export.write_bundle(archive, dest, passphrase=phrase, progress=progress,
                                    cancel=cancel)  # fmt: skip
            backups.rotate(folder, replica, keep)
            backups.clear_interrupted(folder, replica)
            return dest

        self.buttons.setEnabled(False)
        session.runner.run(job, title=self.tr("Backup"), on_done=self._done, on_error=self._failed)

    def _done(self, dest: Path) -> None:
        self.written = dest
        self.passphrase.clear()
        self.repeat.clear()
        self.buttons.setEnabled(True)
        self.status.setText(self.tr("Backup written: %1").replace("%1", dest.name))

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(message)
