"""Write an encrypted backup: to the team's keys (and the recovery code), or to a passphrase.

The backup runs on session.runner; the file name carries only the date and the laptop's
replica id, never a case or a person. Removing old backups keeps the newest N.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tumar.app.sync import export
from tumar.widgets.session import Session

SUFFIX = ".tumar-bundle"


def backup_name(replica: str) -> str:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return f"tumar-backup-{stamp}-{replica[:8]}{SUFFIX}"


class BackupDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Back up the archive"))
        self.folder_edit = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.use_passphrase = QCheckBox(self.tr("Encrypt to a passphrase instead of team keys"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.passphrase, self.repeat):
            edit.setEnabled(False)
            self.use_passphrase.toggled.connect(edit.setEnabled)
        self.keep = QSpinBox()
        self.keep.setRange(0, 999)
        self.keep.setSpecialValueText(self.tr("keep all"))
        form = QFormLayout()
        form.addRow(self.tr("Folder"), row)
        form.addRow(self.use_passphrase)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat"), self.repeat)
        form.addRow(self.tr("Backups to keep"), self.keep)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Back up"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.written: Path | None = None

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"))
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
        dest = folder / backup_name(self.session.archive.replica_id)
        keep, session = self.keep.value(), self.session

        def job(progress, cancel):
            with session.worker_archive() as archive:
                export.write_bundle(archive, dest, passphrase=phrase, progress=progress,
                                    cancel=cancel)  # fmt: skip
            if keep:
                mine = sorted(folder.glob(f"tumar-backup-*-{dest.name.split('-')[-1]}"))
                for old in mine[:-keep]:
                    old.unlink()
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
