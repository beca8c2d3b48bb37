"""Restore a backup into a NEW archive: how a new laptop joins the team, or a seized one is
replaced. The person picks the backup and how to open it, where the new archive goes
(a new or empty folder only) and its passphrase (the create screen's rules and meter).

The restore runs on the window's job runner with progress and Cancel. It checks the bundle
first (it opens with this secret, it is a full backup) before any folder is made, so a
wrong passphrase is one line under its field; a failed or cancelled restore leaves no
folder behind (app.sync.restore deletes what it made). The new archive is closed on the
worker and reopened on the GUI thread from its key, like a created one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tumar.app import restore_inputs
from tumar.app.jobs import CancelToken, Progress
from tumar.app.restore_inputs import RestoreResult
from tumar.app.sync import bundle_io

from .. import theme
from ..jobs import JobRunner
from .backup_source import BackupSource
from .common import card_page, label
from .new_archive import ArchivePlace, NewPassphrase


class RestoreScreen(QWidget):
    restored = Signal(object, str)  # UnlockedKey of the new archive, its recovery code
    back = Signal()

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._busy = False
        self._token: CancelToken | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)  # the longest start screen: scrolls on a small window
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)
        page = QWidget(self.scroll)
        self.scroll.setWidget(page)
        box, _card = card_page(page, 560)
        self.title = label("", "title")
        self.intro = label("", "muted")
        box.addWidget(self.title)
        box.addWidget(self.intro)
        box.addSpacing(8)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)
        self.source = BackupSource(self, form)
        self.new_heading = label("", "muted", wrap=False)
        self.new_heading.setContentsMargins(0, 10, 0, 0)
        form.addRow(self.new_heading)
        self.where = ArchivePlace(self, form)
        self.folder_error = label("", "error")
        form.addRow(self.folder_error)
        self.pair = NewPassphrase(self, form)
        for part in (self.source, self.where, self.pair):
            part.changed.connect(self._update)
        self.source.submitted.connect(self._submit_from_secret)
        self.pair.second.returnPressed.connect(self.start_restore)
        box.addLayout(form)
        self.error = label("", "error")
        box.addWidget(self.error)
        self.status = label("", "muted")
        box.addWidget(self.status)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        box.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self._go_back)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        self.restore_button = QPushButton(self)
        theme.set_flag(self.restore_button, "primary")
        self.restore_button.clicked.connect(self.start_restore)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.restore_button)
        box.addLayout(buttons)
        runner.progress.connect(self._on_progress)
        s = self.source
        for a, b in ((s.bundle_choose, s.secret), (s.secret, s.identity_choose),
                     (s.identity_choose, s.mode_button), (s.mode_button, self.where.name),
                     (self.where.name, self.where.choose), (self.where.choose, self.pair.first),
                     (self.pair.first, self.pair.second), (self.pair.second, self.restore_button),
                     (self.restore_button, self.back_button)):  # fmt: skip
            self.setTabOrder(a, b)
        self.retranslate()
        self.reset()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Restore from a backup"))
        self.intro.setText(
            self.tr(
                "Makes a new archive on this laptop from a backup file, with its own "
                "passphrase and recovery code. The backup itself is not changed."
            )
        )
        self.source.retranslate()
        self.new_heading.setText(self.tr("The new archive"))
        self.where.retranslate()
        self.pair.retranslate()
        self.pair.set_labels(self.tr("&New passphrase"), self.tr("Re&peat the new passphrase"))
        self.back_button.setText(self.tr("Back"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update()

    def reset(self) -> None:
        self.source.reset()
        self.where.name.setText(self.tr("Restored archive"))
        self.pair.forget()
        for line in (self.error, self.status, self.folder_error):
            line.hide()
        self.progress.hide()
        self._update()

    def forget(self) -> None:
        """On lock or quit: no secret stays in any field."""
        self.source.secret.forget()
        self.pair.forget()

    # ---- validation -----------------------------------------------------------------
    def _update(self) -> None:
        taken = self.where.name_ok and not restore_inputs.folder_is_free(self.where.folder())
        self.folder_error.setText(
            self.tr("This folder already exists and is not empty. A backup is restored "
                    "only into a new folder: choose another name or place.")
            if taken else ""
        )  # fmt: skip
        self.folder_error.setVisible(taken)
        ready = self.source.ready and self.where.name_ok and not taken and self.pair.ready
        self.restore_button.setEnabled(ready and not self._busy)
        self.restore_button.setText(self.tr("Restoring…") if self._busy else self.tr("Restore"))
        self.cancel_button.setVisible(self._busy)

    @property
    def can_restore(self) -> bool:
        return self.restore_button.isEnabled()

    def _submit_from_secret(self) -> None:
        if self.can_restore:
            self.start_restore()
        else:
            self.where.name.setFocus()

    def _go_back(self) -> None:
        self.forget()
        self.back.emit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.source.set_enabled(not busy)
        self.where.set_enabled(not busy)
        self.pair.set_enabled(not busy)
        self.back_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.status.setVisible(busy)
        self._update()

    # ---- restoring ------------------------------------------------------------------
    def start_restore(self) -> None:
        self._update()
        if not self.can_restore or self.source.bundle is None:
            return
        given = self.source.secret_for_job()
        if given is None:
            return
        bundle, folder, passphrase = self.source.bundle, self.where.folder(), self.pair.text()
        self.error.hide()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Checking the backup…"))
        self._set_busy(True)
        self.scroll.ensureWidgetVisible(self.restore_button)  # progress and Cancel in view

        def job(progress: Progress, cancel: CancelToken) -> RestoreResult:
            self._token = cancel  # what Cancel sets (a plain reference, set once)
            secret = given if isinstance(given, bundle_io.Secret) else None
            if secret is None:
                secret = restore_inputs.secret_from_text(str(given))
            return restore_inputs.restore_to_key(
                bundle, folder, passphrase, secret, progress, cancel
            )

        self.runner.run(job, title=self.tr("Restoring from a backup"), on_done=self._finished,
                        on_error=self._failed)  # fmt: skip

    def idle(self) -> None:
        """Out of the busy state without a result (the job was dropped on Panic)."""
        self._token = None
        self._set_busy(False)

    def cancel(self) -> None:
        if self._busy and self._token is not None:
            self._token.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        if not self._busy or total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(self.tr("Restoring the records and media…"))

    def _finished(self, result: RestoreResult) -> None:
        self._token = None
        self._set_busy(False)
        if result.key is not None:
            self.forget()
            self.restored.emit(result.key, result.code)
            return
        kind = result.refused
        if kind == restore_inputs.WRONG_KEY:
            self.source.show_key_error(
                self.tr("This identity file does not open this backup.")
                if self.source.identity_mode
                else self.tr("This passphrase or recovery code does not open this backup.")
            )
            self.scroll.ensureWidgetVisible(self.source.key_error)
        elif kind == restore_inputs.NOT_BACKUP:
            self.source.show_bundle_error(
                self.tr("This is a sync file, not a backup. Choose a backup file "
                        "(its name starts with tumar-backup).")
            )  # fmt: skip
            self.scroll.ensureWidgetVisible(self.source.bundle_error)
        elif kind == restore_inputs.DAMAGED:
            self.source.show_bundle_error(
                self.tr("This backup is damaged or incomplete, or from another or newer "
                        "Tumar. Copy it again from where it came from.")
            )  # fmt: skip
            self.scroll.ensureWidgetVisible(self.source.bundle_error)
        elif kind == restore_inputs.FOLDER_TAKEN:
            self._update()
            self.where.name.setFocus()
        else:
            self._show_error(
                self.tr("The disk is full, so nothing was restored. Free some space and "
                        "try again.")
            )  # fmt: skip

    def _failed(self, message: str) -> None:
        self._token = None
        self._set_busy(False)
        self._show_error(message)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.scroll.ensureWidgetVisible(self.error)
