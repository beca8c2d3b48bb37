"""Sync with the team through a folder: preview what a merge would do, then apply it.

The preview is `tumar sync --dry-run` (nothing is written); "Sync now" is enabled only after
a preview of the same folder, so a person always sees the additions, changes, deletions
and conflicts before they happen. Both run on session.runner with their own connections.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tumar.app.sync import folder as sync_folder
from tumar.widgets.media.file_dialogs import choose_folder
from tumar.widgets.session import Session

from .sync_report import report_lines


class SyncDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.folder_edit = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse)
        self.preview_button = QPushButton()
        self.sync_button = QPushButton()
        self.sync_button.setEnabled(False)
        self.preview_button.clicked.connect(self.preview)
        self.sync_button.clicked.connect(self.apply)
        self.folder_edit.textChanged.connect(lambda _text: self.sync_button.setEnabled(False))
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.status = QLabel()
        self.status_said = False  # until a preview or sync reports, the status is the hint
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox()  # our own Close: Qt has no Kazakh word for its own
        self.close_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.output, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)  # the report's lines are long; narrower wraps every one
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text, again in the current language (also on LanguageChange)."""
        self.setWindowTitle(self.tr("Sync with the team"))
        self.folder_edit.setPlaceholderText(self.tr("Sync folder (USB stick or Syncthing share)"))
        self.browse.setText(self.tr("Choose…"))
        self.preview_button.setText(self.tr("Preview"))
        self.sync_button.setText(self.tr("Sync now"))
        self.close_button.setText(self.tr("Close"))
        if not self.status_said:
            self.status.setText(
                self.tr("Tumar runs no server: it only reads and writes this folder.")
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choose(self) -> None:
        chosen = choose_folder(self, self.tr("Sync folder"))
        if chosen:
            self.folder_edit.setText(chosen)

    def _run(self, dry_run: bool) -> None:
        target = Path(self.folder_edit.text().strip())
        session = self.session

        def job(progress, cancel):
            with session.worker_archive() as archive:
                return sync_folder.sync(
                    archive, target, dry_run=dry_run, progress=progress, cancel=cancel
                )

        self.preview_button.setEnabled(False)
        self.sync_button.setEnabled(False)
        title = self.tr("Sync preview") if dry_run else self.tr("Sync")
        session.runner.run(
            job,
            title=title,
            on_done=lambda report: self._done(report, dry_run),
            on_error=self._failed,
        )

    def preview(self) -> None:
        self._run(dry_run=True)

    def apply(self) -> None:
        self._run(dry_run=False)

    def _done(self, report: sync_folder.SyncReport, dry_run: bool) -> None:
        self.status_said = True
        lines = report_lines(report) or [self.tr("Nothing new from the others.")]
        self.output.setPlainText("\n".join(lines))
        self.preview_button.setEnabled(True)
        if dry_run:
            self.status.setText(self.tr("Preview only: nothing was changed. Sync now to apply."))
            self.sync_button.setEnabled(True)
            return
        if report.written:
            self.status.setText(self.tr("Synced; this laptop's bundle was written."))
        else:
            self.status.setText(self.tr("Synced; nothing new to write."))
        self.session.notify_changed("*")

    def _failed(self, message: str) -> None:
        self.status_said = True
        self.status.setText(message)
        self.preview_button.setEnabled(True)
        self.sync_button.setEnabled(False)
