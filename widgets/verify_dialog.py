"""Verify from the window: app/verify runs as a job on its own connections, and the result
is said in plain words — all fine, or which problems were found."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tumar.app import verify
from tumar.app.jobs import CancelToken, Progress

from . import theme
from .fitting import FitsWrappedText
from .session import Session


class VerifyDialog(FitsWrappedText, QDialog):
    checked = Signal(bool)  # ok

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: Any = None
        self._running = False
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 22, 24, 18)
        box.setSpacing(10)
        head = QHBoxLayout()
        self.badge = QLabel(self)
        self.badge.setPixmap(theme.icon("shield-check", "accent").pixmap(36, 36))
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(self)
        theme.set_role(self.heading, "heading")
        self.heading.setWordWrap(True)
        head.addWidget(self.heading, 1)
        box.addLayout(head)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.explain.setMinimumWidth(472)  # reading width; the dialog's minimum stays the layout's
        theme.set_role(self.explain, "muted")
        box.addWidget(self.explain)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.hide()
        box.addWidget(self.bar)
        self.fingerprint_label = QLabel(self)
        self.fingerprint_label.hide()
        box.addWidget(self.fingerprint_label)
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setReadOnly(True)
        theme.set_flag(self.fingerprint, "mono")
        self.fingerprint_label.setBuddy(self.fingerprint)
        self.fingerprint.hide()
        box.addWidget(self.fingerprint)
        self.problems = QListWidget(self)
        self.problems.setWordWrap(True)
        self.problems.hide()
        box.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        self.run_button = QPushButton(self)
        self.run_button.setIcon(theme.icon("shield-check", "white"))
        theme.set_flag(self.run_button, "primary")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.run_button)
        box.addLayout(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        """Any language switch (settings, start screen, another catalogue) relabels this."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Verify the archive"))
        if self.report is None and not self._running:
            self.heading.setText(self.tr("Check that nothing was altered"))
            self.explain.setText(
                self.tr(
                    "Tumar recomputes the fingerprint of every record and of every change in "
                    "the audit log, and checks the databases and media files for damage. "
                    "Nothing in the archive is changed."
                )
            )
        self.run_button.setText(self.tr("Check again") if self.report else self.tr("Start check"))
        self.close_button.setText(self.tr("Close"))
        self.problems.setAccessibleName(self.tr("Problems found"))

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self.report = None
        self.run_button.setEnabled(False)
        self.bar.show()
        self.problems.hide()
        self.fingerprint.hide()
        self.fingerprint_label.hide()
        self.heading.setText(self.tr("Checking…"))
        self.explain.setText(self.tr("This can take a while for a large archive."))
        session = self.session

        def job(progress: Progress, cancel: CancelToken) -> Any:
            with session.worker_archive() as archive:
                return verify.verify_archive(archive)

        session.runner.run(job, title=self.tr("Verifying the archive"), on_done=self._done,
                           on_error=self._failed)  # fmt: skip

    def _finish(self) -> None:
        self._running = False
        self.bar.hide()
        self.run_button.setEnabled(True)

    def _done(self, report: Any) -> None:
        self._finish()
        self.report = report
        self.retranslate()
        counts = self.tr(
            "{entries} changes in the audit log and {records} records were checked."
        ).format(entries=report.audit_entries, records=report.records_checked)
        if report.ok:
            self.badge.setPixmap(theme.icon("circle-check", "ok").pixmap(36, 36))
            self.heading.setText(self.tr("Everything checks out"))
            self.explain.setText(
                self.tr("Nothing was altered behind Tumar's back. {counts}").format(counts=counts)
            )
        else:
            self.badge.setPixmap(theme.icon("circle-x", "error").pixmap(36, 36))
            self.heading.setText(self.tr("Problems were found"))
            self.explain.setText(
                self.tr(
                    "Some of the archive does not match its own records. Keep this laptop's "
                    "copy as it is and compare it with a backup. {counts}"
                ).format(counts=counts)
            )
            self.problems.clear()
            self.problems.addItems(list(report.problems))
            self.problems.show()
        if report.head_hash and report.audit_entries:
            self.fingerprint_label.setText(
                self.tr("Fingerprint of the latest change (compare it with a dossier's):")
            )
            self.fingerprint.setText(report.head_hash)
            self.fingerprint.setAccessibleName(self.fingerprint_label.text())
            self.fingerprint_label.show()
            self.fingerprint.show()
        self.checked.emit(bool(report.ok))

    def _failed(self, message: str) -> None:
        self._finish()
        self.badge.setPixmap(theme.icon("circle-x", "error").pixmap(36, 36))
        self.heading.setText(self.tr("The check could not finish"))
        self.explain.setText(message)
        self.checked.emit(False)
